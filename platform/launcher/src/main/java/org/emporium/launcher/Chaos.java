package org.emporium.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emporium.platform.faults.Errors;
import org.emporium.platform.faults.Fault;
import org.emporium.platform.faults.FlagFile;
import org.emporium.platform.faults.Latency;
import org.emporium.platform.faults.Share;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./emporium chaos}: faults injected into the running system on purpose. Runtime faults
 * (latency, errors, calls cut off) go into the flag file every service watches (ADR 0013) and take
 * effect within a second, with no restart; process faults (kill, pause, resume, restart) are
 * signals to the processes the launcher started, which the launcher's supervisor answers as it
 * would a real crash. Whatever was given wrong is one line and exit status 2, with nothing injected.
 */
@Command(name = "chaos", description = "Break the running system on purpose: latency, errors, cut calls, stalled consumers, "
        + "kill, pause, restart, outages; clear undoes the runtime faults; run plays a scenario and checks what must hold.",
        subcommands = {Chaos.LatencyCommand.class, Chaos.ErrorsCommand.class, Chaos.Cut.class, Chaos.Clear.class,
                Chaos.Show.class, Chaos.Kill.class, Chaos.Pause.class, Chaos.Resume.class, Chaos.Restart.class,
                Chaos.Stall.class, Chaos.Down.class, Chaos.KafkaDown.class, Chaos.PostgresDown.class, Chaos.Run.class})
final class Chaos implements Callable<Integer> {

    @CommandLine.ParentCommand
    Emporium parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Only check what was given, inject nothing and need nothing running: how a scenario's
     * timeline is checked before its run starts (set by {@link ScenarioRun}, not an option).
     */
    boolean checkOnly;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    Workspace workspace() {
        return parent.workspace();
    }

    // ---- what was given: durations, shares, names ---------------------------------------------

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    /** {@code 300ms}, {@code 2s}, {@code 1m}. */
    static Duration duration(CommandLine cli, String what, String text) {
        return parsedDuration(text).orElseThrow(() -> new CommandLine.ParameterException(cli,
                what + ": '" + text + "' is no duration (e.g. 300ms, 10s, 2m)"));
    }

    /** {@code 300ms}, {@code 2s}, {@code 1m}; empty for anything else (the one reading of a duration, scenarios too). */
    static java.util.Optional<Duration> parsedDuration(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return java.util.Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        });
    }

    /** {@code 50%} or {@code 50}, from 0 to 100. */
    static int percent(CommandLine cli, String text) {
        String digits = text.strip().endsWith("%") ? text.strip().substring(0, text.strip().length() - 1) : text.strip();
        try {
            int value = Integer.parseInt(digits);
            if (value >= 0 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new CommandLine.ParameterException(cli, "share: '" + text + "' is not a percentage from 0 to 100 (e.g. 50%)");
    }

    static String service(CommandLine cli, String name) {
        if (Topology.services().stream().noneMatch(s -> s.name().equals(name))) {
            throw new CommandLine.ParameterException(cli, "no such service: " + name + " (the services: "
                    + String.join(", ", Topology.services().stream().map(Node::name).toList()) + ")");
        }
        return name;
    }

    /**
     * Downstreams outside the system that a service's own code calls in process, which faults may
     * meet as they meet REST calls: payments' card provider (a simulator here).
     */
    static final Map<String, List<String>> OUTSIDE = Map.of("payments", List.of("provider"));

    /** The database as a downstream: latency only ({@code latency orders 200ms --to postgres}, a slow database). */
    static final String DATABASE = "postgres";

    /** A downstream {@code caller} calls: a service of the graph, one {@link #OUTSIDE} it, or its database. */
    static void callee(CommandLine cli, String caller, String callee) {
        Node node = Topology.services().stream().filter(s -> s.name().equals(caller)).findFirst().orElseThrow();
        if (node.kind() != Node.Kind.QUARKUS) {
            throw new CommandLine.ParameterException(cli, caller + "'s calls take no faults (only the Quarkus services' clients"
                    + " do; " + caller + " takes latency and errors on the requests it receives)");
        }
        List<String> calls = new ArrayList<>(node.calls());
        calls.addAll(OUTSIDE.getOrDefault(caller, List.of()));
        if (node.usesDatabase()) {
            calls.add(DATABASE);
        }
        if (!calls.contains(callee)) {
            throw new CommandLine.ParameterException(cli, caller + " does not call " + callee + " (it calls: "
                    + (calls.isEmpty() ? "nothing" : String.join(", ", calls)) + ")");
        }
    }

    /** Until when a fault lasts: {@code --for 60s}, or 0 for until cleared. */
    static long until(CommandLine cli, String lasting) {
        return lasting == null ? 0 : Instant.now().plus(duration(cli, "--for", lasting)).toEpochMilli();
    }

    private static String lasting(long until) {
        return until == 0 ? "until ./emporium chaos clear" : "until " + Instant.ofEpochMilli(until);
    }

    abstract static class RuntimeFault implements Callable<Integer> {

        @CommandLine.ParentCommand
        Chaos chaos;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--for", paramLabel = "DURATION", description = "Lift it by itself after this long (e.g. 60s).")
        String lasting;

        @Option(names = "--path", paramLabel = "PREFIX", description = "Only requests whose path starts with this (e.g. /api/catalog/products).")
        String path;

        @Option(names = "--to", paramLabel = "CALLEE", description = "On the service's calls to this downstream instead of the "
                + "requests it receives: a service it calls (latency orders 500ms --to payments), or payments' card provider "
                + "(errors payments 30%% --to provider).")
        String to;

        CommandLine cli() {
            return spec.commandLine();
        }

        /** The requests a fault meets: this share of them, under --path, for --for; or of the calls --to a downstream. */
        Share share(String service, String percentage) {
            if (to != null) {
                callee(cli(), service, to);
                if (path != null) {
                    throw new CommandLine.ParameterException(cli(), "--path and --to: a fault meets the requests a service "
                            + "receives (--path) or its calls to one downstream (--to), not both");
                }
            }
            return new Share(percent(cli(), percentage), path, until(cli(), lasting), to);
        }

        static String described(Share share) {
            String what = share.to().isEmpty() ? "requests" : "calls to " + share.to();
            return " on " + share.percent() + " % of " + what + (share.path().equals("/") ? "" : " under " + share.path())
                    + ", " + lasting(share.until());
        }

        void write(String service, Fault kind, Map<String, Object> value, String said) {
            if (chaos.checkOnly) {
                return;
            }
            if (!running(chaos.workspace())) {
                throw new NotRunning(); // up starts with no faults: one written now would not last
            }
            var file = chaos.workspace().faultsFile();
            FlagFile.read(file).with(service, kind, value).write(file);
            System.out.println("▸ " + said);
        }

        @Override
        public Integer call() {
            try {
                return inject();
            } catch (NotRunning e) {
                spec.commandLine().getErr().println("emporium: " + e.getMessage());
                return 3;
            }
        }

        abstract int inject();
    }

    @Command(name = "latency", description = "Delay a share of a service's requests: chaos latency catalog 300ms 50%%, "
            + "or a uniform draw: chaos latency catalog 100ms..800ms")
    static final class LatencyCommand extends RuntimeFault {

        @Parameters(index = "0", paramLabel = "SERVICE")
        String service;

        @Parameters(index = "1", paramLabel = "DELAY", description = "300ms, 2s, or a range 100ms..800ms")
        String delay;

        @Parameters(index = "2", arity = "0..1", paramLabel = "SHARE", description = "of the requests (default 100%%)")
        String share = "100%";

        @Override
        int inject() {
            String name = service(cli(), service);
            String[] range = delay.split("\\.\\.", 2);
            long from = duration(cli(), "delay", range[0]).toMillis();
            long to = range.length == 2 ? duration(cli(), "delay", range[1]).toMillis() : from;
            if (to < from) {
                throw new CommandLine.ParameterException(cli(), "delay: " + delay + " ends before it begins");
            }
            Latency latency = new Latency(from, to, share(name, share));
            write(name, Fault.LATENCY, Fault.value(latency), name + ": " + delay + " more" + described(latency.share()));
            return 0;
        }
    }

    @Command(name = "errors", description = "Answer a share of a service's requests with an error instead: "
            + "chaos errors inventory 20%% (503), --status 500, or --drop to close the connection unanswered")
    static final class ErrorsCommand extends RuntimeFault {

        @Parameters(index = "0", paramLabel = "SERVICE")
        String service;

        @Parameters(index = "1", paramLabel = "SHARE", description = "of the requests, e.g. 20%%")
        String share;

        @Option(names = "--status", paramLabel = "STATUS", description = "The status answered, 400 to 599 (default ${DEFAULT-VALUE}).")
        int status = 503;

        @Option(names = "--drop", description = "Close the connection with no answer instead.")
        boolean drop;

        @Override
        int inject() {
            String name = service(cli(), service);
            Share meets = share(name, share);
            if (drop && name.equals("identity")) { // Spring MVC on Tomcat: the servlet API has no way to
                // close a connection unanswered (the gateway, on Netty, and the Quarkus services do)
                throw new CommandLine.ParameterException(cli(), "--drop: " + name + " (a servlet container) cannot drop a "
                        + "connection unanswered; --status 503 answers an error instead");
            }
            if (!drop && (status < 400 || status > 599)) {
                throw new CommandLine.ParameterException(cli(), "--status: " + status + " is not an error status (400 to 599)");
            }
            if (DATABASE.equals(to)) {
                throw new CommandLine.ParameterException(cli(), "--to " + DATABASE + ": the database takes latency only (a slow "
                        + "database: chaos latency " + name + " 200ms --to " + DATABASE + "; a database down: chaos postgres down 10s)");
            }
            Errors errors = new Errors(drop ? Errors.DROP : status, meets);
            write(name, Fault.ERRORS, Fault.value(errors), name + ": " + (drop ? "connection dropped" : "status " + status)
                    + described(meets));
            return 0;
        }
    }

    @Command(name = "cut", description = "Refuse one service's calls to another, as if the network between them were "
            + "down: chaos cut storefront recommendations 60s (no duration: until cleared)")
    static final class Cut extends RuntimeFault {

        @Parameters(index = "0", paramLabel = "CALLER")
        String caller;

        @Parameters(index = "1", paramLabel = "CALLEE")
        String callee;

        @Parameters(index = "2", arity = "0..1", paramLabel = "DURATION")
        String duration;

        @Override
        int inject() {
            String from = service(cli(), caller);
            callee(cli(), from, callee);
            if (DATABASE.equals(callee)) {
                throw new CommandLine.ParameterException(cli(), "cut " + from + " " + DATABASE + ": the database takes latency only"
                        + " (chaos postgres down 10s takes it away from every service)");
            }
            long until = duration != null ? until(cli(), duration) : until(cli(), lasting);
            if (chaos.checkOnly) {
                return 0;
            }
            var file = chaos.workspace().faultsFile();
            Map<String, Object> cut = new java.util.LinkedHashMap<>(FlagFile.read(file).value(from, Fault.CUT));
            cut.put(callee, Fault.until(until));
            write(from, Fault.CUT, cut, from + " → " + callee + ": calls refused, " + lasting(until));
            return 0;
        }
    }

    @Command(name = "stall", description = "Stop a service's Kafka consumers from consuming (they stay in their group; "
            + "their lag grows): chaos stall notifications 30s (no duration: until cleared)")
    static final class Stall extends RuntimeFault {

        @Parameters(index = "0", paramLabel = "SERVICE")
        String service;

        @Parameters(index = "1", arity = "0..1", paramLabel = "DURATION")
        String duration;

        @Override
        int inject() {
            String name = service(cli(), service);
            Node node = Topology.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
            if (!node.usesKafka()) {
                throw new CommandLine.ParameterException(cli(), name + " uses no Kafka: it has no consumer to stall");
            }
            long until = duration != null ? until(cli(), duration) : until(cli(), lasting);
            write(name, Fault.STALL, Fault.stall(until), name + ": Kafka consumers stalled, " + lasting(until));
            return 0;
        }
    }

    @Command(name = "clear", description = "Remove the runtime faults (latency, errors, cut calls) of every service, or of those named.")
    static final class Clear implements Callable<Integer> {

        @CommandLine.ParentCommand
        Chaos chaos;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..*", paramLabel = "SERVICE")
        List<String> services = new ArrayList<>();

        @Override
        public Integer call() {
            services.forEach(s -> service(spec.commandLine(), s));
            if (chaos.checkOnly) {
                return 0;
            }
            var file = chaos.workspace().faultsFile();
            FlagFile flags = FlagFile.read(file);
            List<String> names = services.isEmpty() ? Topology.services().stream().map(Node::name).toList() : services;
            for (String name : names) {
                for (Fault kind : Fault.values()) {
                    flags = flags.without(name, kind);
                }
            }
            flags.write(file);
            System.out.println("▸ runtime faults cleared" + (services.isEmpty() ? "" : " of " + String.join(", ", services)));
            return 0;
        }
    }

    @Command(name = "status", description = "Print the runtime faults in force.")
    static final class Show implements Callable<Integer> {

        @CommandLine.ParentCommand
        Chaos chaos;

        @Override
        public Integer call() {
            FlagFile flags = FlagFile.read(chaos.workspace().faultsFile());
            if (flags.flags().isEmpty()) {
                System.out.println("no runtime faults");
            }
            new java.util.TreeMap<>(flags.flags()).forEach((key, value) -> System.out.println(key + " " + value));
            return 0;
        }
    }

    // ---- process faults: signals to what the launcher started -----------------------------------

    static boolean running(Workspace workspace) {
        RunState state = RunState.read(workspace.stateFile());
        return state != null && ProcessHandle.of(state.launcherPid()).map(ProcessHandle::isAlive).orElse(false);
    }

    abstract static class ProcessFault implements Callable<Integer> {

        @CommandLine.ParentCommand
        Chaos chaos;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "COMPONENT", description = "A process as ./emporium status names it: orders, orders-2, kafka, postgres, ...")
        String component;

        /** The running process of that name; exit 2 for a name the system does not have, 3 when nothing runs. */
        ProcessHandle process() {
            return process(chaos, spec, component);
        }

        static ProcessHandle process(Chaos chaos, CommandLine.Model.CommandSpec spec, String component) {
            RunState state = RunState.read(chaos.workspace().stateFile());
            if (state == null || !running(chaos.workspace())) {
                throw new NotRunning();
            }
            RunState.Entry entry = state.entries().stream().filter(e -> e.name().equals(component)).findFirst()
                    .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "no such component: " + component
                            + " (running: " + String.join(", ", state.entries().stream().map(RunState.Entry::name).toList()) + ")"));
            return ProcessHandle.of(entry.pid()).orElseThrow(() -> new NotRunning(component + " (pid " + entry.pid()
                    + ") is not running now; the launcher restarts what dies, see ./emporium status"));
        }

        @Override
        public Integer call() throws Exception {
            if (chaos.checkOnly) {
                known(spec.commandLine(), component);
                return check();
            }
            try {
                return act(process());
            } catch (NotRunning e) {
                spec.commandLine().getErr().println("emporium: " + e.getMessage());
                return 3;
            }
        }

        abstract int act(ProcessHandle process) throws Exception;

        /** What else {@link Chaos#checkOnly} checks. */
        int check() {
            return 0;
        }
    }

    /** A component the system has (a copy, orders-2, too), running or not. */
    static void known(CommandLine cli, String component) {
        List<String> names = java.util.stream.Stream.concat(Topology.GRAPH.stream(), Topology.LOCAL_ONLY.stream())
                .map(Node::name).toList();
        if (!names.contains(Instances.service(component))) {
            throw new CommandLine.ParameterException(cli, "no such component: " + component + " (the components: "
                    + String.join(", ", names) + ")");
        }
    }

    static final class NotRunning extends RuntimeException {
        NotRunning() {
            this("Emporium is not running (./emporium up starts it)");
        }

        NotRunning(String message) {
            super(message);
        }
    }

    /** Whether a process is frozen by SIGSTOP: its state in /proc is T (stopped). */
    static boolean paused(long pid) {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // pid (comm) state ...: the command may hold spaces and parentheses, the state follows the last ')'
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("T");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + signal + " " + pid + " failed");
        }
    }

    @Command(name = "kill", description = "Kill a process with SIGKILL, as a crash would; the launcher restarts it.")
    static final class Kill extends ProcessFault {
        @Override
        int act(ProcessHandle process) {
            process.destroyForcibly(); // SIGKILL on Linux
            System.out.println("▸ killed " + component + " (pid " + process.pid() + ", SIGKILL); the launcher restarts it");
            return 0;
        }
    }

    @Command(name = "restart", description = "Stop a process gracefully (SIGTERM); the launcher starts it again.")
    static final class Restart extends ProcessFault {
        @Override
        int act(ProcessHandle process) {
            process.destroy(); // SIGTERM
            System.out.println("▸ stopping " + component + " (pid " + process.pid() + ", SIGTERM); the launcher starts it again");
            return 0;
        }
    }

    @Command(name = "pause", description = "Freeze a process (SIGSTOP) for a while, then resume it (SIGCONT): "
            + "chaos pause payments 10s. Without a duration it stays frozen until chaos resume.")
    static final class Pause extends ProcessFault {

        @Parameters(index = "1", arity = "0..1", paramLabel = "DURATION")
        String lasting;

        @Override
        int check() {
            if (lasting != null) {
                duration(spec.commandLine(), "duration", lasting);
            }
            return 0;
        }

        @Override
        int act(ProcessHandle process) throws Exception {
            Duration pause = lasting == null ? null : duration(spec.commandLine(), "duration", lasting);
            signal("STOP", process.pid());
            if (pause == null) {
                System.out.println("▸ paused " + component + " (pid " + process.pid() + "); ./emporium chaos resume " + component);
                return 0;
            }
            // resumed even when this command is interrupted (Ctrl-C) before the time is up
            Thread resume = new Thread(() -> {
                try {
                    signal("CONT", process.pid());
                } catch (IOException | InterruptedException ignored) {
                    // the process is gone: nothing to resume
                }
            });
            Runtime.getRuntime().addShutdownHook(resume);
            System.out.println("▸ paused " + component + " (pid " + process.pid() + ") for " + lasting);
            Thread.sleep(pause.toMillis());
            Runtime.getRuntime().removeShutdownHook(resume);
            signal("CONT", process.pid());
            System.out.println("▸ resumed " + component);
            return 0;
        }
    }

    @Command(name = "resume", description = "Resume a paused process (SIGCONT).")
    static final class Resume extends ProcessFault {
        @Override
        int act(ProcessHandle process) throws Exception {
            signal("CONT", process.pid());
            System.out.println("▸ resumed " + component + " (pid " + process.pid() + ")");
            return 0;
        }
    }

    /** The longest outage asked for: longer ones are a stopped system, not a fault. */
    static final Duration LONGEST_OUTAGE = Duration.ofMinutes(30);

    /** Asks the running launcher to keep a component down until a time (see {@link Outages}). */
    static int takeDown(Chaos chaos, CommandLine.Model.CommandSpec spec, String component, String lasting) {
        Duration outage = duration(spec.commandLine(), "duration", lasting);
        if (outage.isZero() || outage.compareTo(LONGEST_OUTAGE) > 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "duration: " + lasting + " is not from 1 ms to "
                    + LONGEST_OUTAGE.toMinutes() + " minutes");
        }
        if (chaos.checkOnly) {
            known(spec.commandLine(), component);
            return 0;
        }
        try {
            ProcessFault.process(chaos, spec, component);
        } catch (NotRunning e) {
            if (!running(chaos.workspace())) {
                spec.commandLine().getErr().println("emporium: " + e.getMessage());
                return 3;
            }
            // a component that is down already (killed, or down on purpose) may have its outage set or moved
        }
        Instant until = Instant.now().plus(outage);
        Outages.ask(Outages.file(chaos.workspace()), component, until);
        System.out.println("▸ " + component + " down for " + lasting + ": the launcher stops it within a second and starts it"
                + " again at " + until);
        return 0;
    }

    @Command(name = "down", description = "Take a component down for a while; the launcher starts it again when the time "
            + "is up: chaos down kafka 30s, chaos down orders 20s (also chaos kafka down 30s, chaos postgres down 10s).")
    static final class Down implements Callable<Integer> {

        @CommandLine.ParentCommand
        Chaos chaos;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "COMPONENT")
        String component;

        @Parameters(index = "1", paramLabel = "DURATION")
        String lasting;

        @Override
        public Integer call() {
            return takeDown(chaos, spec, component, lasting);
        }
    }

    /** {@code chaos kafka down 30s}, as the issue and the docs say it. */
    abstract static class InfrastructureDown implements Callable<Integer> {

        @CommandLine.ParentCommand
        Chaos chaos;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "down")
        String verb;

        @Parameters(index = "1", paramLabel = "DURATION")
        String lasting;

        @Override
        public Integer call() {
            if (!verb.equals("down")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown fault: " + spec.name() + " " + verb
                        + " (" + spec.name() + " down <duration>)");
            }
            return takeDown(chaos, spec, spec.name(), lasting);
        }
    }

    @Command(name = "kafka", description = "chaos kafka down 30s: the broker stops, and starts again when the time is up.")
    static final class KafkaDown extends InfrastructureDown {
    }

    @Command(name = "postgres", description = "chaos postgres down 10s: the database server stops, and starts again when the time is up.")
    static final class PostgresDown extends InfrastructureDown {
    }

    // ---- scenarios --------------------------------------------------------------------------------

    /** Where the scenarios that ship with Emporium are, by name. */
    static final String SHIPPED = "tests/scenarios";

    @Command(name = "run", description = "Run a scenario: shoppers' load, a timeline of faults, then a report and the "
            + "invariants checked on the services' data (exit 1 when one is violated): chaos run broker-outage-during-a-sale, "
            + "or chaos run my-scenario.yaml. The shipped ones are in " + SHIPPED + ".")
    static final class Run implements Callable<Integer> {

        @CommandLine.ParentCommand
        Chaos chaos;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SCENARIO", description = "A YAML file, or the name of a shipped scenario.")
        String scenario;

        @Option(names = "--check", description = "Only check the file: say what is wrong in it, run nothing.")
        boolean checkFile;

        @Override
        public Integer call() throws Exception {
            Path root = chaos.parent.root.toAbsolutePath().normalize();
            Path file = scenarioFile(root, scenario);
            if (!java.nio.file.Files.isRegularFile(file)) {
                spec.commandLine().getErr().println("emporium: no scenario file " + scenario + ", and no shipped scenario of that name"
                        + " (shipped: " + String.join(", ", shipped(root)) + ")");
                return 2;
            }
            Scenario read;
            try {
                read = Scenario.read(file, words -> check(root, words));
            } catch (Scenario.Invalid e) {
                spec.commandLine().getErr().println("emporium: " + e.getMessage());
                return 2;
            }
            if (checkFile) {
                System.out.println("▸ " + file + ": a scenario of " + read.timeline().size() + " step(s), fine");
                return 0;
            }
            if (!running(chaos.workspace())) {
                spec.commandLine().getErr().println("emporium: " + new NotRunning().getMessage());
                return 3;
            }
            try {
                return new ScenarioRun(chaos.workspace(), root, read, System.out).run();
            } catch (ShopData.Unavailable e) {
                spec.commandLine().getErr().println("emporium: the shop did not answer the run's own reads: " + e.getMessage());
                return 3;
            }
        }

        /** A path as given, else a shipped scenario's name (with or without .yaml). */
        static Path scenarioFile(Path root, String given) {
            Path path = Path.of(given);
            if (java.nio.file.Files.exists(path)) {
                return path;
            }
            Path shipped = root.resolve(SHIPPED).resolve(given.endsWith(".yaml") ? given : given + ".yaml");
            return java.nio.file.Files.exists(shipped) ? shipped : path;
        }

        /** The names of the shipped scenarios. */
        static List<String> shipped(Path root) {
            try (var files = java.nio.file.Files.list(root.resolve(SHIPPED))) {
                return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                        .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
            } catch (IOException e) {
                return List.of();
            }
        }

        /** What is wrong with a timeline step, checked as the chaos command itself checks it; null when nothing. */
        static String check(Path root, List<String> words) {
            CommandLine cli = Emporium.commandLine();
            java.io.StringWriter err = new java.io.StringWriter();
            cli.setErr(new java.io.PrintWriter(err, true));
            cli.setOut(new java.io.PrintWriter(java.io.Writer.nullWriter()));
            CommandLine chaos = cli.getSubcommands().get("chaos");
            if (!chaos.getSubcommands().containsKey(words.getFirst())) {
                return "unknown fault: " + words.getFirst() + " (the chaos commands: " + String.join(", ",
                        chaos.getSubcommands().keySet().stream().filter(n -> !Set.of("run", "status").contains(n)).toList()) + ")";
            }
            ((Chaos) chaos.getCommand()).checkOnly = true;
            List<String> arguments = new ArrayList<>(List.of("--root", root.toString(), "chaos"));
            arguments.addAll(words);
            if (cli.execute(arguments.toArray(String[]::new)) == 0) {
                return null;
            }
            String said = err.toString().strip().lines().findFirst().orElse("not a chaos command");
            said = said.startsWith("emporium: ") ? said.substring("emporium: ".length()) : said;
            int help = said.lastIndexOf(" (see ./");
            return help > 0 ? said.substring(0, help) : said;
        }
    }
}

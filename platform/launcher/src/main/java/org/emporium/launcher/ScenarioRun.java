package org.emporium.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One run of a {@link Scenario} against the running system: shoppers' load through the gateway,
 * the timeline's chaos commands at their times (each one as {@code ./emporium chaos} runs it),
 * then the wait for every order to end, the {@link Invariants} checked on the services' own data,
 * and the report: what was injected and when it healed, what shoppers saw before, during and after
 * each fault, how long the shop took to recover, how the orders ended. Exit status 0 when every
 * invariant held, 1 when one did not.
 */
final class ScenarioRun {

    /** How long before a fault its baseline is read, and after it heals its aftermath. */
    private static final int WINDOW_SECONDS = 15;
    /** Recovered: this many seconds in a row as good as before the first fault. */
    private static final int STEADY_SECONDS = 5;
    /** The longest a component may take to be ready again after a kill or an outage. */
    private static final Duration BACK_WITHIN = Duration.ofMinutes(3);

    /** A timeline step as it ran: when, what it printed, when its fault healed (null for an action or not yet). */
    static final class Ran {
        final Scenario.Step step;
        volatile double injectedAt;
        volatile double healedAt = Double.NaN;
        volatile String healedHow = "";
        volatile int exitCode = -1;

        Ran(Scenario.Step step) {
            this.step = step;
        }

        boolean isFault() {
            return !Set.of("clear", "resume").contains(step.chaos().getFirst());
        }
    }

    private final Workspace workspace;
    private final Path root;
    private final Scenario scenario;
    private final PrintStream out;
    private final ShopData data;
    private final Map<String, String> changedPrices = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> originals = new ConcurrentHashMap<>();
    private long startNanos;

    ScenarioRun(Workspace workspace, Path root, Scenario scenario, PrintStream out) {
        this.workspace = workspace;
        this.root = root;
        this.scenario = scenario;
        this.out = out;
        this.data = new ShopData(workspace);
    }

    int run() throws InterruptedException {
        Scenario.Load load = scenario.load();
        out.printf("▸ %s: %s of shoppers (%s), %d fault step(s)%n", scenario.name(), seconds(load.duration()), rates(load),
                scenario.timeline().size());
        chaos("clear"); // a run starts from a healthy shop: its baseline is the one before the first fault

        // the products the orders buy get the scenario's stock; others are browsed and changed
        List<JsonNode> catalog = new ArrayList<>(data.products(0, 100));
        catalog.addAll(data.products(1, 100));
        List<String> hot = catalog.stream().limit(load.products()).map(p -> p.path("sku").asText()).toList();
        Map<String, Integer> before = new LinkedHashMap<>();
        for (String sku : hot) {
            data.setStock(sku, load.stock());
            before.put(sku, data.onHand(sku));
        }
        List<JsonNode> changeable = catalog.subList(Math.min(catalog.size(), load.products()), Math.min(catalog.size(), load.products() + 10));
        List<String> pages = catalog.stream().map(p -> p.path("sku").asText()).toList();
        List<String> words = catalog.stream().map(p -> p.path("name").asText().split(" ")[0]).distinct().toList();

        startNanos = System.nanoTime();
        ShopperLoad shoppers = new ShopperLoad(gateway(), load, startNanos, hot, pages, words);
        shoppers.start();
        ScheduledExecutorService admin = Executors.newScheduledThreadPool(1, Thread.ofPlatform().daemon().factory());
        if (load.catalogChangesPerSecond() > 0 && !changeable.isEmpty()) {
            admin.scheduleAtFixedRate(() -> changeOnePrice(changeable), 0,
                    Math.round(1_000_000 / load.catalogChangesPerSecond()), TimeUnit.MICROSECONDS);
        }
        admin.scheduleAtFixedRate(() -> progress(shoppers), 10, 10, TimeUnit.SECONDS);

        List<Ran> ran = scenario.timeline().stream().map(Ran::new).toList();
        List<Thread> steps = new ArrayList<>();
        for (Ran step : ran) {
            steps.add(Thread.ofVirtual().start(() -> runStep(step)));
        }
        sleepUntil(load.duration());
        shoppers.stop();
        admin.shutdownNow();
        double loadEnd = now();
        out.printf("▸ +%.1f s: the shoppers stopped; waiting for the faults to heal%n", loadEnd);
        for (Thread step : steps) {
            step.join(BACK_WITHIN.plusSeconds(60));
        }
        chaos("clear"); // what a step left on (a fault without a duration) ends with the load
        untilCleared(ran, loadEnd);
        if (!shoppers.resolveUnanswered(Duration.ofSeconds(60))) {
            out.printf("  %d placement(s) still unanswered a minute after the load%n", shoppers.unansweredCount());
        }

        // every order ends within settleWithin of the last fault's healing (or of the load's end, if later)
        double lastHealed = ran.stream().filter(Ran::isFault).mapToDouble(r -> Double.isNaN(r.healedAt) ? now() : r.healedAt)
                .max().orElse(0);
        double from = Math.max(lastHealed, loadEnd);
        double deadline = from + scenario.expect().settleWithin().toMillis() / 1000.0;
        List<ShopperLoad.Placed> placed = List.copyOf(shoppers.placed);
        Map<UUID, JsonNode> ended = new ConcurrentHashMap<>();
        out.printf("▸ waiting for %d orders to end (until +%.1f s)%n", placed.size(), deadline);
        poll(deadline, () -> {
            placed.parallelStream().filter(p -> !ended.containsKey(p.id())).forEach(p -> {
                try {
                    JsonNode order = data.order(p.id());
                    if (!order.path("status").asText().equals("PENDING")) {
                        ended.put(p.id(), order);
                    }
                } catch (ShopData.Unavailable e) {
                    // asked again on the next round
                }
            });
            return ended.size() == placed.size();
        });
        double settledAt = now();
        List<UUID> pending = placed.stream().map(ShopperLoad.Placed::id).filter(id -> !ended.containsKey(id)).toList();
        Invariants.Ended orders = new Invariants.Ended(List.copyOf(ended.values()));

        List<Invariants.Check> checks = new ArrayList<>();
        checks.add(Invariants.settled(placed.size(), pending, "within " + seconds(scenario.expect().settleWithin())
                + " of the last fault healing or the load ending (+" + String.format(Locale.ROOT, "%.1f", deadline) + " s)"));
        checks.add(Invariants.stock(before, orders, stockAfter(hot)));
        Map<UUID, List<BigDecimal>> captures = new HashMap<>();
        for (JsonNode order : orders.ended()) {
            UUID id = UUID.fromString(order.path("id").asText());
            captures.put(id, retried(() -> data.captures(id)));
        }
        checks.add(Invariants.captured(orders, captures));
        checks.add(Invariants.capturedOnce(captures));
        checks.add(emails(orders));
        if (load.catalogChangesPerSecond() > 0) {
            checks.add(searchable());
        }
        if (scenario.expect().cancelledAtMostPercent() != null) {
            Set<UUID> approved = placed.stream().filter(ShopperLoad.Placed::approvedCard).map(ShopperLoad.Placed::id).collect(Collectors.toSet());
            checks.add(Invariants.fewGoodOrdersCancelled(orders, approved, scenario.expect().cancelledAtMostPercent()));
        }
        restorePrices();

        report(ran, shoppers, loadEnd, orders, placed.size(), settledAt - from, checks);
        return checks.stream().allMatch(Invariants.Check::holds) ? 0 : 1;
    }

    // ---- the timeline ----------------------------------------------------------------------------

    private void runStep(Ran step) {
        try {
            sleepUntil(step.step.at());
            List<String> words = step.step.chaos();
            String verb = words.getFirst();
            // the process a kill, restart or outage hits: its pid now, to see its successor ready
            String component = switch (verb) {
                case "kill", "restart", "down" -> words.get(1);
                case "kafka", "postgres" -> verb;
                default -> null;
            };
            long pidBefore = component == null ? -1 : pid(component);
            step.injectedAt = now();
            out.printf("▸ +%.1f s: chaos %s%n", step.injectedAt, step.step.line());
            step.exitCode = chaos(words.toArray(String[]::new));
            if (!step.isFault() || step.exitCode != 0) {
                return;
            }
            Optional<Duration> lasting = lasting(words);
            if (component != null) {
                lasting.ifPresent(d -> sleepUntil(Duration.ofNanos((long) ((step.injectedAt * 1e9))).plus(d)));
                awaitBack(component, pidBefore);
                step.healedHow = component + " ready again";
            } else if (verb.equals("pause") && lasting.isPresent()) {
                step.healedHow = "resumed"; // the command returns when it resumed the process
            } else if (lasting.isPresent()) {
                sleepUntil(Duration.ofNanos((long) (step.injectedAt * 1e9)).plus(lasting.get()));
                step.healedHow = "lifted after " + seconds(lasting.get());
            } else {
                return; // healed by a later clear, or by the end of the load: see untilCleared
            }
            step.healedAt = now();
            out.printf("▸ +%.1f s: %s healed (%s)%n", step.healedAt, step.step.line(), step.healedHow);
        } catch (RuntimeException e) {
            out.printf("▸ step %s failed: %s%n", step.step.line(), e.getMessage());
        }
    }

    /** A runtime fault or a pause without a duration heals at the next clear or resume naming it, else with the load. */
    private static void untilCleared(List<Ran> ran, double loadEnd) {
        for (int i = 0; i < ran.size(); i++) {
            Ran fault = ran.get(i);
            if (!fault.isFault() || !Double.isNaN(fault.healedAt) || fault.exitCode != 0) {
                continue;
            }
            String target = fault.step.chaos().get(1);
            fault.healedAt = loadEnd;
            fault.healedHow = "cleared when the load ended";
            for (Ran later : ran.subList(i + 1, ran.size())) {
                List<String> words = later.step.chaos();
                boolean undoes = (words.getFirst().equals("clear") && (words.size() == 1 || words.contains(target)))
                        || (words.getFirst().equals("resume") && words.contains(target));
                if (undoes && later.exitCode == 0) {
                    fault.healedAt = later.injectedAt;
                    fault.healedHow = "chaos " + later.step.line();
                    break;
                }
            }
        }
    }

    /** How long a step's fault lasts by itself: {@code --for 30s}, {@code down 30s}, {@code pause x 10s}, {@code cut a b 60s}. */
    static Optional<Duration> lasting(List<String> words) {
        int forAt = words.indexOf("--for");
        if (forAt >= 0 && forAt + 1 < words.size()) {
            return Chaos.parsedDuration(words.get(forAt + 1));
        }
        int index = switch (words.getFirst()) {
            case "down", "pause" -> 2;
            case "kafka", "postgres" -> 2;
            case "cut" -> 3;
            case "stall" -> 2;
            default -> -1;
        };
        return index > 0 && index < words.size() ? Chaos.parsedDuration(words.get(index)) : Optional.empty();
    }

    /** Runs an {@code ./emporium chaos} command in this process, as the command line would. */
    private int chaos(String... words) {
        String[] arguments = Stream.concat(Stream.of("--root", root.toString(), "chaos"), Stream.of(words)).toArray(String[]::new);
        return Emporium.commandLine().execute(arguments);
    }

    private long pid(String component) {
        RunState state = RunState.read(workspace.stateFile());
        return state == null ? -1 : state.entries().stream().filter(e -> e.name().equals(component)).mapToLong(RunState.Entry::pid)
                .findFirst().orElse(-1);
    }

    /** Until the launcher has a new process for the component and it answers ready, as ./emporium status probes it. */
    private void awaitBack(String component, long pidBefore) {
        long deadline = System.nanoTime() + BACK_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            RunState state = RunState.read(workspace.stateFile());
            Optional<RunState.Entry> entry = state == null ? Optional.empty()
                    : state.entries().stream().filter(e -> e.name().equals(component)).findFirst();
            if (entry.isPresent() && entry.get().pid() != pidBefore && ProcessHandle.of(entry.get().pid()).map(ProcessHandle::isAlive).orElse(false)
                    && Emporium.Status.healthOf(workspace, entry.get(), Duration.ofSeconds(2)).equals("up")) {
                return;
            }
            pause(200);
        }
        throw new IllegalStateException(component + " was not ready again within " + seconds(BACK_WITHIN));
    }

    // ---- the admin's catalog changes -------------------------------------------------------------

    private void changeOnePrice(List<JsonNode> changeable) {
        JsonNode product = changeable.get(ThreadLocalRandom.current().nextInt(changeable.size()));
        String sku = product.path("sku").asText();
        originals.putIfAbsent(sku, product);
        String price = new BigDecimal(product.at("/price/amount").asText())
                .add(BigDecimal.valueOf(ThreadLocalRandom.current().nextInt(1, 500), 2)).toPlainString();
        try {
            data.changePrice(data.product(sku), price);
        } catch (ShopData.Unavailable e) {
            // the catalog is down or slow: the admin tries another time; the change may still have
            // been made, so search is compared with what the catalog says now
        }
        changedPrices.put(sku, product.path("name").asText());
    }

    /** Search shows each changed product at the catalog's price now (asked until it does, up to 30 s). */
    private Invariants.Check searchable() {
        Map<String, String> catalog = new HashMap<>();
        Map<String, Optional<String>> searched = new HashMap<>();
        poll(now() + 30, () -> {
            changedPrices.forEach((sku, name) -> {
                try {
                    catalog.put(sku, data.product(sku).at("/price/amount").asText());
                    searched.put(sku, data.searchedPrice(sku, name));
                } catch (ShopData.Unavailable e) {
                    searched.put(sku, Optional.empty());
                }
            });
            return Invariants.searchable(catalog, searched).holds();
        });
        return Invariants.searchable(catalog, searched);
    }

    private void restorePrices() {
        originals.values().forEach(p -> {
            try {
                data.changePrice(data.product(p.path("sku").asText()), p.at("/price/amount").asText());
            } catch (ShopData.Unavailable e) {
                out.println("  could not restore the price of " + p.path("sku").asText() + ": " + e.getMessage());
            }
        });
    }

    // ---- the judge's reads -----------------------------------------------------------------------

    private Map<String, Integer> stockAfter(List<String> hot) {
        Map<String, Integer> after = new HashMap<>();
        hot.forEach(sku -> after.put(sku, retried(() -> data.onHand(sku))));
        return after;
    }

    /** Mail is sent after the order ends: asked until every ended order has its one mail, up to 30 s. */
    private Invariants.Check emails(Invariants.Ended orders) {
        Map<String, List<String>> subjects = new ConcurrentHashMap<>();
        poll(now() + 30, () -> {
            orders.ended().parallelStream().forEach(o -> {
                String address = o.path("email").asText();
                try {
                    subjects.put(address, data.mailSubjects(address));
                } catch (ShopData.Unavailable e) {
                    // asked again
                }
            });
            return Invariants.oneEmailEach(orders, subjects).holds();
        });
        return Invariants.oneEmailEach(orders, subjects);
    }

    private static <T> T retried(java.util.function.Supplier<T> read) {
        ShopData.Unavailable last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                return read.get();
            } catch (ShopData.Unavailable e) {
                last = e;
                pause(500);
            }
        }
        throw last;
    }

    // ---- the report ------------------------------------------------------------------------------

    private void report(List<Ran> ran, ShopperLoad shoppers, double loadEnd, Invariants.Ended orders, int placed,
                        double settledAfter, List<Invariants.Check> checks) {
        Scenario.Load load = scenario.load();
        out.println();
        out.println("═══ " + scenario.name() + " ═══");
        if (!scenario.about().isBlank()) {
            out.println(scenario.about().strip());
        }
        out.printf("%s of shoppers through the gateway: %s%n", seconds(load.duration()), rates(load));
        out.println();
        out.println("What was injected (seconds from the start of the load)");
        Ran first = ran.stream().filter(r -> r.isFault() && r.exitCode == 0).findFirst().orElse(null);
        int baselineTo = first == null ? (int) loadEnd : (int) first.injectedAt;
        Timeline.Stretch baseline = all(shoppers, Math.max(0, baselineTo - WINDOW_SECONDS), baselineTo);
        for (Ran step : ran) {
            String outcome = step.exitCode != 0 ? "FAILED (exit " + step.exitCode + "): nothing injected"
                    : !step.isFault() ? "" : Double.isNaN(step.healedAt) ? "did not heal" :
                    String.format(Locale.ROOT, "healed +%.1f s (%s)", step.healedAt, step.healedHow);
            out.printf("  +%5.1f s  %-36s %s%n", step.injectedAt, step.step.line(), outcome);
        }
        out.println();
        out.println("What shoppers saw           requests   errors      p50       p99");
        for (Ran step : ran) {
            if (!step.isFault() || step.exitCode != 0 || Double.isNaN(step.healedAt)) {
                continue;
            }
            int injected = (int) step.injectedAt;
            int healed = (int) Math.ceil(step.healedAt);
            int end = (int) Math.ceil(loadEnd);
            out.println("  " + step.step.line());
            row(shoppers, "before", Math.max(0, injected - WINDOW_SECONDS), injected);
            row(shoppers, "during", injected, Math.max(injected + 1, healed));
            if (healed < end) {
                row(shoppers, "after", healed, Math.min(end, healed + WINDOW_SECONDS));
            }
            out.println("    " + recovery(shoppers, baseline, healed, end));
        }
        out.printf("  whole run: browse %s; checkout %s%n", line(shoppers.browse.between(0, (int) Math.ceil(loadEnd))),
                line(shoppers.checkout.between(0, (int) Math.ceil(loadEnd))));
        for (var kind : Map.of("browse", shoppers.browse, "checkout", shoppers.checkout).entrySet()) {
            if (!kind.getValue().errorKinds().isEmpty()) {
                out.printf("  %s errors: %s%n", kind.getKey(), kind.getValue().errorKinds());
            }
        }
        if (shoppers.skipped.get() > 0) {
            out.printf("  %d shoppers not sent: %d were waiting already%n", shoppers.skipped.get(), ShopperLoad.MOST_IN_FLIGHT);
        }
        out.println();
        Map<String, Integer> reasons = orders.cancelledByReason();
        out.printf("Orders: %d placed, %d confirmed, %d cancelled%s; all ended %.1f s after the last fault healed or the load ended%n",
                placed, orders.confirmed().size(), orders.ended().size() - orders.confirmed().size(),
                reasons.isEmpty() ? "" : " " + reasons, settledAfter);
        List<Long> confirmMillis = orders.confirmed().stream().filter(o -> o.hasNonNull("confirmedAt"))
                .map(o -> Duration.between(Instant.parse(o.path("createdAt").asText()), Instant.parse(o.path("confirmedAt").asText())).toMillis())
                .sorted().toList();
        if (!confirmMillis.isEmpty()) {
            out.printf("  placed → confirmed: p50 %d ms, p99 %d ms, max %d ms%n", percentile(confirmMillis, 50),
                    percentile(confirmMillis, 99), confirmMillis.getLast());
        }
        out.println();
        out.println("Invariants");
        for (Invariants.Check check : checks) {
            out.printf("  %s %s: %s%n", check.holds() ? "✔" : "✘", check.promise(), check.summary());
            check.offenders().stream().limit(20).forEach(o -> out.println("      " + o));
            if (check.offenders().size() > 20) {
                out.printf("      … and %d more%n", check.offenders().size() - 20);
            }
        }
        long broken = checks.stream().filter(c -> !c.holds()).count();
        out.println(broken == 0 ? "All invariants hold." : broken + " invariant(s) violated.");
    }

    private void row(ShopperLoad shoppers, String label, int from, int to) {
        out.printf("    %-7s browse  %s%n", label, line(shoppers.browse.between(from, to)));
        out.printf("    %-7s checkout%s%n", "", line(shoppers.checkout.between(from, to)));
    }

    private static String line(Timeline.Stretch s) {
        return String.format(Locale.ROOT, "%8d  %6.1f %%  %6.0f ms  %6.0f ms", s.requests(), s.errorPercent(), s.p50Millis(), s.p99Millis());
    }

    /**
     * Recovered: the first second after healing from which {@value #STEADY_SECONDS} seconds in a
     * row are as good as before the first fault (errors at most 1 point above, p99 at most twice,
     * or 100 ms above, what it was).
     */
    private static String recovery(ShopperLoad shoppers, Timeline.Stretch baseline, int healed, int end) {
        double errorsLimit = baseline.errorPercent() + 1;
        double p99Limit = Math.max(2 * baseline.p99Millis(), baseline.p99Millis() + 100);
        for (int t = healed; t + STEADY_SECONDS <= end; t++) {
            boolean steady = true;
            for (int s = t; s < t + STEADY_SECONDS && steady; s++) {
                Timeline.Stretch second = all(shoppers, s, s + 1);
                steady = second.errorPercent() <= errorsLimit && second.p99Millis() <= p99Limit;
            }
            if (steady) {
                return "recovered " + (t - healed) + " s after it healed (errors ≤ " + Invariants.format(errorsLimit)
                        + " %, p99 ≤ " + Math.round(p99Limit) + " ms for " + STEADY_SECONDS + " s)";
            }
        }
        return "not recovered before the load ended";
    }

    private static Timeline.Stretch all(ShopperLoad shoppers, int from, int to) {
        Timeline.Stretch a = shoppers.browse.between(from, to);
        Timeline.Stretch b = shoppers.checkout.between(from, to);
        return new Timeline.Stretch(a.requests() + b.requests(), a.errors() + b.errors(),
                Math.max(a.p50Millis(), b.p50Millis()), Math.max(a.p99Millis(), b.p99Millis()));
    }

    private void progress(ShopperLoad shoppers) {
        int t = (int) now();
        Timeline.Stretch last = all(shoppers, Math.max(0, t - 10), t);
        out.printf("  +%d s: %d requests in the last 10 s, %.1f %% errors, p99 %.0f ms; %d orders placed%n", t, last.requests(),
                last.errorPercent(), last.p99Millis(), shoppers.placed.size());
    }

    // ---- time ------------------------------------------------------------------------------------

    private double now() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void sleepUntil(Duration sinceStart) {
        long wait = startNanos + sinceStart.toNanos() - System.nanoTime();
        if (wait > 0) {
            pause(TimeUnit.NANOSECONDS.toMillis(wait));
        }
    }

    /** Asks until the condition holds or the run's clock passes {@code until} (seconds from the start). */
    private void poll(double until, BooleanSupplier condition) {
        while (!condition.getAsBoolean() && now() < until) {
            pause(250);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private String gateway() {
        return "http://localhost:" + Topology.port("gateway");
    }

    private static String rates(Scenario.Load load) {
        List<String> parts = new ArrayList<>();
        if (load.browsePerSecond() > 0) {
            parts.add("browse " + number(load.browsePerSecond()) + "/s");
        }
        if (load.checkoutsPerSecond() > 0) {
            parts.add("checkout " + number(load.checkoutsPerSecond()) + "/s (" + load.declinedPercent() + " % declined cards, "
                    + load.products() + " products)");
        }
        if (load.catalogChangesPerSecond() > 0) {
            parts.add("catalog changes " + number(load.catalogChangesPerSecond()) + "/s");
        }
        return String.join(", ", parts);
    }

    private static String number(double value) {
        return Invariants.format(value);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}

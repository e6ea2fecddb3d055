package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.emporium.platform.faults.Errors;
import org.emporium.platform.faults.Fault;
import org.emporium.platform.faults.FlagFile;
import org.emporium.platform.faults.Latency;
import org.emporium.platform.faults.Share;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./emporium chaos} as a user runs it, against a "running system" whose launcher is this
 * test and whose payments is a {@code sleep}: what each verb writes or signals, and that bad input
 * is one line, exit status 2, and nothing injected.
 */
class ChaosTest {

    @TempDir
    Path root;

    private Process payments;
    private Path flags;

    @BeforeEach
    void aRunningSystem() throws IOException {
        payments = new ProcessBuilder("sleep", "300").start();
        Workspace workspace = new Workspace(root);
        workspace.create();
        new RunState(ProcessHandle.current().pid(), 1.0, List.of(
                new RunState.Entry("payments", payments.pid(), 8107, "http://localhost:8107", "", 1.0))).write(workspace.stateFile());
        flags = workspace.faultsFile();
    }

    @AfterEach
    void stop() {
        payments.destroyForcibly();
    }

    private CommandRun chaos(String... arguments) {
        return CommandRun.of(root, "chaos", arguments);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "latency nosuch 300ms", "latency catalog 300ms 150%", "latency catalog soon", "latency catalog 800ms..100ms",
            "errors inventory 20% --status 200", "errors inventory lots", "explode catalog", "cut storefront payments",
            "cut storefront nosuch 60s", "errors identity 20% --drop", "latency gateway 100ms --to catalog", "latency catalog 300ms --for ever", "kill nosuch",
            "pause payments forever", "clear nosuch", "kafka down 30s", "kafka up 30s", "down payments 2h",
            "down payments soon", "postgres down", "latency orders 500ms --to nosuch", "errors catalog 20% --to payments",
            "latency orders 300ms --to payments --path /api", "cut orders provider", "errors orders 20% --to postgres",
            "cut orders postgres", "latency search 200ms --to postgres", "stall gateway", "stall notifications soon"})
    void badInputIsOneLineAndExitStatusTwoWithNothingInjected(String arguments) {
        CommandRun run = chaos(arguments.split(" "));

        assertThat(run.code()).as(arguments).isEqualTo(2);
        assertThat(run.err().lines()).as(arguments).singleElement().asString().startsWith("emporium: ")
                .doesNotContain("Exception");
        assertThat(flags).as("nothing injected").doesNotExist();
        assertThat(payments.isAlive()).isTrue();
    }

    @Test
    void helpIsWhereTheErrorsSayItIs() {
        // every error says "see ./emporium <verb> --help"; before, --help itself was an unknown option (exit 2)
        assertThat(chaos("--help").code()).isZero();
        assertThat(chaos("latency", "--help").code()).isZero();
        assertThat(CommandRun.of(root, "logs", "--help").code()).isZero();
    }

    @Test
    void runtimeFaultsGoIntoTheFlagFileAndClearTakesThemAway() {
        assertThat(chaos("latency", "catalog", "300ms", "50%", "--path", "/api/catalog/products").code()).isZero();
        assertThat(chaos("errors", "inventory", "20%").code()).isZero();
        assertThat(chaos("errors", "payments", "100%", "--drop").code()).isZero();
        CommandRun cut = chaos("cut", "storefront", "recommendations", "60s");
        assertThat(cut.code()).isZero();
        assertThat(cut.out()).contains("storefront → recommendations");

        FlagFile file = FlagFile.read(flags);
        assertThat(file.faults("catalog").latency()).isEqualTo(new Latency(300, 300, new Share(50, "/api/catalog/products", 0)));
        assertThat(file.faults("inventory").errors()).isEqualTo(new Errors(503, new Share(20, "/", 0)));
        assertThat(file.faults("payments").errors().drops()).isTrue();
        long until = file.faults("storefront").cut().get("recommendations");
        assertThat(until - System.currentTimeMillis()).isBetween(50_000L, 61_000L);
        assertThat(chaos("status").out()).contains("catalog.latency", "storefront.cut");

        assertThat(chaos("clear", "catalog").code()).isZero();
        assertThat(FlagFile.read(flags).faults("catalog").none()).isTrue();
        assertThat(FlagFile.read(flags).faults("inventory").none()).isFalse();
        assertThat(chaos("clear").code()).isZero();
        assertThat(FlagFile.read(flags).flags()).isEmpty();
        assertThat(chaos("status").out()).contains("no runtime faults");
    }

    @Test
    void theGatewayAndIdentityTakeRuntimeFaultsToo() {
        assertThat(chaos("latency", "gateway", "300ms", "50%").code()).isZero();
        assertThat(chaos("errors", "identity", "20%", "--status", "500").code()).isZero();
        assertThat(chaos("errors", "gateway", "10%", "--drop").code()).isZero();

        FlagFile file = FlagFile.read(flags);
        assertThat(file.faults("gateway").latency().millis()).isEqualTo(300);
        assertThat(file.faults("gateway").errors().drops()).isTrue();
        assertThat(file.faults("identity").errors().status()).isEqualTo(500);
    }

    @Test
    void aSlowDatabaseAndAStalledConsumer() {
        assertThat(chaos("latency", "orders", "200ms", "50%", "--to", "postgres").out()).contains("calls to postgres");
        CommandRun stall = chaos("stall", "notifications", "30s");
        assertThat(stall.code()).isZero();
        assertThat(stall.out()).contains("notifications: Kafka consumers stalled");

        FlagFile file = FlagFile.read(flags);
        assertThat(file.faults("orders").latency().share().to()).isEqualTo("postgres");
        assertThat(file.faults("notifications").stalls(System.currentTimeMillis())).isTrue();
        assertThat(file.faults("notifications").stalls(System.currentTimeMillis() + 31_000)).isFalse();
        assertThat(chaos("clear", "notifications").code()).isZero();
        assertThat(FlagFile.read(flags).faults("notifications").none()).isTrue();
    }

    @Test
    void faultsOnCallsToADownstreamNameIt() {
        assertThat(chaos("latency", "orders", "500ms", "--to", "payments").out()).contains("calls to payments");
        assertThat(chaos("errors", "payments", "100%", "--to", "provider").code()).isZero();
        assertThat(chaos("cut", "payments", "provider", "30s").code()).isZero();

        FlagFile file = FlagFile.read(flags);
        assertThat(file.faults("orders").latency().share().to()).isEqualTo("payments");
        assertThat(file.faults("payments").errors().share().to()).isEqualTo("provider");
        assertThat(file.faults("payments").isCutOffFrom("provider")).isTrue();
    }

    @Test
    void aRangeOfLatencyAndAnEnd() {
        assertThat(chaos("latency", "search", "100ms..2s", "--for", "30s").code()).isZero();
        Latency latency = FlagFile.read(flags).faults("search").latency();
        assertThat(latency.millis()).isEqualTo(100);
        assertThat(latency.upToMillis()).isEqualTo(2_000);
        assertThat(latency.share().percent()).isEqualTo(100);
        assertThat(latency.share().until() - System.currentTimeMillis()).isBetween(20_000L, 31_000L);
    }

    @Test
    void pauseFreezesTheProcessUntilResumedAndKillEndsIt() throws Exception {
        assertThat(chaos("pause", "payments").code()).isZero();
        awaitState(payments.pid(), "stopped", "T");
        assertThat(Chaos.paused(payments.pid())).as("what status reads").isTrue();
        assertThat(chaos("resume", "payments").code()).isZero();
        awaitState(payments.pid(), "running again", "S", "R");
        assertThat(Chaos.paused(payments.pid())).isFalse();

        CommandRun timed = chaos("pause", "payments", "200ms");
        assertThat(timed.code()).isZero();
        assertThat(timed.out()).contains("paused payments", "resumed payments");
        awaitState(payments.pid(), "running again", "S", "R");

        CommandRun kill = chaos("kill", "payments");
        assertThat(kill.code()).isZero();
        assertThat(payments.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(payments.exitValue()).as("SIGKILL").isEqualTo(128 + 9);
    }

    @Test
    void anOutageIsAskedOfTheRunningLauncher() {
        CommandRun run = chaos("down", "payments", "30s");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("payments down for 30s");
        Instant until = Outages.read(Outages.file(new Workspace(root))).get("payments");
        assertThat(Duration.between(Instant.now(), until).toSeconds()).isBetween(20L, 30L);
        assertThat(payments.isAlive()).as("the launcher takes it down, not the command").isTrue();
    }

    @Test
    void withNothingRunningAFaultIsRefusedWithExitStatusThree() throws IOException {
        Files.delete(new Workspace(root).stateFile());
        CommandRun run = chaos("latency", "catalog", "300ms");
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("not running");
        assertThat(chaos("kill", "payments").code()).isEqualTo(3);
        assertThat(flags).doesNotExist();
    }

    /** Until the process is in one of these states: a signal is delivered soon after kill returns, not always at once. */
    private static void awaitState(long pid, String what, String... states) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (!List.of(states).contains(state(pid))) {
            assertThat(System.nanoTime()).as("%s (pid %d) within 5 s, now %s", what, pid, state(pid)).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The process's state letter from /proc: T stopped, S sleeping, R running. */
    private static String state(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    }
}

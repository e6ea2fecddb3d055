package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./emporium top}: its numbers from two scrapes, its rendering, and the verb, with fake readings. */
class TopTest {

    private static final long SECOND = 1_000_000_000L;
    private static final PrometheusText FIRST = PrometheusText.parse(PrometheusTextTest.resource("orders-1.txt"));
    private static final PrometheusText SECOND_SCRAPE = PrometheusText.parse(PrometheusTextTest.resource("orders-2.txt"));

    private static Top.Reading reading(long nanos, PrometheusText metrics, long cpuMillis) {
        return new Top.Reading(nanos, "up", metrics, null, Duration.ofMillis(cpuMillis), new Memory.Usage(150 * 1024, 170 * 1024));
    }

    @Test
    void ratesErrorsAndP99AreOverTheIntervalBetweenTwoScrapes() {
        // one second apart: 70 GETs, 2 answers 503, 2 answers 404
        Top.Row row = Top.row("orders", reading(0, FIRST, 1000), reading(SECOND, SECOND_SCRAPE, 1250));

        assertThat(row.requestsPerSecond()).isCloseTo(74, within(1e-9));
        assertThat(row.errorPercent()).isCloseTo(100.0 * 2 / 74, within(1e-9));
        // rank 73.26 of 74 is in the (1 s, 2.5 s] bucket, which holds the 74th: 1 + 1.5 * 0.26
        assertThat(row.p99Seconds()).isCloseTo(1.39, within(1e-9));
        assertThat(row.cpuPercent()).isCloseTo(25, within(1e-9));
        assertThat(row.pssMb()).isEqualTo(150);
        assertThat(row.openBreakers()).isEqualTo(1);
        assertThat(row.lag()).isEqualTo(11);
        assertThat(row.lagGrowing()).isTrue();
        assertThat(row.outbox()).isEqualTo(12);
    }

    @Test
    void ratesHalveOverTwoSecondsAndAreUnknownAtTheFirstReading() {
        Top.Row twoSeconds = Top.row("orders", reading(0, FIRST, 0), reading(2 * SECOND, SECOND_SCRAPE, 0));
        assertThat(twoSeconds.requestsPerSecond()).isCloseTo(37, within(1e-9));

        Top.Row first = Top.row("orders", null, reading(0, FIRST, 0));
        assertThat(first.requestsPerSecond()).isNull();
        assertThat(first.p99Seconds()).isNull();
        assertThat(first.cpuPercent()).isNull();
        // gauges need one reading
        assertThat(first.outbox()).isEqualTo(9);
        assertThat(first.lagGrowing()).isFalse();
    }

    @Test
    void noRequestsInTheIntervalIsZeroPerSecondAndNoErrorShareOrP99() {
        Top.Row row = Top.row("orders", reading(0, FIRST, 0), reading(SECOND, FIRST, 0));

        assertThat(row.requestsPerSecond()).isZero();
        assertThat(row.errorPercent()).isNull();
        assertThat(row.p99Seconds()).isNull();
        assertThat(row.openBreakers()).isZero();
    }

    @Test
    void aServiceThatServedNothingYetIsZeroPerSecond() {
        PrometheusText none = PrometheusText.parse("process_cpu_usage 0.01\nemporium_outbox_backlog_events NaN\n");
        Top.Row row = Top.row("search", reading(0, none, 0), reading(SECOND, none, 0));

        assertThat(row.requestsPerSecond()).isZero();
        assertThat(row.errorPercent()).isNull();
        assertThat(row.openBreakers()).isNull();
        assertThat(row.outbox()).as("not counted yet").isNull();
    }

    @Test
    void aComponentWhoseMetricsDidNotAnswerSaysSo() {
        Top.Reading silent = new Top.Reading(SECOND, "up", null, "no answer in 500 ms", null, Memory.Usage.NONE);
        Top.Row row = Top.row("gateway", reading(0, FIRST, 0), silent);

        assertThat(row.requestsPerSecond()).isNull();
        assertThat(row.note()).isEqualTo("metrics: no answer in 500 ms");
        assertThat(Top.render(List.of(row), false, Duration.ofSeconds(1))).contains("metrics: no answer in 500 ms");
    }

    @Test
    void plainRenderingHasNoEscapesAndColourMarksWhatIsWrong() {
        Top.Row bad = Top.row("orders", reading(0, FIRST, 0), reading(SECOND, SECOND_SCRAPE, 0));
        Top.Row down = new Top.Row("redis", "down", null, null, null, null, 0, null, null, false, null, "");
        List<Top.Row> rows = List.of(bad, down);

        String plain = Top.render(rows, false, Duration.ofSeconds(1));
        assertThat(plain).doesNotContain("\u001b");
        assertThat(plain.lines().toList()).hasSize(4);
        assertThat(plain.lines().toList().get(0)).startsWith("component").contains("req/s", "err%", "p99", "cpu%", "PSS",
                "breakers", "lag", "outbox");
        assertThat(plain.lines().toList().get(1)).startsWith("orders").contains("74.0", "2.7", "1.39 s", "150 MB", "1 open",
                "11↑", "12");
        assertThat(plain.lines().toList().get(2)).startsWith("redis").contains("down");
        assertThat(plain.lines().toList().get(3)).contains("over the last 1 s");

        String coloured = Top.render(rows, true, Duration.ofSeconds(1));
        String red = "\u001b[31m";
        assertThat(coloured).contains(red + "   2.7", red + "  1 open", red + "     11↑", red + "down", "\u001b[33m  1.39 s");
        // the same columns once the escapes are gone
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
    }

    @Test
    void aFrameReadsEveryComponentAndOneThatFailsToBeReadIsDown() {
        List<RunState.Entry> entries = List.of(new RunState.Entry("orders", 1, 8106, "", "", null),
                new RunState.Entry("broken", 2, 1, "", "", null));
        Map<String, Integer> reads = new HashMap<>();
        Top top = new Top(() -> entries, e -> {
            int n = reads.merge(e.name(), 1, Integer::sum);
            if (e.name().equals("broken")) {
                throw new IllegalStateException("cannot read /proc");
            }
            return reading(n * SECOND, n == 1 ? FIRST : SECOND_SCRAPE, 0);
        });

        top.frame();
        List<Top.Row> rows = top.frame();

        assertThat(rows).extracting(Top.Row::name).containsExactly("orders", "broken");
        assertThat(rows.get(0).requestsPerSecond()).isCloseTo(74, within(1e-9));
        assertThat(rows.get(1).health()).isEqualTo("down");
        assertThat(rows.get(1).note()).contains("cannot read /proc");
    }

    // --- the verb ----------------------------------------------------------------------------------

    @TempDir
    Path root;

    private CommandRun top(Top.Source source, String... arguments) {
        CommandLine cli = Emporium.commandLine();
        if (source != null) {
            ((Emporium.TopCommand) cli.getSubcommands().get("top").getCommand()).sources = w -> source;
        }
        return CommandRun.of(cli, root, "top", arguments);
    }

    private void running(RunState.Entry... entries) throws Exception {
        java.nio.file.Files.createDirectories(root.resolve(".emporium/run"));
        new RunState(ProcessHandle.current().pid(), 12.0, List.of(entries)).write(root.resolve(".emporium/run/state.properties"));
    }

    @Test
    void onceIsOneFrameOfEveryComponentInTheStateFile() throws Exception {
        running(new RunState.Entry("orders", 11, 8106, "http://localhost:8106", "", 3.0),
                new RunState.Entry("kafka", 12, 19092, "127.0.0.1:19092", "", 1.0));
        Map<String, Integer> reads = new HashMap<>();
        CommandRun run = top(e -> {
            int n;
            synchronized (reads) {
                n = reads.merge(e.name(), 1, Integer::sum);
            }
            return e.name().equals("orders") ? reading(n * SECOND, n == 1 ? FIRST : SECOND_SCRAPE, 0)
                    : new Top.Reading(n * SECOND, "up", null, null, Duration.ofMillis(n * 100L), new Memory.Usage(170 * 1024, 0));
        }, "--once", "--interval", "0.2");

        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out()).doesNotContain("\u001b");
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("orders").contains("74.0", "1.39 s");
        assertThat(lines.get(2)).startsWith("kafka").contains("170 MB", " 10 ");
        assertThat(lines.get(3)).contains("over the last 0.2 s");
    }

    @Test
    void aBadIntervalIsOneLineAndExitCodeTwo() {
        for (String bad : List.of("0", "-1", "soon", "61")) {
            CommandRun run = top(null, "--once", "--interval", bad);
            assertThat(run.code()).as(bad).isEqualTo(2);
            assertThat(run.err().lines()).as(bad).singleElement().asString().startsWith("emporium: ").contains("--interval")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void withNothingRunningItSaysSoAndExitsThree() {
        CommandRun run = top(e -> {
            throw new AssertionError("nothing to read");
        }, "--once");

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.out()).startsWith("Emporium is not running");
    }
}

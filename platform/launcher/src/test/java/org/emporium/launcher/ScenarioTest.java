package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scenario files of {@code ./emporium chaos run}: the shipped ones read, and a file with an error is
 * one line naming the key and the problem, exit status 2, nothing run (nothing is running here, so
 * a scenario that got past its checks would exit 3).
 */
class ScenarioTest {

    private static final Path ROOT = Path.of(System.getProperty("emporium.root", "../..")).toAbsolutePath().normalize();

    @TempDir
    Path root;

    private static final String GOOD = """
            name: a test
            load:
              duration: 60s
              browse: 5/s
              checkout: 2/s
            timeline:
              - at: 10s
                chaos: kill orders
              - at: 20s
                chaos: latency catalog 300ms 50% --for 10s
            expect:
              cancelledAtMost: 1%
            """;

    @Test
    void everyShippedScenarioReads() throws Exception {
        List<String> shipped = Chaos.Run.shipped(ROOT);
        assertThat(shipped).contains("broker-outage-during-a-sale", "kill-everything-once", "payment-provider-flaky");
        for (String name : shipped) {
            Scenario scenario = Scenario.read(Chaos.Run.scenarioFile(ROOT, name), words -> Chaos.Run.check(ROOT, words));
            assertThat(scenario.timeline()).as(name).isNotEmpty();
            assertThat(scenario.expect().cancelledAtMostPercent()).as(name + ": a healed fault cancels at most 1 %").isEqualTo(1.0);
        }
    }

    @Test
    void aGoodFileReadsAsWritten() throws Exception {
        Scenario scenario = Scenario.read(write(GOOD), words -> Chaos.Run.check(root, words));

        assertThat(scenario.load().duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(scenario.load().browsePerSecond()).isEqualTo(5.0);
        assertThat(scenario.load().checkoutsPerSecond()).isEqualTo(2.0);
        assertThat(scenario.load().products()).isEqualTo(10);
        assertThat(scenario.timeline()).extracting(Scenario.Step::line)
                .containsExactly("kill orders", "latency catalog 300ms 50% --for 10s");
        assertThat(scenario.expect().settleWithin()).isEqualTo(Duration.ofSeconds(30));
        assertThat(scenario.expect().cancelledAtMostPercent()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'  browse: 5/s'|'  browse: fast'|load.browse: 'fast' is no rate",
            "'  duration: 60s'|'  duration: 45m'|load.duration: 45m is not from 10s to 30m",
            "'  duration: 60s'|'  duration: soon'|load.duration: 'soon' is no duration",
            "'  browse: 5/s'|'  brows: 5/s'|load.brows: unknown key",
            "kill orders|kil orders|'kil orders': unknown fault: kil",
            "kill orders|kill nosuch|'kill nosuch': no such component: nosuch",
            "300ms 50%|300ms 150%|share: '150%' is not a percentage from 0 to 100",
            "--for 10s|--for ever|--for: 'ever' is no duration",
            "at: 20s|at: 90s|timeline[2].at: 90s is not within the load's 60s",
            "at: 20s|at: 5s|timeline[2].at: 5s comes before the step above it",
            "cancelledAtMost: 1%|cancelledAtMost: 120%|expect.cancelledAtMost: '120%' is not a percentage",
            "kill orders|status|injects nothing",
            "name: a test|nom: a test|nom: unknown key",
            "'chaos: kill orders'|'chaos: [kill'|not YAML"})
    void aFileWithAnErrorIsOneLineNamingItAndExitStatusTwo(String replaced, String with, String said) throws IOException {
        Path file = write(GOOD.replace(replaced, with));

        CommandRun run = CommandRun.of(root, "chaos", "run", file.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().startsWith("emporium: ").contains(said)
                .doesNotContain("Exception");
        assertThat(run.out()).doesNotContain("▸");
    }

    @Test
    void anUnknownScenarioNamesTheShippedOnes() {
        CommandRun run = CommandRun.of(ROOT, "chaos", "run", "no-such-scenario");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().contains("no-such-scenario")
                .contains("broker-outage-during-a-sale");
    }

    @Test
    void aGoodFileWithNothingRunningIsExitStatusThreeAndCheckSaysItIsFine() throws IOException {
        Path file = write(GOOD);
        new Workspace(root).create();

        assertThat(CommandRun.of(root, "chaos", "run", file.toString()).code()).isEqualTo(3);
        CommandRun check = CommandRun.of(root, "chaos", "run", "--check", file.toString());
        assertThat(check.code()).isZero();
        assertThat(check.out()).contains("2 step(s), fine");
    }

    @Test
    void howLongAStepsFaultLastsByItself() {
        assertThat(ScenarioRun.lasting(List.of("kafka", "down", "30s"))).contains(Duration.ofSeconds(30));
        assertThat(ScenarioRun.lasting(List.of("down", "orders", "20s"))).contains(Duration.ofSeconds(20));
        assertThat(ScenarioRun.lasting(List.of("pause", "payments", "10s"))).contains(Duration.ofSeconds(10));
        assertThat(ScenarioRun.lasting(List.of("cut", "storefront", "recommendations", "1m"))).contains(Duration.ofMinutes(1));
        assertThat(ScenarioRun.lasting(List.of("errors", "payments", "30%", "--for", "40s"))).contains(Duration.ofSeconds(40));
        assertThat(ScenarioRun.lasting(List.of("kill", "orders"))).isEqualTo(Optional.empty());
        assertThat(ScenarioRun.lasting(List.of("latency", "catalog", "2s"))).isEqualTo(Optional.empty());
    }

    private Path write(String yaml) throws IOException {
        Path file = root.resolve("scenario.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}

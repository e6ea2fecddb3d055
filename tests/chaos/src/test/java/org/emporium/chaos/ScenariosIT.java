package org.emporium.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.emporium.harness.LauncherProcess;
import org.emporium.harness.SystemHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario that ships in tests/scenarios, run as a user runs it: {@code ./emporium up}, then
 * {@code ./emporium chaos run <scenario>}. Each must end with exit status 0 and its report saying
 * every invariant held, among them that faults which healed cancelled at most 1 % of good orders.
 */
class ScenariosIT {

    private static LauncherProcess emporium;

    @BeforeAll
    static void up() {
        Path home = SystemHarness.ROOT.resolve("tests/chaos/target/scenarios-home");
        emporium = new LauncherProcess(SystemHarness.ROOT, home);
        // generous: the first start after a build also trains the start-up caches
        emporium.up(Duration.ofMinutes(7));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (emporium != null && emporium.isRunning()) {
            emporium.stop();
        }
    }

    static Stream<String> shipped() throws Exception {
        try (Stream<Path> files = Files.list(SystemHarness.ROOT.resolve("tests/scenarios"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
            assertThat(names).hasSizeGreaterThanOrEqualTo(3);
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void eachShippedScenarioKeepsEveryInvariant(String scenario) {
        LauncherProcess.Result run = emporium.run(Duration.ofMinutes(10), "chaos", "run", scenario);
        System.out.println("[chaos run " + scenario + "]\n" + run.printed());

        assertThat(run.printed()).as(scenario).contains("Invariants", "at most 1 % of good orders cancelled")
                .doesNotContain("✘").endsWith("All invariants hold.");
        assertThat(run.code()).as(scenario).isZero();
    }
}

package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStateTest {

    @TempDir
    Path directory;

    @Test
    void keepsWhenEachComponentAndTheSystemWereReadyAndNullUntilThen() {
        Path file = directory.resolve("state.properties");
        new RunState(7, null, List.of(
                new RunState.Entry("postgres", 11, 15432, "postgresql://127.0.0.1:15432", null, 1.25),
                new RunState.Entry("catalog", 12, 8101, "http://localhost:8101", "http://127.0.0.1:8101/q/health/ready", null)))
                .write(file);

        RunState read = RunState.read(file);

        assertThat(read.launcherPid()).isEqualTo(7);
        assertThat(read.readySeconds()).isNull();
        assertThat(read.entries()).containsExactly(
                new RunState.Entry("postgres", 11, 15432, "postgresql://127.0.0.1:15432", "", 1.3),
                new RunState.Entry("catalog", 12, 8101, "http://localhost:8101", "http://127.0.0.1:8101/q/health/ready", null));

        new RunState(7, 14.04, read.entries()).write(file);
        assertThat(RunState.read(file).readySeconds()).isEqualTo(14.0);
    }

    @Test
    void keepsTheLatestPidAndHowOftenEachWasRestarted() {
        Path file = directory.resolve("state.properties");
        new RunState(7, 14.0, List.of(new RunState.Entry("zipkin", 4242, 9411, "http://localhost:9411", "", 3.0, 2))).write(file);

        assertThat(RunState.read(file).entries()).singleElement().satisfies(e -> {
            assertThat(e.pid()).isEqualTo(4242);
            assertThat(e.restarts()).isEqualTo(2);
        });
    }
}

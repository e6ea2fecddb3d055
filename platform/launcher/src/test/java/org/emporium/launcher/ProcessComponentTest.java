package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a process's output goes: its log file always, the console only when it shows the logs. */
class ProcessComponentTest {

    private static final String FIFTY_LINES = "i=1; while [ $i -le 50 ]; do echo \"line $i\"; i=$((i+1)); done";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();

    private ProcessComponent fiftyLines(Path log, boolean quiet) {
        return new ProcessComponent("lines", List.of(), 0, "", List.of("/bin/sh", "-c", FIFTY_LINES), Map.of(),
                Probe.tcp(1), log, new Console(new PrintStream(shown, true, StandardCharsets.UTF_8), false, quiet));
    }

    @Test
    void aQuietLauncherLetsTheProcessWriteItsFileAndReadsItsLastLinesFromThere() throws Exception {
        Path log = dir.resolve("logs/lines.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "a line of an earlier run\n");
        ProcessComponent lines = fiftyLines(log, true);

        lines.start();
        awaitExit(lines);

        assertThat(Files.readAllLines(log)).hasSize(51).startsWith("a line of an earlier run", "line 1").endsWith("line 50");
        assertThat(lines.recentOutput()).as("its own last 40 lines, not the earlier run's")
                .hasSize(40).startsWith("line 11").endsWith("line 50");
        assertThat(shown.toString(StandardCharsets.UTF_8)).doesNotContain("line 1");
    }

    @Test
    void aLauncherThatShowsTheLogsCopiesEachLineToTheFileAndTheConsole() throws Exception {
        Path log = dir.resolve("logs/lines.log");
        ProcessComponent lines = fiftyLines(log, false);

        lines.start();
        awaitExit(lines);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(log) && Files.readAllLines(log).size() == 50);

        assertThat(Files.readAllLines(log)).startsWith("line 1").endsWith("line 50");
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.recentOutput().size() == 40);
        assertThat(lines.recentOutput()).startsWith("line 11").endsWith("line 50");
        assertThat(shown.toString(StandardCharsets.UTF_8)).contains("line 1\n", "line 50\n");
    }

    @Test
    void theLastLinesOfAFileThatIsNotThereAreNone() {
        assertThat(new LogFile("none", dir.resolve("none.log"), ZoneId.systemDefault()).lastLines(0, 40)).isEmpty();
    }

    private static void awaitExit(ProcessComponent component) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !component.isAlive());
    }
}

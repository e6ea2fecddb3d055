package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./emporium logs} as a user runs it: what it prints and its exit code for bad input. */
class LogsCommandTest {

    @TempDir
    Path root;

    private CommandRun logs(String... arguments) {
        return CommandRun.of(root, "logs", arguments);
    }

    private void write(String component, String... lines) throws IOException {
        Files.createDirectories(root.resolve(".emporium/logs"));
        Files.write(root.resolve(".emporium/logs/" + component + ".log"), List.of(lines));
    }

    @Test
    void anUnknownComponentIsOneLineAndExitCodeTwo() {
        CommandRun run = logs("catalog", "nosuch");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().startsWith("emporium: no such component: nosuch (known: ")
                .contains("catalog", "zipkin").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aBadSinceOrLevelIsOneLineAndExitCodeTwo() {
        CommandRun since = logs("--since", "yesterday");
        assertThat(since.code()).isEqualTo(2);
        assertThat(since.err().lines()).singleElement().asString().startsWith("emporium: --since: 'yesterday' is neither");

        CommandRun level = logs("--level", "LOUD");
        assertThat(level.code()).isEqualTo(2);
        assertThat(level.err().lines()).singleElement().asString().contains("--level", "LOUD").doesNotContain("Exception");
    }

    @Test
    void printsTheNamedComponentsMergedEachAtItsOwnTime() throws IOException {
        write("catalog", "{\"timestamp\":\"2020-01-01T10:00:00.200Z\",\"level\":\"INFO\",\"message\":\"second\",\"traceId\":\"t1\"}",
                "{\"timestamp\":\"2020-01-01T10:00:00.400Z\",\"level\":\"WARN\",\"message\":\"fourth\"}");
        write("gateway", "{\"@timestamp\":\"2020-01-01T10:00:00.100Z\",\"log\":{\"level\":\"INFO\"},\"message\":\"first\",\"traceId\":\"t1\"}",
                "{\"@timestamp\":\"2020-01-01T10:00:00.300Z\",\"log\":{\"level\":\"INFO\"},\"message\":\"third\"}");

        CommandRun all = logs("gateway", "catalog");
        assertThat(all.code()).isZero();
        assertThat(all.out().lines().map(l -> l.replaceAll(" +│", " │").replaceAll("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}", "T")))
                .containsExactly("gateway │ T INFO  first", "catalog │ T INFO  second",
                        "gateway │ T INFO  third", "catalog │ T WARN  fourth");

        assertThat(logs("--trace", "t1").out().lines()).hasSize(2).satisfiesExactly(
                l -> assertThat(l).endsWith("INFO  first"), l -> assertThat(l).endsWith("INFO  second"));
        assertThat(logs("--level", "warn", "-n", "5").out().lines()).singleElement().asString().endsWith("WARN  fourth");
        assertThat(logs("-n", "1").out().lines()).singleElement().asString().endsWith("fourth");
    }
}

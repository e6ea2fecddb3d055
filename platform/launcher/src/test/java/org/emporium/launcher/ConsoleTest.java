package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleTest {

    @Test
    void showsQuarkusJsonLinesAsLevelAndMessage() {
        String line = Console.readable("{\"timestamp\":\"2026-01-01T00:00:00Z\",\"level\":\"INFO\",\"message\":\"started\",\"traceId\":\"abc\"}");
        assertThat(line).endsWith("INFO  started");
    }

    @Test
    void showsSpringEcsLinesWithTheirNestedLevel() {
        String line = Console.readable("{\"@timestamp\":\"x\",\"log\":{\"level\":\"WARN\"},\"message\":\"slow\"}");
        assertThat(line).endsWith("WARN  slow");
    }

    @Test
    void keepsPlainLinesAsTheyAre() {
        assertThat(Console.readable("Kafka Server started")).isEqualTo("Kafka Server started");
        assertThat(Console.readable("{not json")).isEqualTo("{not json");
    }

    @Test
    void withoutATerminalEachChangeIsOneLineAndWaitingIsNotNews() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), false, true);

        console.status("catalog", "waiting for postgres", Console.Mark.WORKING);
        console.status("catalog", "starting", Console.Mark.WORKING);
        console.status("catalog", "ready in 2.5 s", Console.Mark.DONE);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("▸ catalog starting\n✓ catalog ready in 2.5 s\n");
    }

    @Test
    void onATerminalTheStatesAreOneTableRedrawnInPlaceWithMessagesAboveIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), false, true);
        console.register("catalog");
        console.register("gateway");
        console.liveTable();

        console.status("catalog", "starting", Console.Mark.WORKING);
        console.status("gateway", "waiting for catalog", Console.Mark.WORKING);
        console.status("catalog", "ready in 2.5 s", Console.Mark.DONE);
        console.progress("formatting Kafka storage (first start)");
        console.endTable();
        console.ok("Emporium is ready");

        String shown = out.toString(StandardCharsets.UTF_8);
        // every redraw goes back over the rows it drew (cursor to the table's first line)
        assertThat(shown).contains("\u001b[1F", "\u001b[2F");
        String[] lines = shown.split("\n");
        assertThat(lines[lines.length - 1]).isEqualTo("✓ Emporium is ready");
        assertThat(lines[lines.length - 3]).contains("catalog").endsWith("✓ ready in 2.5 s");
        assertThat(lines[lines.length - 2]).contains("gateway").endsWith("▸ waiting for catalog");
        assertThat(shown).contains("▸ formatting Kafka storage (first start)");
        assertThat(shown.indexOf("formatting Kafka")).isLessThan(shown.lastIndexOf("ready in 2.5 s"));
    }
}

package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

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
}

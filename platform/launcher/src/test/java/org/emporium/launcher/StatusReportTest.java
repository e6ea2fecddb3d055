package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusReportTest {

    private static StatusReport.Row row(String name, String health, long pssMb, int budgetMb) {
        return new StatusReport.Row(name, 100 + name.length(), 8000 + name.length(), "http://localhost:" + name.length(),
                health, 12.5, new Memory.Usage(pssMb * 1024, (pssMb + 20) * 1024), budgetMb, name.length() % 3);
    }

    private static StatusReport report(int budgetMb, StatusReport.Row... rows) {
        return new StatusReport(30.1, List.of(rows), StatusReport.launcher(42, new Memory.Usage(60 * 1024, 80 * 1024)), budgetMb);
    }

    @Test
    void namesEachProcessOverItsBudgetAndTheSystemWhenItsTotalIs() {
        StatusReport report = report(500, row("catalog", "up", 210, 200), row("cart", "up", 150, 200));

        assertThat(report.total().pssMb()).isEqualTo(210 + 150 + 60);
        assertThat(report.overBudget()).containsExactly("catalog holds 210 MB (PSS), over its budget of 200 MB");

        assertThat(report(400, row("cart", "up", 150, 200), row("search", "up", 199, 200)).overBudget())
                .containsExactly("the system holds 409 MB (PSS), over its budget of 400 MB");
    }

    @Test
    void aComponentDownOrFrozenOnPurposeSaysSoAndWhatUndoesIt() {
        java.time.Instant now = java.time.Instant.parse("2026-12-06T08:00:00Z");
        java.time.Instant later = now.plusSeconds(30);
        assertThat(StatusReport.health(false, false, later, now, () -> "up")).isEqualTo("outage");
        assertThat(StatusReport.health(false, false, now.minusSeconds(1), now, () -> "up")).as("an outage over").isEqualTo("down");
        assertThat(StatusReport.health(false, false, null, now, () -> "up")).isEqualTo("down");
        assertThat(StatusReport.health(true, true, null, now, () -> "up")).isEqualTo("paused");
        assertThat(StatusReport.health(true, false, null, now, () -> "not ready")).isEqualTo("not ready");

        StatusReport report = report(2048, row("kafka", "outage", 300, 400), row("payments", "paused", 100, 200),
                row("cart", "up", 100, 200));
        assertThat(report.onPurpose(java.util.Map.of("kafka", later), java.util.Set.of("catalog.latency")))
                .containsExactly("kafka is down on purpose until 2026-12-06T08:00:30Z (./emporium chaos); the launcher starts it again then",
                        "payments is paused (SIGSTOP): ./emporium chaos resume payments",
                        "runtime faults in force: catalog.latency (./emporium chaos status; ./emporium chaos clear)");
        assertThat(report.allUp()).isFalse();
        assertThat(report(2048, row("cart", "up", 100, 200)).onPurpose(java.util.Map.of(), java.util.Set.of())).isEmpty();
    }

    @Test
    void holdsTheLauncherToItsBudgetToo() {
        StatusReport report = new StatusReport(null, List.of(),
                StatusReport.launcher(42, new Memory.Usage((Topology.LAUNCHER_BUDGET_MB + 1) * 1024L, 0)), 2048);

        assertThat(report.overBudget()).singleElement().asString().startsWith("launcher holds");
        assertThat(report.table()).contains("launcher");
        assertThat(report.json()).doesNotContain("\"launcher\"");
    }

    @Test
    void withinBudgetSaysNothing() {
        assertThat(report(2048, row("catalog", "up", 180, 200)).overBudget()).isEmpty();
    }

    @Test
    void printsTheShapeTheBenchmarkReads() throws Exception {
        StatusReport report = new StatusReport(null, List.of(row("catalog", "not ready", 180, 200)),
                StatusReport.launcher(42, new Memory.Usage(60 * 1024, 80 * 1024)), 2048);

        JsonNode json = new ObjectMapper().readTree(report.json());

        assertThat(json.fieldNames()).toIterable()
                .containsExactly("launcherPid", "readySeconds", "components", "totalPssMb", "totalRssMb", "budgetMb");
        assertThat(json.get("launcherPid").asLong()).isEqualTo(42);
        assertThat(json.get("readySeconds").isNull()).isTrue();
        JsonNode catalog = json.get("components").get(0);
        assertThat(catalog.fieldNames()).toIterable()
                .containsExactly("name", "pid", "port", "health", "readySeconds", "pssMb", "rssMb", "budgetMb", "restarts", "startsAfter");
        assertThat(catalog.get("name").asText()).isEqualTo("catalog");
        assertThat(catalog.get("health").asText()).isEqualTo("not ready");
        assertThat(catalog.get("readySeconds").asDouble()).isEqualTo(12.5);
        assertThat(catalog.get("pssMb").asLong()).isEqualTo(180);
        assertThat(catalog.get("rssMb").asLong()).isEqualTo(200);
        assertThat(catalog.get("budgetMb").asInt()).isEqualTo(200);
        assertThat(catalog.get("restarts").asInt()).isEqualTo(1);
        assertThat(catalog.get("startsAfter")).as("catalog uses its database").extracting(JsonNode::asText).containsExactly("postgres");
        assertThat(json.get("totalPssMb").asLong()).isEqualTo(240);
        assertThat(json.get("totalRssMb").asLong()).isEqualTo(280);
        assertThat(json.get("budgetMb").asInt()).isEqualTo(2048);
    }

    @Test
    void saysHowOftenEachProcessWasRestarted() {
        List<String> lines = report(2048, row("catalog", "up", 180, 200), row("cart", "up", 150, 200)).table().lines().toList();

        int column = lines.get(0).indexOf("restarts") + "restarts".length();
        assertThat(lines.get(1)).startsWith("catalog").satisfies(l -> assertThat(l.substring(column - 1, column)).isEqualTo("1"));
        assertThat(lines.get(2)).startsWith("cart").satisfies(l -> assertThat(l.substring(column - 1, column)).isEqualTo("1"));
        assertThat(lines.get(4)).as("the total").startsWith("total").satisfies(l -> assertThat(l.substring(column - 1, column)).isEqualTo("2"));
    }

    @Test
    void keepsItsColumnsAlignedForLongNames() {
        List<String> lines = report(2048, row("recommendations", "up", 180, 200), row("cart", "up", 150, 200))
                .table().lines().toList();

        int address = lines.get(0).indexOf("address");
        assertThat(lines.subList(1, 3)).allSatisfy(line -> assertThat(line.indexOf("http://")).isEqualTo(address));
        assertThat(lines.get(0).indexOf("PSS") + "PSS".length()).isEqualTo(lines.get(1).indexOf("180 MB") + "180 MB".length());
    }
}

package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading log files as entries, filtering, merging in time order and following (files written here). */
class LogViewTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    @TempDir
    Path logs;

    private static String quarkus(String time, String level, String message, String trace) {
        return "{\"timestamp\":\"" + time + "\",\"level\":\"" + level + "\",\"message\":\"" + message + "\""
                + (trace == null ? "" : ",\"traceId\":\"" + trace + "\"") + ",\"service\":\"catalog\"}";
    }

    private static String gateway(String time, String message, String trace) {
        return "{\"@timestamp\":\"" + time + "\",\"log\":{\"level\":\"INFO\"},\"message\":\"" + message + "\",\"traceId\":\""
                + trace + "\"}";
    }

    private void write(String component, String... lines) throws IOException {
        Files.write(logs.resolve(component + ".log"), List.of(lines), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<String> texts(List<LogFile.Entry> entries) {
        return entries.stream().map(e -> e.component() + ":" + String.join("|", e.lines())).toList();
    }

    @Test
    void aServicesNameStandsForAllItsCopiesAndACopysNameForItselfAlone(@TempDir Path logs) throws IOException {
        for (String name : List.of("catalog", "catalog-10", "catalog-2", "cart", "nothing-2")) {
            Files.writeString(logs.resolve(name + ".log"), "");
        }
        assertThat(LogView.shown(List.of("catalog"), logs)).containsExactly("catalog", "catalog-2", "catalog-10");
        assertThat(LogView.shown(List.of("catalog-2", "cart"), logs)).containsExactly("catalog-2", "cart");
        List<String> all = LogView.shown(List.of(), logs);
        assertThat(all.subList(all.indexOf("catalog"), all.indexOf("catalog") + 3))
                .containsExactly("catalog", "catalog-2", "catalog-10");
        assertThat(all).doesNotContain("nothing-2");
    }

    @Test
    void mergesSeveralComponentsInTheOrderOfTheirOwnTimes() throws IOException {
        write("gateway", gateway("2026-12-05T10:00:00.100Z", "GET /p 200", "t1"), gateway("2026-12-05T10:00:00.400Z", "GET /q 200", "t2"));
        write("catalog", quarkus("2026-12-05T10:00:00.200Z", "INFO", "product read", "t1"),
                quarkus("2026-12-05T10:00:00.300Z", "INFO", "other", "t2"));
        write("zipkin", "2026-12-05T10:00:00.250Z  INFO [/] 1 --- [main] Server : span in");

        List<LogFile.Entry> merged = new LogView(logs, List.of("gateway", "catalog", "zipkin"), UTC).history(LogFile.Filter.NONE, 40);

        assertThat(texts(merged)).containsExactly("gateway:INFO  GET /p 200", "catalog:INFO  product read",
                "zipkin:INFO [/] 1 --- [main] Server : span in", "catalog:INFO  other", "gateway:INFO  GET /q 200");
    }

    @Test
    void aTraceIsEveryComponentsLinesOfItAndNothingElse() throws IOException {
        write("gateway", gateway("2026-12-05T10:00:00.100Z", "GET /p 200", "t1"), gateway("2026-12-05T10:00:00.400Z", "GET /q 200", "t2"));
        write("catalog", quarkus("2026-12-05T10:00:00.200Z", "INFO", "product read", "t1"),
                quarkus("2026-12-05T10:00:00.300Z", "INFO", "other", "t2"));

        List<LogFile.Entry> trace = new LogView(logs, List.of("gateway", "catalog"), UTC)
                .history(new LogFile.Filter(null, null, "t1"), null);

        assertThat(texts(trace)).containsExactly("gateway:INFO  GET /p 200", "catalog:INFO  product read");
    }

    @Test
    void theLastLinesAreTheLastOfTheMergeNotOfEachFile() throws IOException {
        List<String> catalog = new ArrayList<>();
        for (int i = 0; i < 5000; i++) { // more than the first window from the end holds
            catalog.add(quarkus(Instant.parse("2026-12-05T10:00:00Z").plusMillis(i * 2L).toString(), "INFO", "line " + i, null));
        }
        write("catalog", catalog.toArray(String[]::new));
        write("kafka", "2026-12-05T10:00:09.997Z [main] INFO kafka - late");

        List<LogFile.Entry> last = new LogView(logs, List.of("catalog", "kafka"), UTC).history(LogFile.Filter.NONE, 3);

        assertThat(texts(last)).containsExactly("catalog:INFO  line 4998", "kafka:[main] INFO kafka - late", "catalog:INFO  line 4999");
        assertThat(new LogFile("catalog", logs.resolve("catalog.log"), UTC).read(LogFile.Filter.NONE, 4000)).hasSize(4000)
                .first().extracting(e -> e.lines().getFirst()).isEqualTo("INFO  line 1000");
    }

    @Test
    void sinceFindsTheFirstLineAtThatTimeInALongFile() throws IOException {
        List<String> lines = new ArrayList<>();
        Instant start = Instant.parse("2026-12-05T10:00:00Z");
        for (int i = 0; i < 20_000; i++) {
            lines.add(quarkus(start.plusSeconds(i).toString(), i % 100 == 0 ? "ERROR" : "INFO", "line " + i, null));
        }
        write("catalog", lines.toArray(String[]::new));
        LogFile file = new LogFile("catalog", logs.resolve("catalog.log"), UTC);

        List<LogFile.Entry> since = file.read(new LogFile.Filter(start.plusSeconds(19_990), null, null), null);
        assertThat(since).hasSize(10).first().extracting(LogFile.Entry::time).isEqualTo(start.plusSeconds(19_990));

        List<LogFile.Entry> errors = file.read(new LogFile.Filter(start.plusSeconds(10_000), LogLine.Level.WARN, null), null);
        assertThat(errors).hasSize(100).allSatisfy(e -> assertThat(e.level()).isEqualTo(LogLine.Level.ERROR));
    }

    @Test
    void linesWithoutATimeBelongToTheTextLineBeforeThemAndAreFilteredWithIt() throws IOException {
        write("zipkin", "NOTE: Picked up JDK_JAVA_OPTIONS: -XX:TieredStopAtLevel=1",
                "2026-12-05T10:00:01.000Z ERROR [/] 1 --- [main] Server : failed",
                "java.lang.IllegalStateException: no port",
                "\tat zipkin.Server.start(Server.java:1)",
                "2026-12-05T10:00:02.000Z  INFO [/] 1 --- [main] Server : started");

        LogFile file = new LogFile("zipkin", logs.resolve("zipkin.log"), UTC);
        List<LogFile.Entry> all = file.read(LogFile.Filter.NONE, null);
        assertThat(all).hasSize(3);
        assertThat(all.get(0).time()).as("the note before the first time takes the next one's").isEqualTo(Instant.parse("2026-12-05T10:00:01Z"));
        assertThat(all.get(1).lines()).containsExactly("ERROR [/] 1 --- [main] Server : failed",
                "java.lang.IllegalStateException: no port", "\tat zipkin.Server.start(Server.java:1)");

        assertThat(file.read(new LogFile.Filter(null, LogLine.Level.ERROR, null), null)).singleElement()
                .extracting(e -> e.lines().size()).isEqualTo(3);
    }

    @Test
    void aBannerAfterABlankLineIsNotPartOfTheLineBeforeItButOfTheStartAfterIt() throws IOException {
        write("zipkin", "2026-12-05T10:00:01.000Z  INFO [/] 1 --- [main] Server : Serving HTTP",
                "", "     ________ ____", "    |__  /_ _|  _ \\", "WARNING: A restricted method has been called",
                "2026-12-05T10:05:00.000Z  INFO [/] 2 --- [main] Server : Serving HTTP");

        List<LogFile.Entry> all = new LogFile("zipkin", logs.resolve("zipkin.log"), UTC).read(LogFile.Filter.NONE, null);

        assertThat(all).hasSize(5);
        assertThat(all.getFirst().lines()).hasSize(1);
        assertThat(all.subList(1, 4)).as("the restarted process's banner, at its first time")
                .allSatisfy(e -> assertThat(e.time()).isEqualTo(Instant.parse("2026-12-05T10:05:00Z")));
        assertThat(new LogFile("zipkin", logs.resolve("zipkin.log"), UTC)
                .read(new LogFile.Filter(Instant.parse("2026-12-05T10:06:00Z"), null, null), null)).isEmpty();
    }

    @Test
    void aJsonLineIsWholeSoALineAfterItIsItsOwnEntry() throws IOException {
        write("catalog", quarkus("2026-12-05T10:00:00.100Z", "ERROR", "bad", null), "NOTE: Picked up JDK_JAVA_OPTIONS");

        List<LogFile.Entry> all = new LogFile("catalog", logs.resolve("catalog.log"), UTC).read(new LogFile.Filter(null, LogLine.Level.ERROR, null), null);

        assertThat(texts(all)).containsExactly("catalog:ERROR bad");
    }

    @Test
    void followingGivesWhatWasWrittenSinceTheLastPollInTimeOrder() throws IOException {
        write("catalog", quarkus("2026-12-05T10:00:00.100Z", "INFO", "old", null));
        write("gateway", gateway("2026-12-05T10:00:00.050Z", "old", "t0"));
        LogFile catalog = new LogFile("catalog", logs.resolve("catalog.log"), UTC);
        LogFile gateway = new LogFile("gateway", logs.resolve("gateway.log"), UTC);
        assertThat(catalog.poll(LogFile.Filter.NONE)).as("the first poll marks the end").isEmpty();
        assertThat(gateway.poll(LogFile.Filter.NONE)).isEmpty();

        write("catalog", quarkus("2026-12-05T10:00:01.300Z", "INFO", "new", null));
        write("gateway", gateway("2026-12-05T10:00:01.200Z", "GET / 200", "t1"));
        // half a line: not yet
        Files.writeString(logs.resolve("catalog.log"), "{\"timestamp\":\"2026-12-05T10:00:01.400Z\"", StandardOpenOption.APPEND);

        assertThat(texts(LogView.merge(List.of(catalog.poll(LogFile.Filter.NONE), gateway.poll(LogFile.Filter.NONE)))))
                .containsExactly("gateway:INFO  GET / 200", "catalog:INFO  new");

        Files.writeString(logs.resolve("catalog.log"), ",\"level\":\"INFO\",\"message\":\"rest\"}\n", StandardOpenOption.APPEND);
        assertThat(texts(catalog.poll(LogFile.Filter.NONE))).containsExactly("catalog:INFO  rest");
        assertThat(catalog.poll(LogFile.Filter.NONE)).isEmpty();
    }

    @Test
    void showsEachEntryAtItsOwnTimeWithTheDayWhenNotToday() throws IOException {
        LogView view = new LogView(logs, List.of("catalog"), UTC);
        LogFile.Entry entry = new LogFile.Entry("catalog", Instant.parse("2026-12-05T10:00:00.123Z"), LogLine.Level.INFO, null,
                List.of("INFO  started"));

        assertThat(view.format(entry, LocalDate.parse("2026-12-05"))).isEqualTo("10:00:00.123 INFO  started");
        assertThat(view.format(entry, LocalDate.parse("2026-12-06"))).isEqualTo("2026-12-05 10:00:00.123 INFO  started");
    }

    @Test
    void sinceTakesADurationOrATime() {
        Instant now = Instant.parse("2026-12-05T19:10:00Z");
        assertThat(LogView.since("5m", now, UTC)).isEqualTo(Instant.parse("2026-12-05T19:05:00Z"));
        assertThat(LogView.since("30s", now, UTC)).isEqualTo(Instant.parse("2026-12-05T19:09:30Z"));
        assertThat(LogView.since("2h", now, UTC)).isEqualTo(Instant.parse("2026-12-05T17:10:00Z"));
        assertThat(LogView.since("1d", now, UTC)).isEqualTo(Instant.parse("2026-12-04T19:10:00Z"));
        assertThat(LogView.since("PT90S", now, UTC)).isEqualTo(now.minus(Duration.ofSeconds(90)));
        assertThat(LogView.since("2026-12-05T19:00:00Z", now, UTC)).isEqualTo(Instant.parse("2026-12-05T19:00:00Z"));
        assertThat(LogView.since("2026-12-05T20:00:00+01:00", now, UTC)).isEqualTo(Instant.parse("2026-12-05T19:00:00Z"));
        assertThat(LogView.since("2026-12-05T19:00:00", now, ZoneId.of("Europe/Berlin"))).isEqualTo(Instant.parse("2026-12-05T18:00:00Z"));
        assertThatThrownBy(() -> LogView.since("5x", now, UTC)).hasMessageStartingWith("'5x' is neither a duration");
    }
}

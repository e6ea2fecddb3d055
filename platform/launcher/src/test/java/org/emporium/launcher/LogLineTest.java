package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Each shape of line the components write, read for its own time, level and trace id (lines copied from real logs). */
class LogLineTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void readsAQuarkusJsonLineWithItsTraceId() {
        LogLine line = LogLine.parse("{\"timestamp\":\"2026-12-05T18:35:08.910805835Z\",\"sequence\":145,\"loggerName\":\"io.quarkus\","
                + "\"level\":\"WARN\",\"message\":\"slow\",\"traceId\":\"3971f6e06282f2197c251d80eee03302\",\"spanId\":\"d495\","
                + "\"service\":\"catalog\"}", BERLIN);

        assertThat(line.time()).isEqualTo(Instant.parse("2026-12-05T18:35:08.910805835Z"));
        assertThat(line.level()).isEqualTo(LogLine.Level.WARN);
        assertThat(line.traceId()).isEqualTo("3971f6e06282f2197c251d80eee03302");
        assertThat(line.text()).isEqualTo("WARN  slow");
        assertThat(line.json()).isTrue();
    }

    @Test
    void readsASpringEcsLineAndAQuarkusStackTrace() {
        LogLine spring = LogLine.parse("{\"@timestamp\":\"2026-12-05T11:11:37.740359477Z\",\"log\":{\"level\":\"ERROR\","
                + "\"logger\":\"x\"},\"message\":\"GET /api 500\",\"traceId\":\"abc\",\"error\":{\"stack_trace\":\"boom\\n\\tat x\"}}", BERLIN);
        assertThat(spring.time()).isEqualTo(Instant.parse("2026-12-05T11:11:37.740359477Z"));
        assertThat(spring.level()).isEqualTo(LogLine.Level.ERROR);
        assertThat(spring.traceId()).isEqualTo("abc");
        assertThat(spring.text()).isEqualTo("ERROR GET /api 500\nboom\n\tat x");

        LogLine quarkus = LogLine.parse("{\"timestamp\":\"2026-12-05T11:49:40.806+01:00\",\"level\":\"WARN\",\"message\":\"blocked\","
                + "\"stackTrace\":\": io.vertx.core.VertxException\",\"mdc\":{\"trace_id\":\"def\"}}", BERLIN);
        assertThat(quarkus.time()).isEqualTo(Instant.parse("2026-12-05T10:49:40.806Z"));
        assertThat(quarkus.traceId()).isEqualTo("def");
        assertThat(quarkus.text()).endsWith("\n: io.vertx.core.VertxException");
    }

    @Test
    void readsTheInfrastructuresTextTimes() {
        LogLine zipkin = LogLine.parse("2026-12-05T18:34:43.234Z  INFO [/] 12087 --- [oss-http-*:9411] c.l.a.s.Server : Serving HTTP", BERLIN);
        assertThat(zipkin.time()).isEqualTo(Instant.parse("2026-12-05T18:34:43.234Z"));
        assertThat(zipkin.level()).isEqualTo(LogLine.Level.INFO);
        assertThat(zipkin.text()).startsWith("INFO [/] 12087");

        LogLine kafka = LogLine.parse("2026-12-05T19:34:43.234+01:00 [main] WARN kafka.server.KafkaRaftServer - started", BERLIN);
        assertThat(kafka.time()).isEqualTo(Instant.parse("2026-12-05T18:34:43.234Z"));
        assertThat(kafka.level()).isEqualTo(LogLine.Level.WARN);

        // GreenMail: local time with a comma
        LogLine mail = LogLine.parse("2026-12-05 18:34:34,717 INFO  GreenMailStandaloneRunner| Starting", BERLIN);
        assertThat(mail.time()).isEqualTo(Instant.parse("2026-12-05T17:34:34.717Z"));
        assertThat(mail.text()).startsWith("INFO  GreenMail");

        LogLine postgres = LogLine.parse("2026-12-05 18:34:33.289 UTC [4242] ERROR:  relation \"x\" does not exist", BERLIN);
        assertThat(postgres.time()).isEqualTo(Instant.parse("2026-12-05T18:34:33.289Z"));
        assertThat(postgres.level()).isEqualTo(LogLine.Level.ERROR);

        LogLine redis = LogLine.parse("12086:M 05 Dec 2026 18:34:33.289 # WARNING Memory overcommit must be enabled!", BERLIN);
        assertThat(redis.time()).isEqualTo(Instant.parse("2026-12-05T17:34:33.289Z"));
        assertThat(redis.level()).isEqualTo(LogLine.Level.WARN);
        assertThat(redis.text()).startsWith("# WARNING");
    }

    @Test
    void aLineWithoutATimeSaysSo() {
        LogLine note = LogLine.parse("NOTE: Picked up JDK_JAVA_OPTIONS: -XX:TieredStopAtLevel=1", BERLIN);
        assertThat(note.time()).isNull();
        assertThat(note.level()).isNull();
        assertThat(note.json()).isFalse();
        assertThat(note.text()).isEqualTo("NOTE: Picked up JDK_JAVA_OPTIONS: -XX:TieredStopAtLevel=1");

        assertThat(LogLine.parse("{not json", BERLIN).json()).isFalse();
        assertThat(LogLine.parse("\tat org.emporium.Foo.bar(Foo.java:12)", BERLIN).time()).isNull();
    }

    @Test
    void mapsOtherFrameworksLevelNames() {
        assertThat(LogLine.Level.of("WARNING")).isEqualTo(LogLine.Level.WARN);
        assertThat(LogLine.Level.of("SEVERE")).isEqualTo(LogLine.Level.ERROR);
        assertThat(LogLine.Level.of("LOG")).isEqualTo(LogLine.Level.INFO);
        assertThat(LogLine.Level.of("PANIC")).isEqualTo(LogLine.Level.FATAL);
        assertThat(LogLine.Level.of("nonsense")).isNull();
        assertThat(LogLine.Level.ERROR.atLeast(LogLine.Level.WARN)).isTrue();
        assertThat(LogLine.Level.INFO.atLeast(LogLine.Level.WARN)).isFalse();
    }
}

package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An outage asked for in the file: the component goes down, the supervisor leaves it, and it comes back on time. */
class OutagesTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), false, true);
    private final SupervisorTest.FakeComponent kafka = new SupervisorTest.FakeComponent("kafka");
    private final Launch launch = new Launch(List.of(kafka), console);
    private Instant now = Instant.parse("2026-12-06T05:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };

    @Test
    void aComponentIsDownUntilItsTimeThenStartedAgainAndTheSupervisorLeavesItAloneMeanwhile() {
        launch.startAll();
        Path file = folder.resolve("outages.properties");
        Outages outages = new Outages(launch, console, file, clock, Runnable::run);
        List<Duration> restarts = new ArrayList<>();
        Supervisor supervisor = new Supervisor(launch, RestartPolicy.DEFAULT, console, clock, restarts::add, Runnable::run, () -> { });
        supervisor.leaveAlone(outages::holds);

        Outages.ask(file, "kafka", now.plusSeconds(30));
        outages.check();
        supervisor.check();
        assertThat(kafka.isAlive()).as("taken down").isFalse();
        assertThat(outages.holds("kafka")).isTrue();

        now = now.plusSeconds(29);
        outages.check();
        supervisor.check();
        assertThat(kafka.isAlive()).as("still down, not restarted by the supervisor").isFalse();
        assertThat(restarts).isEmpty();
        assertThat(supervisor.restarts()).isEmpty();

        now = now.plusSeconds(1);
        outages.check();
        assertThat(kafka.isAlive()).as("back when the time is up").isTrue();
        assertThat(outages.holds("kafka")).isFalse();
        assertThat(Outages.read(file)).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("kafka taken down on purpose", "kafka is back after its outage");

        kafka.crash();
        supervisor.check();
        assertThat(supervisor.restarts()).as("a real crash afterwards is the supervisor's again").containsEntry("kafka", 1);
    }

    @Test
    void anOutageOfAComponentThatDoesNotRunIsIgnored() {
        launch.startAll();
        Path file = folder.resolve("outages.properties");
        Outages.ask(file, "nosuch", now.plusSeconds(30));
        Outages outages = new Outages(launch, console, file, clock, Runnable::run);
        outages.check();
        assertThat(kafka.isAlive()).isTrue();
        assertThat(outages.holds("nosuch")).isFalse();
    }
}

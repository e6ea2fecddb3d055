package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The supervisor with a component that is no process: it dies when told to, and starts as often as asked. */
class SupervisorTest {

    /** A component that is ready as soon as it starts; each start gives it a new pid. */
    static final class FakeComponent implements Component {
        private final String name;
        private volatile boolean alive;
        private volatile long pid;
        private volatile int starts;
        /** Starts that exit at once (a process that dies during start-up). */
        volatile int failingStarts;

        FakeComponent(String name) {
            this.name = name;
        }

        void crash() {
            alive = false;
        }

        @Override public String name() { return name; }
        @Override public List<String> needs() { return List.of(); }
        @Override public boolean isInfrastructure() { return true; }
        @Override public int port() { return 9411; }
        @Override public String url() { return "http://localhost:9411"; }
        @Override public void start() {
            starts++;
            pid = 1000 + starts;
            alive = failingStarts-- <= 0;
        }
        @Override public boolean isReady() { return alive; }
        @Override public boolean isAlive() { return alive; }
        @Override public OptionalInt exitCode() { return alive ? OptionalInt.empty() : OptionalInt.of(137); }
        @Override public long pid() { return pid; }
        @Override public void stop() { alive = false; }
        @Override public List<String> recentOutput() { return List.of("the last line"); }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8), false, true);
    private final FakeComponent zipkin = new FakeComponent("zipkin");
    private final Launch launch = new Launch(List.of(zipkin), console);
    private final List<Duration> pauses = new ArrayList<>();
    private final AtomicInteger changes = new AtomicInteger();
    private Instant now = Instant.parse("2026-12-05T19:00:00Z");

    /** Restarts run at once on the checking thread, pauses are recorded, not waited, and time moves only when told. */
    private Supervisor supervisor() {
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now; }
        };
        return new Supervisor(launch, RestartPolicy.DEFAULT, console, clock, pauses::add, Runnable::run, changes::incrementAndGet);
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.contains("zipkin starting") && !l.contains("zipkin ready")).toList();
    }

    @Test
    void restartsAProcessThatDiedAndSaysSoInOneLine() {
        launch.startAll();
        Supervisor supervisor = supervisor();
        supervisor.check();
        assertThat(zipkin.starts).as("nothing to do while it runs").isEqualTo(1);

        zipkin.crash();
        supervisor.check();

        assertThat(zipkin.isAlive()).isTrue();
        assertThat(zipkin.pid()).isEqualTo(1002);
        assertThat(pauses).containsExactly(Duration.ofSeconds(1));
        assertThat(supervisor.restarts()).containsEntry("zipkin", 1);
        assertThat(changes.get()).as("the state file is rewritten with the new pid").isPositive();
        assertThat(lines()).anySatisfy(l -> assertThat(l).isEqualTo("✗ zipkin exited with code 137; restarting (1 of 5) in 1 s"))
                .anySatisfy(l -> assertThat(l).startsWith("✓ zipkin is ready again (pid 1002)"));
    }

    @Test
    void backsOffAndGivesUpAfterFiveRestartsInTenMinutesSayingSo() {
        launch.startAll();
        Supervisor supervisor = supervisor();
        for (int i = 0; i < 6; i++) {
            zipkin.crash();
            now = now.plusSeconds(30);
            supervisor.check();
        }
        supervisor.check(); // given up: not looked at again

        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8), Duration.ofSeconds(16));
        assertThat(zipkin.starts).isEqualTo(6);
        assertThat(zipkin.isAlive()).isFalse();
        assertThat(supervisor.restarts()).containsEntry("zipkin", 5);
        assertThat(lines()).filteredOn(l -> l.contains("stays down")).singleElement().isEqualTo(
                "✗ zipkin exited with code 137; it was restarted 5 times within 10 min, so it stays down (see .emporium/logs/zipkin.log)");
    }

    @Test
    void aRestartThatDiesDuringStartUpIsTriedAgainAndCounts() {
        launch.startAll();
        Supervisor supervisor = supervisor();
        zipkin.crash();
        zipkin.failingStarts = 1;

        supervisor.check();
        assertThat(zipkin.isAlive()).isFalse();
        assertThat(lines()).anySatisfy(l -> assertThat(l).startsWith("✗ zipkin did not come back: zipkin exited during start-up"));

        supervisor.check();
        assertThat(zipkin.isAlive()).isTrue();
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(lines()).anySatisfy(l -> assertThat(l).isEqualTo("✗ zipkin exited with code 137; restarting (2 of 5) in 2 s"));
    }

    @Test
    void aProcessThatDiesWhileEverythingStopsIsNotStartedAgain() {
        launch.startAll();
        // Ctrl-C during the pause before the restart
        Supervisor supervisor = new Supervisor(launch, RestartPolicy.DEFAULT, console, Clock.systemUTC(),
                pause -> launch.stopAll(), Runnable::run, changes::incrementAndGet);
        zipkin.crash();

        supervisor.check();

        assertThat(zipkin.starts).isEqualTo(1);
        assertThat(zipkin.isAlive()).isFalse();
        assertThat(lines()).noneMatch(l -> l.contains("ready again") || l.contains("did not come back"));
    }
}

package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LaunchTest {

    private final Console console = new Console(new PrintStream(new ByteArrayOutputStream()), false, true);

    @Test
    void startsComponentsAfterWhatTheyNeedAndStopsThemInReverse() {
        List<String> events = new ArrayList<>();
        FakeComponent db = new FakeComponent("db", List.of(), events);
        FakeComponent api = new FakeComponent("api", List.of("db"), events);
        FakeComponent web = new FakeComponent("web", List.of("api"), events);
        Launch launch = new Launch(List.of(db, api, web), console);

        launch.startAll();
        launch.stopAll();

        assertThat(events).containsExactly("start db", "start api", "start web", "stop web", "stop api", "stop db");
    }

    @Test
    void stopsWhatDoesNotDependOnEachOtherAtOnceAndInfrastructureAfterEveryService() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier together = new CyclicBarrier(2);
        FakeComponent broker = new FakeComponent("broker", List.of(), events) {
            @Override
            public boolean isInfrastructure() {
                return true;
            }
        };
        // neither needs the other nor waits for the broker: both stop at once, and before it
        class StopsBesideAnother extends FakeComponent {
            StopsBesideAnother(String name) {
                super(name, List.of(), events);
            }

            @Override
            public void stop() {
                try {
                    together.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    events.add(name() + " stopped alone");
                }
                super.stop();
            }
        }
        Launch launch = new Launch(List.of(broker, new StopsBesideAnother("orders"), new StopsBesideAnother("cart")), console);

        launch.startAll();
        launch.stopAll();

        assertThat(events).doesNotContain("orders stopped alone", "cart stopped alone")
                .containsSubsequence("stop orders", "stop broker").containsSubsequence("stop cart", "stop broker");
    }

    @Test
    void aPortInUseIsReportedWithTheComponentAndTheVariableThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            FakeComponent web = new FakeComponent("web", List.of(), new ArrayList<>(), taken.getLocalPort());
            assertThatThrownBy(() -> new Launch(List.of(web), console).checkPorts())
                    .hasMessageContaining("port " + taken.getLocalPort() + " (web)")
                    .hasMessageContaining("EMPORIUM_WEB_PORT");
        }
    }

    @Test
    void aComponentThatDiesDuringStartUpFailsTheLaunchWithItsOutput() {
        FakeComponent broken = new FakeComponent("broken", List.of(), new ArrayList<>()) {
            @Override
            public boolean isAlive() {
                return false;
            }

            @Override
            public boolean isReady() {
                return false;
            }
        };
        assertThatThrownBy(() -> new Launch(List.of(broken), console).startAll())
                .hasMessageContaining("broken exited during start-up")
                .hasMessageContaining("last words");
    }

    static class FakeComponent implements Component {
        private final String name;
        private final List<String> needs;
        private final List<String> events;
        private final int port;
        private boolean running;

        FakeComponent(String name, List<String> needs, List<String> events) {
            this(name, needs, events, 0);
        }

        FakeComponent(String name, List<String> needs, List<String> events, int port) {
            this.name = name;
            this.needs = needs;
            this.events = events;
            this.port = port;
        }

        @Override public String name() { return name; }
        @Override public List<String> needs() { return needs; }
        @Override public int port() { return port; }
        @Override public String url() { return "fake://" + name; }
        @Override public synchronized void start() { events.add("start " + name); running = true; }
        @Override public boolean isReady() { return running; }
        @Override public boolean isAlive() { return running; }
        @Override public long pid() { return -1; }
        @Override public synchronized void stop() { events.add("stop " + name); running = false; }
        @Override public List<String> recentOutput() { return List.of("last words"); }
    }
}

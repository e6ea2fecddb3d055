package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalingTest {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final Console console = new Console(new PrintStream(new ByteArrayOutputStream()), false, true);

    @Test
    void theRunningSystemFollowsTheCountsAskedForFromAnotherTerminal(@TempDir Path run) {
        Launch launch = new Launch(List.of(new LaunchTest.FakeComponent("catalog", List.of(), events)), console);
        launch.startAll();
        // nothing listens on port 1: the registry's side is RegistryTest's
        Registry registry = new Registry(URI.create("http://127.0.0.1:1/eureka"), console);
        Path file = run.resolve("scale.properties");
        Scaling scaling = new Scaling(launch, registry,
                (service, index) -> new LaunchTest.FakeComponent(Instances.name(service, index), List.of(), events),
                console, file, Duration.ZERO);

        Scaling.ask(file, Map.of("catalog", 3));
        scaling.reconcile(Scaling.read(file));
        assertThat(launch.started()).extracting(Component::name).containsExactlyInAnyOrder("catalog", "catalog-2", "catalog-3");
        assertThat(launch.readyAfter()).containsKeys("catalog-2", "catalog-3");

        Scaling.ask(file, Map.of("catalog", 1));
        assertThat(Scaling.read(file)).containsExactly(Map.entry("catalog", 1));
        scaling.reconcile(Scaling.read(file));
        assertThat(launch.started()).extracting(Component::name).containsExactly("catalog");
        assertThat(launch.components()).extracting(Component::name).containsExactly("catalog");
        assertThat(events).contains("stop catalog-2", "stop catalog-3").doesNotContain("stop catalog");

        // the first copy never goes: one is the least
        scaling.reconcile(Map.of("catalog", 0));
        assertThat(launch.started()).extracting(Component::name).containsExactly("catalog");
    }

    @Test
    void aCopyThatDoesNotStartLeavesNothingBehind(@TempDir Path run) {
        Launch launch = new Launch(List.of(new LaunchTest.FakeComponent("catalog", List.of(), events)), console);
        launch.startAll();
        Scaling scaling = new Scaling(launch, new Registry(URI.create("http://127.0.0.1:1/eureka"), console),
                (service, index) -> new LaunchTest.FakeComponent(Instances.name(service, index), List.of(), events) {
                    @Override public synchronized void start() { throw new IllegalStateException("no port"); }
                },
                console, run.resolve("scale.properties"), Duration.ZERO);
        scaling.reconcile(Map.of("catalog", 2));
        assertThat(launch.components()).extracting(Component::name).containsExactly("catalog");
    }

    @Test
    void copiesAreCountedPerServiceLowestFirst() {
        List<Component> all = List.of(new LaunchTest.FakeComponent("catalog-3", List.of(), events),
                new LaunchTest.FakeComponent("cart", List.of(), events),
                new LaunchTest.FakeComponent("catalog", List.of(), events),
                new LaunchTest.FakeComponent("catalog-2", List.of(), events));
        assertThat(Scaling.copiesOf(all, "catalog")).extracting(Component::name)
                .containsExactly("catalog", "catalog-2", "catalog-3");
    }
}

package org.emporium.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultFlagsTest {

    @TempDir
    Path folder;

    @Test
    void aServiceSeesItsFaultsComeAndGoWithoutARestart() throws InterruptedException {
        Path file = folder.resolve("faults.json");
        List<Faults> changes = new CopyOnWriteArrayList<>();
        try (FaultFlags flags = FaultFlags.watch(file, "catalog", changes::add)) {
            assertThat(flags.current()).isEqualTo(Faults.NONE);

            FlagFile.read(file)
                    .with("catalog", Fault.LATENCY, Fault.value(new Latency(300, 300, new Share(50, "/api/catalog", 0))))
                    .with("catalog", Fault.CUT, Map.of("recommendations", "", "search", Fault.until(System.currentTimeMillis() + 60_000)))
                    .with("payments", Fault.ERRORS, Fault.value(new Errors(503, new Share(100, "/", 0))))
                    .write(file);
            Faults seen = waitFor(flags, f -> f.latency() != null);
            assertThat(seen.latency()).isEqualTo(new Latency(300, 300, new Share(50, "/api/catalog", 0)));
            assertThat(seen.isCutOffFrom("search")).as("until a time").isTrue();
            assertThat(seen.errors()).as("another service's fault").isNull();
            assertThat(seen.isCutOffFrom("recommendations")).isTrue();
            assertThat(seen.isCutOffFrom("inventory")).isFalse();

            long soon = System.currentTimeMillis() + 60_000;
            FlagFile.read(file).with("catalog", Fault.LATENCY, Fault.value(new Latency(100, 800, new Share(100, "/", soon)))).write(file);
            assertThat(waitFor(flags, f -> f.latency().upToMillis() == 800).latency().share().until())
                    .as("a time survives the file, to the millisecond").isEqualTo(soon);

            FlagFile.read(file).without("catalog", Fault.LATENCY).without("catalog", Fault.CUT).write(file);
            assertThat(waitFor(flags, Faults::none)).isEqualTo(Faults.NONE);
            assertThat(changes).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aShareMeetsAboutItsPercentOfTheRequestsOnItsPathUntilItEnds() {
        long now = System.currentTimeMillis();
        Share half = new Share(50, "/api/catalog", 0);
        long hits = java.util.stream.IntStream.range(0, 10_000).filter(i -> half.hits("/api/catalog/products/X", now)).count();
        assertThat(hits).isBetween(4_500L, 5_500L);
        assertThat(half.hits("/api/search", now)).isFalse();
        assertThat(new Share(100, "/", now - 1).hits("/", now)).as("ended").isFalse();
        assertThat(new Share(0, "/", 0).hits("/", now)).isFalse();
        assertThatThrownBy(() -> new Share(101, "/", 0)).hasMessageContaining("0 to 100");
    }

    @Test
    void aFaultOnCallsToADownstreamMeetsThoseCallsOnlyAndSurvivesTheFile() {
        long now = System.currentTimeMillis();
        Share toPayments = new Share(100, "/", 0, "payments");
        assertThat(toPayments.hitsCallTo("payments", now)).isTrue();
        assertThat(toPayments.hitsCallTo("cart", now)).isFalse();
        assertThat(toPayments.hits("/api/orders", now)).as("not the requests the service receives").isFalse();
        assertThat(new Share(100, "/", 0).hitsCallTo("payments", now)).as("an incoming fault is on no call").isFalse();

        Faults read = Fault.faults(Fault.value(new Latency(500, 500, toPayments)), null, null);
        assertThat(read.latency().share().to()).isEqualTo("payments");
        assertThat(read.onCalls()).isTrue();
        assertThat(read.delayMillisTowards("payments")).isEqualTo(500);
        assertThat(read.delayMillis("/api/orders")).isZero();
        assertThat(Fault.faults(Fault.value(new Latency(500, 500, new Share(100, "/", 0))), null, null).onCalls()).isFalse();
    }

    @Test
    void aStallLastsUntilItsEndOrUntilCleared() {
        long now = System.currentTimeMillis();
        Faults forAWhile = Fault.faults(null, null, null, Fault.stall(now + 30_000));
        assertThat(forAWhile.stalls(now)).isTrue();
        assertThat(forAWhile.stalls(now + 31_000)).isFalse();
        assertThat(Fault.faults(null, null, null, Fault.stall(0)).stalls(now + 3_600_000)).as("until cleared").isTrue();
        assertThat(Faults.NONE.stalls(now)).isFalse();
        assertThat(forAWhile.none()).isFalse();
    }

    @Test
    void latencyIsFixedOrDrawnFromItsRange() {
        assertThat(new Latency(300, 300, new Share(100, "/", 0)).draw()).isEqualTo(300);
        Latency range = new Latency(100, 800, new Share(100, "/", 0));
        assertThat(java.util.stream.IntStream.range(0, 1000).mapToLong(i -> range.draw())).allMatch(d -> d >= 100 && d <= 800);
        assertThatThrownBy(() -> new Latency(800, 100, new Share(100, "/", 0))).hasMessageContaining("no range");
    }

    private static Faults waitFor(FaultFlags flags, java.util.function.Predicate<Faults> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.test(flags.current())) {
            assertThat(System.nanoTime()).as("the change was seen within 10 s").isLessThan(deadline);
            Thread.sleep(50);
        }
        return flags.current();
    }
}

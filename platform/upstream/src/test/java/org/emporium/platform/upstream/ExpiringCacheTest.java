package org.emporium.platform.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.emporium.platform.upstream.UpstreamUnavailableException;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    private final ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofMinutes(1), 10);
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void aSecondLookupIsAnsweredFromTheCache() {
        assertThat(cache.get("k", this::load).await().indefinitely()).isEqualTo("k#1");
        assertThat(cache.get("k", this::load).await().indefinitely()).isEqualTo("k#1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void failuresAreNotCached() {
        Uni<String> failed = cache.get("k", k -> Uni.createFrom().failure(new UpstreamUnavailableException("catalog", "down", null)));
        assertThatThrownBy(() -> failed.await().indefinitely()).isInstanceOf(UpstreamUnavailableException.class);

        assertThat(cache.get("k", this::load).await().indefinitely()).isEqualTo("k#1");
    }

    @Test
    void concurrentLookupsShareOneLoad() {
        CompletableFuture<String> answer = new CompletableFuture<>();
        Uni<String> first = cache.get("k", k -> {
            loads.incrementAndGet();
            return Uni.createFrom().completionStage(answer);
        });
        Uni<String> second = cache.get("k", this::load);

        answer.complete("shared");
        assertThat(first.await().indefinitely()).isEqualTo("shared");
        assertThat(second.await().indefinitely()).isEqualTo("shared");
        assertThat(loads).hasValue(1);
    }

    @Test
    void invalidatingForgetsEverything() {
        cache.get("k", this::load).await().indefinitely();
        cache.invalidateAll();
        assertThat(cache.get("k", this::load).await().indefinitely()).isEqualTo("k#2");
    }

    // --- many keys at once --------------------------------------------------------------------------

    private final ExpiringCache<String, Integer> many = new ExpiringCache<>(Duration.ofMinutes(1), 10);
    private final List<Set<String>> bulkLoads = new CopyOnWriteArrayList<>();

    private Uni<Map<String, Integer>> loadAll(Set<String> keys) {
        bulkLoads.add(keys);
        Map<String, Integer> values = new HashMap<>();
        keys.forEach(k -> values.put(k, k.length()));
        return Uni.createFrom().item(values);
    }

    @Test
    void manyKeysAreLoadedInOneCallAndOnlyTheOnesNotKept() {
        assertThat(many.getAll(List.of("a", "bb"), this::loadAll).await().indefinitely())
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "bb", 2));
        assertThat(many.getAll(List.of("a", "bb", "ccc"), this::loadAll).await().indefinitely())
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "bb", 2, "ccc", 3));
        assertThat(many.getAll(List.of("ccc", "a"), this::loadAll).await().indefinitely()).hasSize(2);
        assertThat(bulkLoads).containsExactly(Set.of("a", "bb"), Set.of("ccc"));
        // one key at a time reads what many keys at once kept
        assertThat(many.get("bb", k -> Uni.createFrom().item(-1)).await().indefinitely()).isEqualTo(2);
    }

    @Test
    void aKeyTheLoadLeavesOutIsMissingFromTheAnswerAndNotKept() {
        Function<Set<String>, Uni<Map<String, Integer>>> withoutX = keys -> {
            bulkLoads.add(keys);
            Map<String, Integer> values = new HashMap<>();
            keys.stream().filter(k -> !k.equals("x")).forEach(k -> values.put(k, k.length()));
            return Uni.createFrom().item(values);
        };
        assertThat(many.getAll(List.of("x", "yy"), withoutX).await().indefinitely())
                .containsExactlyInAnyOrderEntriesOf(Map.of("yy", 2));
        assertThat(many.getAll(List.of("x", "yy"), withoutX).await().indefinitely()).doesNotContainKey("x");
        assertThat(bulkLoads).containsExactly(Set.of("x", "yy"), Set.of("x"));
    }

    @Test
    void aFailedLoadOfManyKeysFailsTheLookupAndKeepsNothing() {
        Uni<Map<String, Integer>> failed = many.getAll(List.of("a"),
                keys -> Uni.createFrom().failure(new UpstreamUnavailableException("inventory", "down", null)));
        assertThatThrownBy(() -> failed.await().indefinitely()).isInstanceOf(UpstreamUnavailableException.class);

        assertThat(many.getAll(List.of("a"), this::loadAll).await().indefinitely()).containsEntry("a", 1);
        assertThat(bulkLoads).containsExactly(Set.of("a"));
    }

    // --- with a last good answer to fall back on --------------------------------------------------

    private final ExpiringCache<String, String> patient = new ExpiringCache<>(Duration.ofMillis(50), 10,
            new ExpiringCache.Staleness(Duration.ofMillis(200), Duration.ofMinutes(1)));

    @Test
    void aSlowUpstreamIsAnsweredWithTheLastGoodValueAfterThePatienceAndTheLoadStillRefreshesTheCache() throws Exception {
        assertThat(patient.get("k", this::load).await().indefinitely()).isEqualTo("k#1");
        expire();
        CompletableFuture<String> slow = new CompletableFuture<>();

        long started = System.nanoTime();
        assertThat(patient.get("k", k -> Uni.createFrom().completionStage(slow)).await().indefinitely()).isEqualTo("k#1");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(150), Duration.ofMillis(2000));

        slow.complete("k#fresh");
        assertThat(patient.get("k", this::load).await().indefinitely()).as("the load that went on").isEqualTo("k#fresh");
    }

    @Test
    void aFailingUpstreamIsAnsweredWithTheLastGoodValueAtOnce() throws Exception {
        assertThat(patient.get("k", this::load).await().indefinitely()).isEqualTo("k#1");
        expire();
        long started = System.nanoTime();
        assertThat(patient.get("k", k -> Uni.createFrom().failure(new UpstreamUnavailableException("catalog", "down", null)))
                .await().indefinitely()).isEqualTo("k#1");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(150));
    }

    @Test
    void aFreshAnswerWithinThePatienceWins() throws Exception {
        patient.get("k", this::load).await().indefinitely();
        expire();
        assertThat(patient.get("k", this::load).await().indefinitely()).isEqualTo("k#2");
    }

    @Test
    void withoutALastGoodValueAFailureIsAFailure() {
        Uni<String> failed = patient.get("never", k -> Uni.createFrom().failure(new UpstreamUnavailableException("catalog", "down", null)));
        assertThatThrownBy(() -> failed.await().indefinitely()).isInstanceOf(UpstreamUnavailableException.class);
        patient.get("k", this::load).await().indefinitely();
        patient.invalidateAll();
        Uni<String> forgotten = patient.get("k", k -> Uni.createFrom().failure(new UpstreamUnavailableException("catalog", "down", null)));
        assertThatThrownBy(() -> forgotten.await().indefinitely()).as("invalidated, the last good one too")
                .isInstanceOf(UpstreamUnavailableException.class);
    }

    /** Past the 50 ms time to live of {@link #patient}. */
    private static void expire() throws InterruptedException {
        Thread.sleep(80);
    }

    private Uni<String> load(String key) {
        return Uni.createFrom().item(key + "#" + loads.incrementAndGet());
    }
}

package org.emporium.storefront.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
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

    private Uni<String> load(String key) {
        return Uni.createFrom().item(key + "#" + loads.incrementAndGet());
    }
}

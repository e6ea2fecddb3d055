package org.emporium.storefront.client;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A bounded cache of upstream answers that expire shortly after they were fetched. Concurrent
 * requests for the same key share one upstream call; failures are not cached.
 */
public final class ExpiringCache<K, V> {

    private final AsyncCache<K, V> cache;

    public ExpiringCache(Duration timeToLive, long maximumSize) {
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(timeToLive)
                .maximumSize(maximumSize)
                // bookkeeping runs on the calling thread: no pool threads for a few map operations
                .executor(Runnable::run)
                .buildAsync();
    }

    public Uni<V> get(K key, Function<K, Uni<V>> load) {
        CompletableFuture<V> value = cache.get(key, (k, executor) -> load.apply(k).subscribeAsCompletionStage());
        if (value.isDone()) {
            // the common case under load: a hit answers on the spot, on the calling thread
            return Uni.createFrom().completionStage(value);
        }
        Context caller = Vertx.currentContext();
        // a copy: a caller that stops waiting (a deadline, a failed sibling in a combine) cancels
        // its own wait, never the load the other requests share
        Uni<V> pending = Uni.createFrom().completionStage(value.copy());
        // a shared load completes on the event loop of the request that started it; continue on
        // our own request's context so its rendering and tracing stay where they belong
        return caller == null ? pending : pending.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    public void invalidate(K key) {
        cache.synchronous().invalidate(key);
    }

    public void put(K key, V value) {
        cache.put(key, java.util.concurrent.CompletableFuture.completedFuture(value));
    }

    public void invalidateAll() {
        cache.synchronous().invalidateAll();
    }
}

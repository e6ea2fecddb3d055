package org.emporium.platform.upstream;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A bounded cache of upstream answers that expire shortly after they were fetched. Concurrent
 * requests for the same key share one upstream call; failures are not cached.
 *
 * <p>With a {@link Staleness}, it also keeps each key's last good answer for longer, and answers
 * with it when the fresh one has not come within the patience, or failed: a slow or failing
 * upstream then costs a page the patience at most, not its timeout and an error page (stale while
 * revalidating, stale if error). The load goes on and refreshes the cache when it comes.
 */
public final class ExpiringCache<K, V> {

    /**
     * @param patience how long a request waits for a fresh answer when it has a last good one
     * @param maxStale how old a last good answer may be and still be served
     */
    public record Staleness(Duration patience, Duration maxStale) {
    }

    private final AsyncCache<K, V> cache;
    private final Cache<K, V> lastGood;
    private final Duration patience;

    public ExpiringCache(Duration timeToLive, long maximumSize) {
        this(timeToLive, maximumSize, null);
    }

    /** @param staleness null: never answer with a stale value */
    public ExpiringCache(Duration timeToLive, long maximumSize, Staleness staleness) {
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(timeToLive)
                .maximumSize(maximumSize)
                // bookkeeping runs on the calling thread: no pool threads for a few map operations
                .executor(Runnable::run)
                .buildAsync();
        this.lastGood = staleness == null ? null : Caffeine.newBuilder()
                .expireAfterWrite(staleness.maxStale())
                .maximumSize(maximumSize)
                .executor(Runnable::run)
                .build();
        this.patience = staleness == null ? null : staleness.patience();
    }

    public Uni<V> get(K key, Function<K, Uni<V>> load) {
        CompletableFuture<V> value = cache.get(key, (k, executor) -> load.apply(k)
                .invoke(v -> remember(k, v)).subscribeAsCompletionStage());
        V stale = lastGood == null ? null : lastGood.getIfPresent(key);
        if (value.isDone() && (stale == null || !value.isCompletedExceptionally())) {
            // the common case under load: a hit answers on the spot, on the calling thread
            return Uni.createFrom().completionStage(value);
        }
        // a copy: a caller that stops waiting (a deadline, a failed sibling in a combine) cancels
        // its own wait, never the load the other requests share
        Uni<V> pending = Uni.createFrom().completionStage(value.copy());
        if (stale != null) {
            pending = pending.ifNoItem().after(patience).recoverWithItem(stale).onFailure().recoverWithItem(stale);
        }
        return onCallersContext(pending);
    }

    /**
     * The values of {@code keys}: the ones kept answer at once, the others are loaded together by
     * one call of {@code load}, which answers a value for each key it is given (a key it leaves out
     * is missing from the answer and not kept). Fails when that load fails; nothing stale is
     * answered here.
     */
    public Uni<Map<K, V>> getAll(Collection<K> keys, Function<Set<K>, Uni<Map<K, V>>> load) {
        CompletableFuture<Map<K, V>> values = cache.getAll(keys, (missing, executor) ->
                load.apply(Set.copyOf(missing)).invoke(loaded -> loaded.forEach(this::remember))
                        .subscribeAsCompletionStage());
        if (values.isDone()) {
            return Uni.createFrom().completionStage(values);
        }
        return onCallersContext(Uni.createFrom().completionStage(values.copy()));
    }

    /**
     * A shared load completes on the event loop of the request that started it (the patience on a
     * timer's thread); continue on our own request's context so its rendering and tracing stay there.
     */
    private static <T> Uni<T> onCallersContext(Uni<T> pending) {
        Context caller = Vertx.currentContext();
        return caller == null ? pending : pending.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    private void remember(K key, V value) {
        if (lastGood != null) {
            lastGood.put(key, value);
        }
    }

    public void invalidate(K key) {
        cache.synchronous().invalidate(key);
        if (lastGood != null) {
            lastGood.invalidate(key);
        }
    }

    public void put(K key, V value) {
        cache.put(key, java.util.concurrent.CompletableFuture.completedFuture(value));
        remember(key, value);
    }

    /** Forgets every answer, the last good ones too. */
    public void invalidateAll() {
        cache.synchronous().invalidateAll();
        if (lastGood != null) {
            lastGood.invalidateAll();
        }
    }
}

package org.emporium.gateway.limits;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * The rate limiter the gateway's {@code RequestRateLimiter} filter asks: Spring Cloud Gateway's
 * {@link RedisRateLimiter} (a token bucket in Redis, one Lua script call per request) with what it
 * leaves out.
 *
 * <ul>
 *   <li>One bucket per client across all routes, not one per client and route: the library keys by
 *       route id, and what a client costs the shop is its total rate. {@link RateLimitKey}'s
 *       {@code reads:}/{@code writes:} prefix picks the bucket; writes (cart changes, orders) draw from
 *       their own, smaller one.</li>
 *   <li>{@code Retry-After} on a refusal, in whole seconds: the library's script refills once a second.</li>
 *   <li>Failing open cheaply. The library already lets a request through when Redis fails (and says so
 *       by reporting -1 tokens left). Here, after a failure, requests pass without asking Redis, and
 *       once a second a single request probes it; when the probe gets an answer, all requests ask
 *       again. So an outage costs one failed call a second rather than one per request: while Lettuce
 *       has no connection, each call would be a connection attempt, made while holding a lock, on the
 *       event loop. The gateway starts in that state, and connects once it is up. It warns at most once
 *       a minute instead of logging an error per request.</li>
 *   <li>Its own timeout on the call to Redis, instead of Lettuce's per-command timeout (switched off in
 *       {@link LimitsConfiguration}): Lettuce keeps each command in its timer wheel until the next tick,
 *       long enough at thousands of requests a second to be promoted to the old generation, and the
 *       gateway's small heap then spent 150 ms full collections every few seconds.</li>
 *   <li>A switch: disabled, no request touches Redis.</li>
 * </ul>
 */
public class RateLimits implements RateLimiter<RedisRateLimiter.Config> {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private static final Response UNLIMITED = new Response(true, Map.of());
    private static final Mono<Response> PASS = Mono.just(UNLIMITED);
    private static final long WARNING_INTERVAL = Duration.ofMinutes(1).toNanos();

    private final RateLimiter<RedisRateLimiter.Config> tokenBuckets;
    private final boolean enabled;
    private final Duration redisTimeout;
    private final long pauseAfterFailure;
    private final LongSupplier nanoTime;
    /** Until Redis has answered: only one request at a time, once the pause is over, asks it. */
    private volatile boolean unproven = true;
    private final AtomicLong pausedUntil;
    private final AtomicLong nextWarning;

    public RateLimits(RateLimiter<RedisRateLimiter.Config> tokenBuckets, boolean enabled, Duration redisTimeout,
                      Duration pauseAfterFailure) {
        this(tokenBuckets, enabled, redisTimeout, pauseAfterFailure, System::nanoTime);
    }

    RateLimits(RateLimiter<RedisRateLimiter.Config> tokenBuckets, boolean enabled, Duration redisTimeout,
               Duration pauseAfterFailure, LongSupplier nanoTime) {
        this.tokenBuckets = tokenBuckets;
        this.enabled = enabled;
        this.redisTimeout = redisTimeout;
        this.pauseAfterFailure = pauseAfterFailure.toNanos();
        this.nanoTime = nanoTime;
        long now = nanoTime.getAsLong();
        this.pausedUntil = new AtomicLong(now);
        this.nextWarning = new AtomicLong(now);
    }

    /**
     * Connects to Redis and loads the script as soon as the gateway is up, so the first visitors do not
     * wait for it (or, with a cold JVM taking longer than the timeout, pass unlimited). A failure here is
     * a failure like any other: warned about, and the first request probes again. No timeout: a Redis
     * that does not answer leaves this call hanging, which costs nothing.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void connect() {
        if (enabled) {
            tokenBuckets.isAllowed(RateLimitKey.READS, "gateway-start").map(this::withRetryAfter).subscribe();
        }
    }

    /**
     * @param routeId ignored: the bucket is the client's, whichever route it calls
     * @param id      {@code <bucket>:<client>}, from {@link RateLimitKey}
     */
    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        if (!enabled || unproven && !probe()) {
            return PASS;
        }
        int colon = id.indexOf(':');
        String bucket = colon < 0 ? RateLimitKey.READS : id.substring(0, colon);
        String client = id.substring(colon + 1);
        return tokenBuckets.isAllowed(bucket, client)
                .map(this::withRetryAfter)
                .timeout(redisTimeout, Mono.fromSupplier(this::failedOpen));
    }

    /** Whether this request is the one to ask Redis, after a failure (or before the first answer). */
    private boolean probe() {
        long until = pausedUntil.get();
        long now = nanoTime.getAsLong();
        // The winner pauses the others for as long as its call may take; answered, it lifts the pause.
        return now - until >= 0 && pausedUntil.compareAndSet(until, now + pauseAfterFailure);
    }

    private Response withRetryAfter(Response response) {
        Map<String, String> headers = response.getHeaders();
        String remaining = headers.get(RedisRateLimiter.REMAINING_HEADER);
        if ("-1".equals(remaining)) {
            return failedOpen();
        }
        if (unproven) {
            unproven = false;
        }
        if (response.isAllowed()) {
            return response;
        }
        Map<String, String> refusal = new HashMap<>(headers);
        refusal.put(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds(headers)));
        return new Response(false, refusal);
    }

    /**
     * Seconds until the bucket holds enough tokens for another request. The script counts in whole
     * seconds, adding the replenish rate once a second, so the answer is at least 1.
     */
    static long retryAfterSeconds(Map<String, String> headers) {
        long remaining = Math.max(0, number(headers.get(RedisRateLimiter.REMAINING_HEADER), 0));
        long requested = number(headers.get(RedisRateLimiter.REQUESTED_TOKENS_HEADER), 1);
        long rate = number(headers.get(RedisRateLimiter.REPLENISH_RATE_HEADER), 1);
        return Math.max(1, Math.ceilDiv(Math.max(0, requested - remaining), Math.max(1, rate)));
    }

    private Response failedOpen() {
        long now = nanoTime.getAsLong();
        pausedUntil.set(now + pauseAfterFailure);
        unproven = true;
        long next = nextWarning.get();
        if (now - next >= 0 && nextWarning.compareAndSet(next, now + WARNING_INTERVAL)) {
            log.warn("Redis does not answer the rate limiter; requests pass without rate limits until it does"
                    + " (warned at most once a minute)");
        }
        return UNLIMITED;
    }

    private static long number(String value, long otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    @Override
    public Map<String, RedisRateLimiter.Config> getConfig() {
        return tokenBuckets.getConfig();
    }

    @Override
    public Class<RedisRateLimiter.Config> getConfigClass() {
        return tokenBuckets.getConfigClass();
    }

    @Override
    public RedisRateLimiter.Config newConfig() {
        return tokenBuckets.newConfig();
    }
}

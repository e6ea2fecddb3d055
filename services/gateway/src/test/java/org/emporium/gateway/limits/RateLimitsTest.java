package org.emporium.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

@ExtendWith(OutputCaptureExtension.class)
class RateLimitsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TokenBuckets buckets = new TokenBuckets();

    private RateLimits limits(boolean enabled) {
        return new RateLimits(buckets, enabled, Duration.ofSeconds(10), Duration.ofSeconds(1), now::get);
    }

    @Test
    void asksTheClientsBucketWhateverTheRoute() {
        buckets.answer = allowed(41);

        Response response = limits(true).isAllowed("catalog", "writes:203.0.113.9").block();

        assertThat(buckets.asked).containsExactly("writes|203.0.113.9");
        assertThat(response.isAllowed()).isTrue();
        assertThat(response.getHeaders()).containsEntry(RedisRateLimiter.REMAINING_HEADER, "41")
                .doesNotContainKey("Retry-After");
    }

    @Test
    void aRefusalSaysWhenToRetry() {
        buckets.answer = refused(0, 100, 1);

        Response response = limits(true).isAllowed("storefront", "reads:203.0.113.9").block();

        assertThat(response.isAllowed()).isFalse();
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1")
                .containsEntry(RedisRateLimiter.BURST_CAPACITY_HEADER, "200");
    }

    @Test
    void retryAfterCountsTheSecondsUntilEnoughTokens() {
        assertThat(RateLimits.retryAfterSeconds(headers(0, 100, 1))).isEqualTo(1);
        assertThat(RateLimits.retryAfterSeconds(headers(0, 1, 1))).isEqualTo(1);
        assertThat(RateLimits.retryAfterSeconds(headers(0, 2, 5))).isEqualTo(3);
        assertThat(RateLimits.retryAfterSeconds(headers(4, 2, 5))).isEqualTo(1);
        assertThat(RateLimits.retryAfterSeconds(Map.of())).isEqualTo(1);
    }

    @Test
    void disabledItNeverAsksRedis() {
        Response response = limits(false).isAllowed("catalog", "reads:203.0.113.9").block();

        assertThat(response.isAllowed()).isTrue();
        assertThat(buckets.asked).isEmpty();
    }

    @Test
    void whenRedisFailedItLetsRequestsThroughAndStopsAskingForAWhile(CapturedOutput output) {
        RateLimits limits = limits(true);
        buckets.answer = failedOpen();

        Response failed = limits.isAllowed("catalog", "reads:203.0.113.9").block();
        Response paused = limits.isAllowed("catalog", "reads:203.0.113.9").block();
        now.addAndGet(Duration.ofMillis(999).toNanos());
        limits.isAllowed("catalog", "reads:203.0.113.9").block();

        assertThat(failed.isAllowed()).isTrue();
        assertThat(failed.getHeaders()).isEmpty();
        assertThat(paused.isAllowed()).isTrue();
        assertThat(buckets.asked).hasSize(1);

        now.addAndGet(Duration.ofMillis(1).toNanos());
        buckets.answer = refused(0, 100, 1);
        assertThat(limits.isAllowed("catalog", "reads:203.0.113.9").block().isAllowed()).isFalse();
        assertThat(buckets.asked).hasSize(2);
        assertThat(output).contains("Redis does not answer the rate limiter");
    }

    @Test
    void onlyOneRequestAtATimeAsksRedisUntilItHasAnswered() {
        RateLimits limits = limits(true);
        buckets.answer = Mono.never();

        limits.isAllowed("catalog", "reads:203.0.113.9").subscribe();
        Response meanwhile = limits.isAllowed("catalog", "reads:203.0.113.10").block();

        assertThat(meanwhile.isAllowed()).isTrue();
        assertThat(buckets.asked).containsExactly("reads|203.0.113.9");

        // The first call never answered (a hung Redis past every timeout, or a client that left): after
        // the pause, another request asks.
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        buckets.answer = allowed(10);
        limits.isAllowed("catalog", "reads:203.0.113.11").block();
        limits.isAllowed("catalog", "reads:203.0.113.12").block();
        limits.isAllowed("catalog", "reads:203.0.113.13").block();

        assertThat(buckets.asked).containsExactly("reads|203.0.113.9", "reads|203.0.113.11", "reads|203.0.113.12",
                "reads|203.0.113.13");
    }

    @Test
    void aCallRedisDoesNotAnswerInTimeLetsTheRequestThrough() {
        RateLimits limits = new RateLimits(buckets, true, Duration.ofMillis(50), Duration.ofSeconds(1), now::get);
        buckets.answer = Mono.never();

        long started = System.nanoTime();
        Response response = limits.isAllowed("catalog", "reads:203.0.113.9").block(Duration.ofSeconds(5));

        assertThat(response.isAllowed()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        // and the next requests do not wait for Redis either, until the pause is over
        assertThat(limits.isAllowed("catalog", "reads:203.0.113.9").block(Duration.ofMillis(10)).isAllowed()).isTrue();
        assertThat(buckets.asked).hasSize(1);
    }

    @Test
    void connectingAtStartProvesRedisSoRequestsAskItRightAway() {
        RateLimits limits = limits(true);
        buckets.answer = allowed(199);

        limits.connect();
        limits.isAllowed("catalog", "reads:203.0.113.9").block();
        limits.isAllowed("catalog", "reads:203.0.113.10").block();

        assertThat(buckets.asked).containsExactly("reads|gateway-start", "reads|203.0.113.9", "reads|203.0.113.10");
    }

    @Test
    void disabledItDoesNotConnectAtStart() {
        limits(false).connect();

        assertThat(buckets.asked).isEmpty();
    }

    @Test
    void warnsAboutRedisAtMostOnceAMinute(CapturedOutput output) {
        RateLimits limits = limits(true);
        buckets.answer = failedOpen();

        for (int second = 0; second < 59; second++) {
            limits.isAllowed("catalog", "reads:203.0.113.9").block();
            now.addAndGet(Duration.ofSeconds(1).toNanos());
        }
        assertThat(buckets.asked).hasSize(59);
        assertThat(warnings(output)).isEqualTo(1);

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        limits.isAllowed("catalog", "reads:203.0.113.9").block();
        assertThat(warnings(output)).isEqualTo(2);
    }

    private static long warnings(CapturedOutput output) {
        return output.getOut().lines().filter(line -> line.contains("Redis does not answer the rate limiter")).count();
    }

    private static Mono<Response> allowed(long remaining) {
        return Mono.just(new Response(true, headers(remaining, 100, 1)));
    }

    private static Mono<Response> refused(long remaining, long rate, long requested) {
        return Mono.just(new Response(false, headers(remaining, rate, requested)));
    }

    /** What RedisRateLimiter answers when its call to Redis failed: allowed, -1 tokens left. */
    private static Mono<Response> failedOpen() {
        return Mono.just(new Response(true, headers(-1, 100, 1)));
    }

    private static Map<String, String> headers(long remaining, long rate, long requested) {
        Map<String, String> headers = new HashMap<>();
        headers.put(RedisRateLimiter.REMAINING_HEADER, String.valueOf(remaining));
        headers.put(RedisRateLimiter.REPLENISH_RATE_HEADER, String.valueOf(rate));
        headers.put(RedisRateLimiter.BURST_CAPACITY_HEADER, String.valueOf(rate * 2));
        headers.put(RedisRateLimiter.REQUESTED_TOKENS_HEADER, String.valueOf(requested));
        return headers;
    }

    /** Stands in for RedisRateLimiter: records what it was asked and answers as told. */
    private static final class TokenBuckets implements RateLimiter<RedisRateLimiter.Config> {

        final List<String> asked = new ArrayList<>();
        Mono<Response> answer = Mono.empty();

        @Override
        public Mono<Response> isAllowed(String routeId, String id) {
            asked.add(routeId + "|" + id);
            return answer;
        }

        @Override
        public Map<String, RedisRateLimiter.Config> getConfig() {
            return Map.of();
        }

        @Override
        public Class<RedisRateLimiter.Config> getConfigClass() {
            return RedisRateLimiter.Config.class;
        }

        @Override
        public RedisRateLimiter.Config newConfig() {
            return new RedisRateLimiter.Config();
        }
    }
}

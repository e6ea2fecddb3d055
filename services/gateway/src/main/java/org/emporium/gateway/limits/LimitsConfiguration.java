package org.emporium.gateway.limits;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;
import java.time.Duration;
import java.util.List;
import reactor.netty.NettyPipeline;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    @Bean
    RequestSizeLimit requestSizeLimit(@Value("${emporium.gateway.max-request-size}") DataSize max) {
        return new RequestSizeLimit(max);
    }

    /** Each connection's pipeline gets {@link UnreadableRequestTarget} right after the HTTP decoder. */
    @Bean
    NettyServerCustomizer unreadableRequestTargets() {
        return server -> server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, UnreadableRequestTarget.NAME, new UnreadableRequestTarget());
            }
        });
    }

    @Bean
    RateLimitKey rateLimitKey(@Value("${emporium.gateway.trusted-proxies}") String trustedProxies) {
        return new RateLimitKey(new ClientAddress(trustedProxies));
    }

    /**
     * Primary, because Spring Cloud Gateway also defines a plain {@link RedisRateLimiter} and its
     * {@code RequestRateLimiter} filter factory wants a single default; application.yml names this one
     * anyway. The token buckets are a {@link RedisRateLimiter} of its own, configured here rather than
     * through per-route filter arguments, because the buckets are per client, not per route. Not a bean
     * either, so no property can switch off the X-RateLimit-* headers {@link RateLimits} reads.
     */
    @Bean
    @Primary
    RateLimits rateLimits(ReactiveStringRedisTemplate redis,
                          @Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> script,
                          ConfigurationService configurationService,
                          @Value("${emporium.gateway.rate-limit.enabled}") boolean enabled,
                          @Value("${emporium.gateway.rate-limit.replenish-rate}") int replenishRate,
                          @Value("${emporium.gateway.rate-limit.burst-capacity}") long burstCapacity,
                          @Value("${emporium.gateway.rate-limit.writes.replenish-rate}") int writeReplenishRate,
                          @Value("${emporium.gateway.rate-limit.writes.burst-capacity}") long writeBurstCapacity,
                          @Value("${emporium.gateway.rate-limit.redis-timeout}") Duration redisTimeout,
                          @Value("${emporium.gateway.rate-limit.pause-after-redis-failure}") Duration pause) {
        // The library's Lua script, read once. The library's own script bean reads it from a resource and,
        // on every call, asks whether the resource changed: a lock and a lookup in the jar per request.
        @SuppressWarnings({"unchecked", "rawtypes"})
        RedisScript<List<Long>> loaded = (RedisScript) RedisScript.of(script.getScriptAsString(), List.class);
        RedisRateLimiter tokenBuckets = new RedisRateLimiter(redis, loaded, configurationService);
        // Replenish rate first: a burst capacity below it is refused (a configuration error, at startup).
        tokenBuckets.getConfig().put(RateLimitKey.READS,
                new RedisRateLimiter.Config().setReplenishRate(replenishRate).setBurstCapacity(burstCapacity));
        tokenBuckets.getConfig().put(RateLimitKey.WRITES,
                new RedisRateLimiter.Config().setReplenishRate(writeReplenishRate).setBurstCapacity(writeBurstCapacity));
        return new RateLimits(tokenBuckets, enabled, redisTimeout, pause);
    }

    /**
     * While Lettuce has lost its connection to Redis it would queue commands until they time out, so
     * every request during an outage would wait the full timeout; rejected at once, the rate limiter
     * lets the request through right away instead. Lettuce's own per-command timeout is off: the rate
     * limiter times its calls itself, more cheaply (see {@link RateLimits}).
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer failFastLettuceOptions() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.builder().timeoutCommands(false).build());
    }
}

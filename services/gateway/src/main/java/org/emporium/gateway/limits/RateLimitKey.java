package org.emporium.gateway.limits;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Names the token bucket a request draws from: {@code reads:<client>} or {@code writes:<client>}, where
 * the client is the verified caller ({@code account:<sub>}) when the request carried a valid access
 * token, and otherwise the client's address ({@link ClientAddress}: the TCP peer, or, behind a trusted
 * proxy, the address that proxy saw). {@link RateLimits} splits the two parts again.
 *
 * <p>A verified subject only: the security chain has checked the token's signature before this runs
 * (an invalid token never gets here), so a caller cannot pick a fresh bucket per request. Shoppers
 * behind one address (an office, a carrier NAT) each get their own bucket once signed in.
 *
 * <p>{@code X-Forwarded-For} counts only as far as trusted proxies wrote it: what a client writes
 * there is whatever it wants, and a new value per request would be a fresh bucket per request.
 *
 * <p>An IPv6 client is keyed by its /64, the block a single subscriber is usually given: keyed by the
 * full address, one host could rotate through its block for fresh buckets.
 */
public class RateLimitKey implements KeyResolver {

    private final ClientAddress clients;

    public RateLimitKey(ClientAddress clients) {
        this.clients = clients;
    }

    static final String READS = "reads";
    static final String WRITES = "writes";

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        String bucket = bucketFor(exchange.getRequest().getMethod());
        return exchange.getPrincipal()
                .filter(Authentication.class::isInstance)
                .map(principal -> bucket + ":account:" + principal.getName())
                .switchIfEmpty(Mono.defer(() -> byAddress(exchange, bucket)));
    }

    private Mono<String> byAddress(ServerWebExchange exchange, String bucket) {
        // No network peer (an in-process call): nothing to key by; the request passes unlimited.
        return Mono.justOrEmpty(clients.of(exchange.getRequest()).map(address -> bucket + ":" + client(address)));
    }

    /** Reads are the safe methods; anything else changes state (carts, orders) and is a write. */
    static String bucketFor(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)
                ? READS
                : WRITES;
    }

    static String client(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(prefix, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            // Cannot happen for 16 bytes.
            throw new IllegalStateException(e);
        }
    }
}

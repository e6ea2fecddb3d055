package org.emporium.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

class RateLimitKeyTest {

    private final RateLimitKey key = new RateLimitKey(new ClientAddress(""));

    /** As behind a Kubernetes ingress whose controller runs in 10.0.0.0/8. */
    private final RateLimitKey behindIngress = new RateLimitKey(new ClientAddress("10.0.0.0/8, 192.0.2.7"));

    @Test
    void readsAreKeyedByThePeersAddress() {
        assertThat(keyOf(MockServerHttpRequest.get("/p/1").remoteAddress(peer("203.0.113.9"))))
                .isEqualTo("reads:203.0.113.9");
    }

    @Test
    void changesDrawFromTheWritesBucket() {
        assertThat(keyOf(MockServerHttpRequest.post("/api/carts").remoteAddress(peer("203.0.113.9"))))
                .isEqualTo("writes:203.0.113.9");
        assertThat(RateLimitKey.bucketFor(HttpMethod.PUT)).isEqualTo("writes");
        assertThat(RateLimitKey.bucketFor(HttpMethod.PATCH)).isEqualTo("writes");
        assertThat(RateLimitKey.bucketFor(HttpMethod.DELETE)).isEqualTo("writes");
        assertThat(RateLimitKey.bucketFor(HttpMethod.HEAD)).isEqualTo("reads");
        assertThat(RateLimitKey.bucketFor(HttpMethod.OPTIONS)).isEqualTo("reads");
    }

    @Test
    void ignoresForwardingHeadersNobodyTrustedSet() {
        assertThat(keyOf(MockServerHttpRequest.get("/")
                .remoteAddress(peer("203.0.113.9"))
                .header("X-Forwarded-For", "198.51.100.1")
                .header("Forwarded", "for=198.51.100.1")))
                .isEqualTo("reads:203.0.113.9");
    }

    @Test
    void behindATrustedProxyTheAddressItSawIsTheClient() {
        assertThat(keyOf(behindIngress, MockServerHttpRequest.get("/")
                .remoteAddress(peer("10.4.0.12"))
                .header("X-Forwarded-For", "198.51.100.1")))
                .isEqualTo("reads:198.51.100.1");
        // proxies in a chain: the right-most address that is not a trusted proxy
        assertThat(keyOf(behindIngress, MockServerHttpRequest.get("/")
                .remoteAddress(peer("10.4.0.12"))
                .header("X-Forwarded-For", "198.51.100.1, 192.0.2.7")))
                .isEqualTo("reads:198.51.100.1");
    }

    @Test
    void whatTheClientWroteLeftOfTheProxysEntryIsNotBelieved() {
        // the client sent "X-Forwarded-For: 203.0.113.50", the ingress appended what it saw
        assertThat(keyOf(behindIngress, MockServerHttpRequest.get("/")
                .remoteAddress(peer("10.4.0.12"))
                .header("X-Forwarded-For", "203.0.113.50, 198.51.100.1")))
                .isEqualTo("reads:198.51.100.1");
        // two headers read as one list
        assertThat(keyOf(behindIngress, MockServerHttpRequest.get("/")
                .remoteAddress(peer("10.4.0.12"))
                .header("X-Forwarded-For", "203.0.113.50")
                .header("X-Forwarded-For", "198.51.100.1")))
                .isEqualTo("reads:198.51.100.1");
    }

    @Test
    void anUntrustedPeersForwardedForIsIgnoredEvenWhenProxiesAreConfigured() {
        assertThat(keyOf(behindIngress, MockServerHttpRequest.get("/")
                .remoteAddress(peer("203.0.113.9"))
                .header("X-Forwarded-For", "198.51.100.1")))
                .isEqualTo("reads:203.0.113.9");
    }

    @Test
    void anEntryThatIsNoAddressEndsTheSearchAtTheProxy() {
        // never looked up in DNS, and nothing to its left is believed
        assertThat(keyOf(behindIngress, MockServerHttpRequest.get("/")
                .remoteAddress(peer("10.4.0.12"))
                .header("X-Forwarded-For", "198.51.100.1, evil.example")))
                .isEqualTo("reads:10.4.0.12");
        assertThat(keyOf(behindIngress, MockServerHttpRequest.get("/")
                .remoteAddress(peer("10.4.0.12"))
                .header("X-Forwarded-For", "999.1.1.1")))
                .isEqualTo("reads:10.4.0.12");
        // a trusted proxy that forwarded nothing is the client
        assertThat(keyOf(behindIngress, MockServerHttpRequest.get("/").remoteAddress(peer("10.4.0.12"))))
                .isEqualTo("reads:10.4.0.12");
        assertThat(keyOf(behindIngress, MockServerHttpRequest.get("/")
                .remoteAddress(peer("10.4.0.12"))
                .header("X-Forwarded-For", "[2001:db8:1:2::1]")))
                .isEqualTo("reads:2001:db8:1:2:0:0:0:0/64");
    }

    @Test
    void aVerifiedCallerDrawsFromTheirAccountsBucket() {
        // what the security chain leaves on the exchange after verifying a token
        Authentication verified = new TestingAuthenticationToken("3f1c0a2e-account", null, "ROLE_customer");
        verified.setAuthenticated(true);
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/carts")
                .remoteAddress(peer("203.0.113.9")));

        assertThat(key.resolve(exchange.mutate().principal(Mono.just(verified)).build()).block())
                .isEqualTo("writes:account:3f1c0a2e-account");
    }

    @Test
    void anUnverifiedTokenNeverNamesTheBucket() {
        // {"alg":"none"}.{"sub":"anyone","azp":"anyone"}: a claim anybody can write; the security
        // chain refuses it before the rate limiter, and the key ignores the header regardless
        assertThat(keyOf(MockServerHttpRequest.get("/api/carts/1")
                .remoteAddress(peer("203.0.113.9"))
                .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbnlvbmUiLCJhenAiOiJhbnlvbmUifQ.")))
                .isEqualTo("reads:203.0.113.9");
    }

    @Test
    void anIpv6ClientIsKeyedByItsSlash64() {
        String one = keyOf(MockServerHttpRequest.get("/").remoteAddress(peer("2001:db8:1:2:aaaa:bbbb:cccc:dddd")));
        String sameBlock = keyOf(MockServerHttpRequest.get("/").remoteAddress(peer("2001:db8:1:2::1")));
        String otherBlock = keyOf(MockServerHttpRequest.get("/").remoteAddress(peer("2001:db8:1:3::1")));

        assertThat(one).isEqualTo("reads:2001:db8:1:2:0:0:0:0/64").isEqualTo(sameBlock);
        assertThat(otherBlock).isNotEqualTo(one);
    }

    @Test
    void withoutAPeerThereIsNoKey() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));

        assertThat(key.resolve(exchange).blockOptional()).isEmpty();
    }

    private String keyOf(MockServerHttpRequest.BaseBuilder<?> request) {
        return keyOf(key, request);
    }

    private static String keyOf(RateLimitKey key, MockServerHttpRequest.BaseBuilder<?> request) {
        return key.resolve(MockServerWebExchange.from(request)).block();
    }

    private static InetSocketAddress peer(String address) {
        return new InetSocketAddress(address, 54321);
    }
}

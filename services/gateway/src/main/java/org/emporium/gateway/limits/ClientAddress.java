package org.emporium.gateway.limits;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.StringUtils;

/**
 * The address of the client a request comes from: the TCP peer, unless the peer is one of the proxies
 * configured as trusted ({@code emporium.gateway.trusted-proxies}, address blocks such as
 * {@code 10.0.0.0/8}), such as a Kubernetes ingress controller. Then it is the right-most
 * {@code X-Forwarded-For} entry that is not itself a trusted proxy: the address the outermost trusted
 * proxy saw. Entries to its left were written by the client and are never believed, so a client cannot
 * pick the address it is counted under.
 *
 * <p>With no trusted proxies (the default, and locally, where nothing stands in front of the gateway)
 * the header is ignored altogether.
 */
public final class ClientAddress {

    private final List<IpSubnetFilterRule> trusted;

    /** @param trustedProxies address blocks ({@code 10.0.0.0/8}) or single addresses, comma-separated; blank for none */
    public ClientAddress(String trustedProxies) {
        this.trusted = Arrays.stream(StringUtils.commaDelimitedListToStringArray(trustedProxies))
                .map(String::strip).filter(block -> !block.isEmpty()).map(ClientAddress::block).toList();
    }

    /** Netty's subnet rule for {@code 10.0.0.0/8}, or for a single address as a /32 or /128. */
    private static IpSubnetFilterRule block(String text) {
        String withPrefix = text.contains("/") ? text : text + (text.contains(":") ? "/128" : "/32");
        return new IpSubnetFilterRule(withPrefix, IpFilterRuleType.ACCEPT);
    }

    /** The client's address, or empty for a request with no network peer (an in-process call). */
    public Optional<InetAddress> of(ServerHttpRequest request) {
        InetSocketAddress peer = request.getRemoteAddress();
        if (peer == null || peer.getAddress() == null) {
            return Optional.empty();
        }
        InetAddress client = peer.getAddress();
        if (!isTrusted(client)) {
            return Optional.of(client);
        }
        List<String> forwarded = request.getHeaders().getOrEmpty("X-Forwarded-For");
        // the entries of all the headers, in order, as if they were one comma-separated list; read from the right
        String[] entries = StringUtils.commaDelimitedListToStringArray(String.join(",", forwarded));
        for (int i = entries.length - 1; i >= 0; i--) {
            Optional<InetAddress> entry = literal(entries[i].strip());
            if (entry.isEmpty()) {
                // not an address (a name, "unknown", garbage): whatever lies to its left is untrustworthy
                return Optional.of(client);
            }
            client = entry.get();
            if (!isTrusted(client)) {
                return Optional.of(client);
            }
        }
        return Optional.of(client);
    }

    private boolean isTrusted(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        return trusted.stream().anyMatch(block -> block.matches(socket));
    }

    /** An IPv4 or IPv6 literal, never a name (which would be looked up in DNS). */
    private static Optional<InetAddress> literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean ipv4 = bare.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                && Arrays.stream(bare.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        boolean ipv6 = bare.contains(":") && bare.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            // a malformed IPv6 literal (Java parses anything with a colon as one, without a lookup)
            return Optional.empty();
        }
    }
}

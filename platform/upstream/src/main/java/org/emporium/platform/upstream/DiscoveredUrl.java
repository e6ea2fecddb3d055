package org.emporium.platform.upstream;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.stork.Stork;
import io.smallrye.stork.api.Service;
import io.smallrye.stork.api.ServiceInstance;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL for a call a library makes with its own HTTP client (the OAuth token endpoint and the key
 * set, fetched by Nimbus, not by a REST client with Stork's filter): {@code http://…} is called as
 * it is; {@code stork://<service>/<path>} picks one of the service's instances for each call, the
 * same way the REST clients do ({@link RegistryDiscovery} configures the service, with its load
 * balancer), and a call that fails to connect is tried once more on another instance.
 */
public final class DiscoveredUrl {

    /** The call, made at the URL of the instance picked. */
    @FunctionalInterface
    public interface Call<T> {
        T at(URI url) throws IOException;
    }

    private static final Pattern STORK = Pattern.compile("stork://([a-z0-9][a-z0-9-]*)(/.*)?");
    /** How long a caller that may block waits for the registry's answer when the list is not cached. */
    private static final Duration LOOKUP = Duration.ofSeconds(2);
    /** One more attempt: a dead instance still listed is avoided after one failure (least response time). */
    private static final int ATTEMPTS = 2;

    private final String url;
    private final String service;
    private final String path;
    /** The instances last known: what a caller on an event loop (which must not wait) uses. */
    private volatile List<ServiceInstance> known = List.of();

    private DiscoveredUrl(String url, String service, String path) {
        this.url = url;
        this.service = service;
        this.path = path;
    }

    /** @throws IllegalArgumentException for a {@code stork:} URL that names no service */
    public static DiscoveredUrl of(String url) {
        if (!url.startsWith("stork:")) {
            return new DiscoveredUrl(url, null, null);
        }
        Matcher stork = STORK.matcher(url);
        if (!stork.matches()) {
            throw new IllegalArgumentException("a discovered URL must be stork://<service>/<path>; got " + url);
        }
        return new DiscoveredUrl(url, stork.group(1), stork.group(2) == null ? "" : stork.group(2));
    }

    /** The service this URL is found through, if any. */
    public java.util.Optional<String> service() {
        return java.util.Optional.ofNullable(service);
    }

    /**
     * The URL as a library that insists on one may hold it (for its messages; it is never called):
     * {@code stork://identity/oauth2/jwks} is {@code http://identity/oauth2/jwks}.
     */
    public URI nominal() {
        return URI.create(service == null ? url : "http://" + service + path);
    }

    public <T> T call(Call<T> call) throws IOException {
        if (service == null) {
            return call.at(URI.create(url));
        }
        IOException failure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ServiceInstance instance = pick();
            try {
                T result = call.at(URI.create((instance.isSecure() ? "https" : "http") + "://"
                        + instance.getHost() + ":" + instance.getPort() + path));
                instance.recordReply();
                instance.recordEnd(null);
                return result;
            } catch (IOException e) {
                instance.recordEnd(e);
                failure = e;
            }
        }
        throw failure;
    }

    private ServiceInstance pick() throws IOException {
        Service stork = Stork.getInstance().getService(service);
        List<ServiceInstance> instances;
        if (Infrastructure.canCallerThreadBeBlocked()) {
            try {
                instances = stork.getInstances().await().atMost(LOOKUP);
            } catch (RuntimeException e) {
                instances = known; // the registry did not answer: the last list is better than none
            }
        } else {
            instances = known;
            stork.getInstances().subscribe().with(list -> known = list, e -> { });
        }
        if (instances.isEmpty()) {
            throw new IOException("no instance of " + service + " is registered");
        }
        known = instances;
        return stork.selectInstanceAndRecordStart(instances, true);
    }

    @Override
    public String toString() {
        return url;
    }
}

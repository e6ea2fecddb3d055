package org.emporium.platform.upstream;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Says once, for every service this one calls, how Stork finds its instances: when
 * {@code EMPORIUM_REGISTRY_URL} names a Eureka registry (the launcher's {@code http://127.0.0.1:8761/eureka}),
 * each {@code EMPORIUM_<X>_URL=stork://<name>} (or {@code stork://<name>/<path>}, a {@link DiscoveredUrl}) gets the {@code quarkus.stork.<name>.service-discovery.*}
 * settings that point Stork's Eureka discovery at it. Without a registry URL (Kubernetes, the services'
 * own tests) it adds nothing, and the plain {@code http://} URLs are used as they are.
 *
 * <p>A {@link ConfigSourceFactory}, not a plain ConfigSource, because it reads its input through
 * the configuration built so far: environment variables in production, and equally a test's
 * overrides. Stork's settings are runtime configuration in Quarkus (read when Stork starts, keys
 * found by listing property names), so nothing needs to know the service names at build time.
 * Its ordinal (150) puts its values under a service's application.properties and the environment,
 * so any generated value can still be overridden by hand.
 *
 * <p>How fresh the instance list is: Stork's {@code CachingServiceDiscovery} memoizes the registry's
 * answer for at least {@value #REFRESH_PERIOD}; the first selection after that fetches again (lazily,
 * on a request, not in the background) and requests wait for that fetch. An instance deleted from
 * the registry therefore gets no new request later than about {@value #REFRESH_PERIOD} plus one
 * registry round trip after the deletion is visible in the registry's answer. If the registry cannot
 * be reached, Stork keeps the last list it had. The REST client selects an instance for every request
 * (Quarkus' {@code StorkClientRequestFilter}), so each retry of a GET selects again; with
 * {@link #LOAD_BALANCER} it moves away from an instance that just failed.
 */
public final class RegistryDiscovery implements ConfigSourceFactory {

    static final String REGISTRY_URL = "EMPORIUM_REGISTRY_URL";
    /** Short, so a removed instance stops getting requests within about two seconds of its death. */
    static final String REFRESH_PERIOD = "1S";
    static final int ORDINAL = 150;
    /**
     * Not Stork's default round-robin. Round-robin keeps sending every other attempt to an instance
     * that died and is still listed (up to ~2 s: the launcher's probe, then the refresh period), so
     * each GET costs a failed attempt and its retry: half the attempts fail, and the caller's breaker
     * (50 % of 20) opens against a service that has a healthy instance. Measured in RegistryDiscoveryIT
     * with one of two instances dead: round-robin served 9 GETs, then the breaker refused the next 51.
     * Least-response-time counts a failed call as a 60 s response, so after one failure the dead
     * instance is avoided (tried again only as that score fades: {@link #DECLINING_FACTOR}); healthy
     * instances share the calls by their response times. Measured the same way: all 60 GETs served.
     */
    static final String LOAD_BALANCER = "least-response-time";
    /**
     * How fast an instance's remembered response times fade with each call made elsewhere. Stork's
     * 0.9 remembers long: two equally fast instances split the calls as unevenly as 29/71 in
     * RegistryDiscoveryIT, on noise. At 0.5 an instance idle for one call is chosen unless it was
     * twice as slow, so equal instances alternate; a failed call (a 60 s response) fades below a
     * healthy millisecond answer after about 16 calls elsewhere, so a dead, still listed instance
     * gets about one attempt in 17 (each then retried elsewhere): far under the breakers' 50 %.
     */
    static final String DECLINING_FACTOR = "0.5";

    private static final Pattern CALLEE_URL = Pattern.compile("EMPORIUM_[A-Z0-9_]+_URL");
    private static final Pattern STORK_URL = Pattern.compile("stork://([a-z0-9][a-z0-9-]*)(/.*)?");
    // Stork appends "eureka/apps/<APP>" to its context path itself
    private static final String EUREKA_ROOT = "/eureka";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String registry = value(context, REGISTRY_URL);
        if (registry == null) {
            return List.of();
        }
        Set<String> services = new TreeSet<>();
        for (Iterator<String> names = context.iterateNames(); names.hasNext(); ) {
            String name = names.next();
            String url = CALLEE_URL.matcher(name).matches() ? value(context, name) : null;
            if (url != null && url.startsWith("stork:")) {
                services.add(serviceName(name, url));
            }
        }
        return List.of(new PropertiesConfigSource(properties(URI.create(registry), services),
                "emporium-registry-discovery", ORDINAL));
    }

    /** The Stork settings that find each of {@code services} in the Eureka registry at {@code registry}. */
    static Map<String, String> properties(URI registry, Set<String> services) {
        Map<String, String> eureka = eureka(registry);
        Map<String, String> properties = new TreeMap<>();
        for (String service : services) {
            String prefix = "quarkus.stork." + service + ".service-discovery.";
            properties.put(prefix + "type", "eureka");
            eureka.forEach((key, value) -> properties.put(prefix + key, value));
            // the launcher registers each service under its name upper-cased, as Eureka clients do
            properties.put(prefix + "application", service.toUpperCase(Locale.ROOT));
            properties.put(prefix + "refresh-period", REFRESH_PERIOD);
            properties.put("quarkus.stork." + service + ".load-balancer.type", LOAD_BALANCER);
            properties.put("quarkus.stork." + service + ".load-balancer.declining-factor", DECLINING_FACTOR);
        }
        return properties;
    }

    private static Map<String, String> eureka(URI registry) {
        String scheme = registry.getScheme();
        String path = registry.getPath() == null ? "" : registry.getPath().replaceAll("/+$", "");
        if (!("http".equals(scheme) || "https".equals(scheme)) || registry.getHost() == null
                || !path.endsWith(EUREKA_ROOT)) {
            throw new IllegalArgumentException(REGISTRY_URL + " must be the Eureka registry's REST root, like "
                    + "http://127.0.0.1:8761/eureka; got " + registry);
        }
        boolean tls = "https".equals(scheme);
        String contextPath = path.substring(0, path.length() - EUREKA_ROOT.length());
        return Map.of(
                "eureka-host", registry.getHost(),
                "eureka-port", String.valueOf(registry.getPort() > 0 ? registry.getPort() : tls ? 443 : 80),
                "eureka-context-path", contextPath.isEmpty() ? "/" : contextPath,
                "eureka-tls", String.valueOf(tls));
    }

    private static String serviceName(String variable, String url) {
        Matcher stork = STORK_URL.matcher(url);
        if (!stork.matches()) {
            throw new IllegalArgumentException(variable + " must be stork://<service>[/<path>] (a lower-case service name) "
                    + "to be found in the registry; got " + url);
        }
        return stork.group(1);
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue().trim();
    }
}

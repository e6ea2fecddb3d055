package org.emporium.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.emporium.launcher.LocalWiring;
import org.emporium.launcher.ServiceToken;
import org.emporium.launcher.Topology;
import org.emporium.launcher.Wiring;
import org.emporium.launcher.Workspace;

/**
 * A system the tests started with the launcher, reached the way its users reach it. The two ways
 * of starting it extend this: the end-to-end tests run {@code ./emporium up} as a user does; the
 * chaos tests start the launcher's components themselves so they can stop and kill them. Both take
 * every port from the launcher's service graph ({@link Topology}), shifted by
 * {@code EMPORIUM_PORT_OFFSET} (their poms set it, and the processes they start inherit it).
 */
public abstract class SystemHarness {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** The repository checkout: the build passes it, else the test module's grandparent. */
    public static final Path ROOT = Path.of(System.getProperty("emporium.root", "../..")).toAbsolutePath().normalize();

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String serviceToken;
    private long serviceTokenFetchedAt;

    /** Where a component listens: {@code http://127.0.0.1:<its port>} + path. */
    public static String url(String component, String path) {
        return "http://127.0.0.1:" + Topology.port(component) + path;
    }

    /** Any request to an absolute URL; {@code headers} as name, value, name, value…; JSON when there is a body. */
    public HttpResponse<String> send(String method, String url, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code Bearer} and an access token of the emporium-services client (role service, allowed
     * where admin is), fetched from the running identity with the secret the launcher generated;
     * renewed well before its 5 minutes run out.
     */
    public synchronized String serviceAuthorization(Workspace workspace) {
        if (serviceToken == null || System.nanoTime() - serviceTokenFetchedAt > Duration.ofMinutes(2).toNanos()) {
            Wiring wiring = new LocalWiring(workspace, Topology.GRAPH);
            try {
                serviceToken = ServiceToken.fetch(wiring.issuer(), "emporium-services", wiring.servicesClientSecret());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            serviceTokenFetchedAt = System.nanoTime();
        }
        return "Bearer " + serviceToken;
    }

    public static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Polls until the condition holds; fails with what it waited for once the deadline passes. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}

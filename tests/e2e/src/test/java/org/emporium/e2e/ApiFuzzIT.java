package org.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.emporium.launcher.Topology;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Issue 19's probes as a test: for each OpenAPI document in contracts/openapi, about
 * {@value #TRIES_PER_DOCUMENT} requests generated from its operations' schemas (good ones and the bad ones an attacker or a
 * fuzzer sends: {@link OpenApiRequests}), sent to the running service. Every answer must come
 * within {@link #DEADLINE}, never be a 5xx, be problem+json when it is a 4xx, and never show a
 * stack trace or an exception's name. Nine documents: 3,060 requests. The client offers each new
 * connection an upgrade to HTTP/2 (h2c), as Java's HttpClient does by default: the services once
 * answered some of those with a 500 (they speak HTTP/1.1 only now). {@code -Demporium.fuzz.survey=true}
 * lists every failing request instead of stopping at the first.
 */
class ApiFuzzIT {

    static final int TRIES_PER_DOCUMENT = 340;
    static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\bat (java|org|io|com|jakarta)\\.|java\\.lang\\.|org\\.postgresql|org\\.hibernate|stack ?trace",
            Pattern.CASE_INSENSITIVE);

    private static final RunningSystem system = new RunningSystem();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final AtomicInteger sent = new AtomicInteger();
    /**
     * {@code -Demporium.fuzz.survey=true}: every failing request is listed at the end instead of the
     * run stopping at the first (to see them all while fixing); the run still fails if any did.
     */
    private static final boolean SURVEY = Boolean.getBoolean("emporium.fuzz.survey");
    private static final java.util.List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static volatile String token;
    private static volatile Instant tokenFetched = Instant.MIN;

    @BeforeContainer
    static void startTheSystem() throws IOException {
        try (var files = java.nio.file.Files.list(system.root.resolve("contracts/openapi"))) {
            java.util.Set<String> documents = files.map(f -> f.getFileName().toString().replace(".yaml", ""))
                    .collect(java.util.stream.Collectors.toSet());
            if (!documents.equals(DOCUMENTS.keySet())) {
                throw new IllegalStateException("contracts/openapi has " + documents + ", ApiFuzzIT.DOCUMENTS names "
                        + DOCUMENTS.keySet() + ": say which service serves a new document");
            }
        }
        system.up();
    }

    @AfterContainer
    static void stopTheSystem() throws InterruptedException {
        System.out.println("[fuzz] " + sent.get() + " generated requests sent");
        if (system.isRunning()) {
            system.stop();
        }
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.out.println("[fuzz] FAILED " + f.replace("\n", " ")));
            throw new AssertionError(failures.size() + " requests answered badly (listed above)");
        }
    }

    /** A service token ({@code ./emporium token}), fetched again before its 5 minutes are up. */
    private static String serviceToken() {
        if (Duration.between(tokenFetched, Instant.now()).compareTo(Duration.ofMinutes(3)) > 0) {
            token = system.token().strip();
            tokenFetched = Instant.now();
        }
        return token;
    }

    private static Arbitrary<OpenApiRequests.Probe> probesOf(String document, String service) {
        return new OpenApiRequests(system.root.resolve("contracts/openapi/" + document + ".yaml"), service,
                ApiFuzzIT::serviceToken).probes();
    }

    /**
     * The answer must be well-formed. A 503 with Retry-After is a dependency that was slow (the
     * storefront's mobile API gives the catalog 400 ms): the probe is sent again, as a client would,
     * and a lasting 503 fails like any other 5xx.
     */
    static void answersWell(OpenApiRequests.Probe probe) {
        if (!SURVEY) {
            check(probe);
            return;
        }
        try {
            check(probe);
        } catch (AssertionError e) {
            failures.add(e.getMessage());
        }
    }

    private static void check(OpenApiRequests.Probe probe) {
        HttpResponse<String> response = send(probe);
        for (int retry = 0; retry < 3 && response.statusCode() == 503 && response.headers().firstValue("retry-after").isPresent();
             retry++) {
            pause(Duration.ofSeconds(1));
            response = send(probe);
        }
        int status = response.statusCode();
        String body = response.body();
        assertThat(status).as("status of %s, answered %s", probe, body).isLessThan(500);
        if (status >= 400) {
            assertThat(response.headers().firstValue("content-type").orElse(""))
                    .as("content type of the %d of %s (%s)", status, probe, body).startsWith("application/problem+json");
        }
        if (LEAK.matcher(body).find()) {
            fail("the answer (%d) to %s shows an implementation detail: %s", status, probe, body);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> send(OpenApiRequests.Probe probe) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(probe.url())).timeout(DEADLINE)
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(probe.body()));
        probe.headers().forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AssertionError("no answer within " + DEADLINE + ": " + probe, e);
        } catch (IOException e) {
            throw new AssertionError("the connection failed (" + e + "): " + probe, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        sent.incrementAndGet();
        return response;
    }

    /** The OpenAPI documents in contracts/openapi and the service that serves each. */
    static final Map<String, String> DOCUMENTS = Map.of("catalog", "catalog", "inventory", "inventory", "cart", "cart",
            "orders", "orders", "payments", "payments", "search", "search", "recommendations", "recommendations",
            "notifications", "notifications", "mobile", "storefront");

    /** Each request goes to one document's operations, drawn evenly; every document gets its share (checked). */
    @Property(tries = TRIES_PER_DOCUMENT * 9, shrinking = ShrinkingMode.OFF, generation = GenerationMode.RANDOMIZED,
            edgeCases = EdgeCasesMode.NONE)
    void everyOperationOfEveryDocumentAnswersBadInputWithAProblem(@ForAll("requests") OpenApiRequests.Probe probe) {
        Statistics.collect(probe.document());
        // checked once all tries are done: every document had its share, a third of the even split at least
        Statistics.coverage(coverage -> DOCUMENTS.keySet().forEach(document ->
                coverage.check(document).count(n -> n >= TRIES_PER_DOCUMENT / 3)));
        answersWell(probe);
    }

    /**
     * A request target that is no URI ({@code /%zz}, a bad escape in the query): java.net.http cannot
     * send one, so a socket does, to every service, identity and the gateway. Quarkus answered these
     * with an empty 400 before any of our code ran (see service-defaults' RequestLimits).
     */
    @Example
    void aTargetThatIsNoUriIsAProblemEverywhere() throws IOException {
        java.util.Set<String> processes = new java.util.TreeSet<>(DOCUMENTS.values());
        processes.addAll(java.util.List.of("identity", "gateway"));
        for (String process : processes) {
            for (String target : java.util.List.of("/%zz", "/api/x?q=%G1%", "/a%2")) {
                String answer = rawGet(Topology.port(process), target);
                String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase(java.util.Locale.ROOT);
                assertThat(answer).as("%s answering GET %s", process, target).startsWith("HTTP/1.1 400");
                assertThat(head).as("%s answering GET %s: %s", process, target, answer)
                        .contains("content-type: application/problem+json");
                assertThat(LEAK.matcher(answer).find()).as("%s answering GET %s: %s", process, target, answer).isFalse();
            }
        }
    }

    /** The whole answer to {@code GET target}, read until the server closes the connection (5 s at most). */
    private static String rawGet(int port, String target) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) DEADLINE.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Provide
    Arbitrary<OpenApiRequests.Probe> requests() {
        return Arbitraries.oneOf(DOCUMENTS.entrySet().stream()
                .map(document -> probesOf(document.getKey(), document.getValue())).toList());
    }
}

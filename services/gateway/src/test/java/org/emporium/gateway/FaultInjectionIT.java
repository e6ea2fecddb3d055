package org.emporium.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.emporium.platform.faults.Errors;
import org.emporium.platform.faults.Fault;
import org.emporium.platform.faults.FlagFile;
import org.emporium.platform.faults.Latency;
import org.emporium.platform.faults.Share;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * ./emporium chaos at the edge (ADR 0013): faults written into the flag file reach the running
 * gateway within a second, with no restart: errors as problem+json, a dropped connection, latency;
 * its management endpoints never meet them.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "EMPORIUM_GATEWAY_RATE_LIMIT_ENABLED=false", "management.tracing.sampling.probability=0.0"})
class FaultInjectionIT {

    private static final StubUpstream catalog = new StubUpstream("catalog");
    private static final Path FLAGS = flagFile();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Value("${local.server.port}")
    int port;

    @Value("${local.management.port}")
    int managementPort;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("EMPORIUM_CATALOG_URL", catalog::url);
        registry.add("EMPORIUM_FAULTS_FILE", FLAGS::toString);
    }

    private static Path flagFile() {
        try {
            Path file = Files.createTempDirectory("gateway-faults").resolve("flags.json");
            FlagFile.empty().write(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        catalog.close();
    }

    @AfterEach
    void clear() {
        FlagFile.empty().write(FLAGS);
        eventually(() -> status("/api/catalog/products") == 200);
    }

    @Test
    void injectedErrorsAreProblemsAndManagementTellsTheTruth() throws Exception {
        inject(Fault.ERRORS, Fault.value(new Errors(503, new Share(100, "/api/catalog", 0))));
        eventually(() -> status("/api/catalog/products") == 503);

        HttpResponse<String> refused = get(port, "/api/catalog/products");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(refused.body()).contains("./emporium chaos");
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void aDroppedConnectionGetsNoAnswer() {
        inject(Fault.ERRORS, Fault.value(new Errors(Errors.DROP, new Share(100, "/api/catalog", 0))));
        eventually(() -> status("/api/catalog/products") == -1);
    }

    @Test
    void latencyDelaysTheRequestsItMeetsOnly() {
        inject(Fault.LATENCY, Fault.value(new Latency(500, 500, new Share(100, "/api/catalog/products", 0))));
        eventually(() -> timed("/api/catalog/products") >= 500);
        assertThat(timed("/api/catalog/categories")).as("a path the fault does not meet").isLessThan(500);
    }

    private static void inject(Fault kind, java.util.Map<String, Object> value) {
        FlagFile.read(FLAGS).with("gateway", kind, value).write(FLAGS);
    }

    private HttpResponse<String> get(int to, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to + path)).timeout(Duration.ofSeconds(5))
                .GET().build(), BodyHandlers.ofString());
    }

    /** The status of a GET through the gateway; -1 when the connection was closed unanswered. */
    private int status(String path) {
        try {
            return get(port, path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -2;
        }
    }

    private long timed(String path) {
        long start = System.nanoTime();
        status(path);
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static void eventually(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }
}

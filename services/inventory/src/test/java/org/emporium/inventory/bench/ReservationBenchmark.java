package org.emporium.inventory.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.emporium.platform.testing.EmbeddedKafka;
import org.emporium.platform.testing.TestIdentity;

/**
 * Reservations per second through the REST API, for one hot SKU (every request locks the same
 * stock row) and for spread SKUs (1,000 rows), at 8 and 32 client threads. Not a test: it
 * reports numbers. Starts a real PostgreSQL and Kafka and the packaged service
 * (target/quarkus-app, heap 128 MB) as its own process. Run with {@code ./bench.sh}.
 *
 * <p>Setting stock needs an admin bearer token: by default a stand-in identity provider
 * ({@link TestIdentity}: a JWKS over HTTP) issues it and the service trusts that provider. With
 * {@code EMPORIUM_TOKEN} set, that token is sent instead, and the service trusts
 * {@code EMPORIUM_AUTH_ISSUER} (default: the identity service, http://localhost:8110).
 */
public final class ReservationBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 5));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
    private static final int SPREAD_SKUS = 1_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    private ReservationBenchmark(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        Path app = Path.of(args.length > 0 ? args[0] : "target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        String token = System.getenv("EMPORIUM_TOKEN");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start(); EmbeddedKafka kafka = EmbeddedKafka.start();
             TestIdentity identity = token == null || token.isBlank() ? TestIdentity.start() : null) {
            String issuer = identity != null ? identity.issuer()
                    : System.getenv().getOrDefault("EMPORIUM_AUTH_ISSUER", "http://localhost:8110");
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE inventory LOGIN PASSWORD 'inventory'");
                s.execute("CREATE DATABASE inventory OWNER inventory");
                // like the launcher's Postgres: durable commits, so the numbers are honest
                s.execute("ALTER SYSTEM SET synchronous_commit = on");
                s.execute("ALTER SYSTEM SET fsync = on");
                s.execute("SELECT pg_reload_conf()");
            }
            int port = 18105;
            Path log = Files.createTempFile("inventory-bench", ".log");
            ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx128m", "-jar", app.getFileName().toString())
                    .directory(app.getParent().toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(java.util.Map.of(
                    "EMPORIUM_INVENTORY_PORT", String.valueOf(port),
                    "EMPORIUM_INVENTORY_DB_URL", postgres.getJdbcUrl("inventory", "inventory"),
                    "EMPORIUM_AUTH_ISSUER", issuer,
                    "EMPORIUM_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "EMPORIUM_ZIPKIN_ENDPOINT", "",
                    "EMPORIUM_LOG_JSON", "false"));
            Process service = pb.start();
            try {
                ReservationBenchmark bench = new ReservationBenchmark("http://127.0.0.1:" + port,
                        identity != null ? identity.admin() : token);
                bench.awaitReady(service, log);
                bench.setStock("HOT-1", 1_000_000);
                List<String> spread = new ArrayList<>();
                for (int i = 0; i < SPREAD_SKUS; i++) {
                    spread.add("SPREAD-" + i);
                    bench.setStock("SPREAD-" + i, 1_000_000);
                }
                System.out.printf("%-22s %8s %12s %10s %10s%n", "scenario", "threads", "reserved/s", "p50 ms", "p99 ms");
                for (int threads : new int[] {8, 32}) {
                    bench.run("hot SKU", threads, () -> "HOT-1");
                    bench.run("spread SKUs (1,000)", threads, () -> spread.get(ThreadLocalRandom.current().nextInt(SPREAD_SKUS)));
                }
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    private void run(String name, int threads, java.util.function.Supplier<String> sku) throws InterruptedException {
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        List<long[]> latencies = new ArrayList<>();
        long warmEnd = System.nanoTime() + WARM_UP.toNanos();
        long end = warmEnd + MEASURE.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long[] samples = new long[200_000];
            latencies.add(samples);
            int[] count = {0};
            workers.add(Thread.ofPlatform().start(() -> {
                while (true) {
                    long start = System.nanoTime();
                    if (start > end) {
                        break;
                    }
                    int status = reserve(sku.get());
                    long now = System.nanoTime();
                    if (start >= warmEnd) {
                        if (status == 201) {
                            ok.increment();
                            if (count[0] < samples.length - 1) {
                                samples[++count[0]] = now - start;
                            }
                        } else {
                            failed.increment();
                        }
                    }
                }
                samples[0] = count[0];
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        List<Long> all = new ArrayList<>();
        for (long[] s : latencies) {
            for (int i = 1; i <= s[0]; i++) {
                all.add(s[i]);
            }
        }
        all.sort(null);
        double p50 = all.isEmpty() ? 0 : all.get(all.size() / 2) / 1e6;
        double p99 = all.isEmpty() ? 0 : all.get((int) (all.size() * 0.99)) / 1e6;
        System.out.printf("%-22s %8d %12.0f %10.1f %10.1f%s%n", name, threads, ok.sum() / (double) MEASURE.toSeconds(),
                p50, p99, failed.sum() > 0 ? "  (" + failed.sum() + " failed)" : "");
    }

    private int reserve(String sku) {
        String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}";
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/api/inventory/reservations"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private void setStock(String sku, int onHand) throws Exception {
        int status = http.send(HttpRequest.newBuilder(URI.create(base + "/api/inventory/" + sku))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"onHand\":" + onHand + "}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IllegalStateException("setting stock of " + sku + " answered " + status);
        }
    }

    private void awaitReady(Process service, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("inventory exited:\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("inventory not ready within 60 s:\n" + Files.readString(log));
    }
}

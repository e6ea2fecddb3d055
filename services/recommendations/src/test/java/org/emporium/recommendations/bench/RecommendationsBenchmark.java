package org.emporium.recommendations.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.emporium.platform.testing.EmbeddedKafka;

/**
 * Benchmark, not a test. (a) Starts a Kafka broker and publishes 100,000 ProductUpserted and
 * 1,000,000 behaviour events (views, cart adds, placed and confirmed orders) from a simulator of
 * 100,000 shoppers with Zipf-distributed tastes, over 60 simulated days (record timestamps = event
 * times, as when producers publish as things happen). (b) Starts the built service as a process, as the
 * launcher does ({@code -Xmx128m -XX:+UseSerialGC} by default), and measures the catch-up rate,
 * the heap used after a full GC and the process RSS. (c) Runs HTTP load on both endpoints at 8 and
 * 32 concurrent clients and prints requests/s, p50 and p99 ({@code -Dbench.seconds=0}: none). (d) Stops
 * the service (it has written a snapshot of its model after catching up, and writes one at stop),
 * starts it again on the same data directory and measures that start the same way. See bench.sh.
 */
public final class RecommendationsBenchmark {

    private static final int PRODUCTS = Integer.getInteger("bench.products", 100_000);
    private static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    private static final int SHOPPERS = Integer.getInteger("bench.shoppers", 100_000);
    private static final int CATEGORIES = 100;
    private static final String HEAP = System.getProperty("bench.xmx", "128m");
    private static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
    private static final Instant START = Instant.parse("2026-09-01T00:00:00Z");
    private static final Pattern CAUGHT_UP = Pattern.compile("caught up in ([0-9.]+) s \\(([0-9,]+) events/s\\): (.*); ready");
    private static final Pattern SNAPSHOT = Pattern.compile("(wrote|loaded) the model snapshot .*");

    private final SplittableRandom random = new SplittableRandom(42);
    private final double[] zipf = cumulativeZipf(PRODUCTS / CATEGORIES);

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "services/recommendations/target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the service first: " + jar.toAbsolutePath());
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            new RecommendationsBenchmark().run(kafka, jar);
        }
    }

    private void run(EmbeddedKafka kafka, Path jar) throws Exception {
        for (String topic : List.of("catalog.product.v1", "inventory.stock.v1", "cart.cart.v1", "orders.order.v1",
                "storefront.behaviour.v1")) {
            kafka.createTopic(topic, 3, Map.of());
        }
        long start = System.nanoTime();
        long published = publish(kafka.bootstrapServers());
        System.out.printf("published %,d events (%,d products + %,d behaviour) in %.1f s%n", published, PRODUCTS,
                published - PRODUCTS, (System.nanoTime() - start) / 1e9);

        Path data = Files.createTempDirectory("recommendations-bench-data");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        // this measures replaying the events above; SeedBenchmark measures the seeded history
        try (Service first = Service.start(kafka, jar, data, http, "first start, every event replayed")) {
            awaitSnapshot(data, first.process());
            if (!LOAD.isZero()) {
                System.out.println("HTTP load (java.net.http, one connection per client), half products/{sku}, half shoppers/{id}:");
                load(http, first.base(), 4, Duration.ofSeconds(5), false); // warm-up
                load(http, first.base(), 8, LOAD, true);
                load(http, first.base(), 32, LOAD, true);
                memory(first.process(), "after load");
            }
        }
        try (Service restart = Service.start(kafka, jar, data, http, "restart, from the snapshot")) {
            System.out.println("snapshots: " + String.join("; ", SNAPSHOT.matcher(Files.readString(restart.log())).results()
                    .map(MatchResult::group).toList()));
        }
    }

    /** The built service as a process with the launcher's flags, ready; stopped (gracefully) on close. */
    private record Service(Process process, String base, Path log) implements AutoCloseable {

        static Service start(EmbeddedKafka kafka, Path jar, Path data, HttpClient http, String what) throws Exception {
            int port = freePort();
            Path log = Files.createTempFile("recommendations-bench", ".log");
            long launched = System.nanoTime();
            Process process = launch(jar, List.of("-Xms32m", "-Xmx" + HEAP, "-XX:+UseSerialGC", "-Xss512k",
                    "-XX:+ExitOnOutOfMemoryError"), Map.of("EMPORIUM_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "EMPORIUM_RECOMMENDATIONS_PORT", Integer.toString(port), "EMPORIUM_RECOMMENDATIONS_SEED_HISTORY", "false",
                    "EMPORIUM_RECOMMENDATIONS_DATA_DIR", data.toString()), log);
            Service service = new Service(process, "http://127.0.0.1:" + port, log);
            awaitReady(http, service.base(), process, log);
            double ready = (System.nanoTime() - launched) / 1e9;
            Matcher m = CAUGHT_UP.matcher(Files.readString(log));
            if (m.find()) {
                System.out.printf("%s: catch-up %s s, %s events/s (consumer thread: poll + JSON parse + model); ready %.1f s "
                        + "after the JVM was launched%n  model: %s%n", what, m.group(1), m.group(2), ready, m.group(3));
            }
            memory(process, "after catch-up");
            return service;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy(); // SIGTERM: a graceful stop, which writes a snapshot
            process.waitFor();
            System.out.println("service log: " + log);
        }
    }

    /** Waits for the snapshot written after catching up. */
    private static void awaitSnapshot(Path data, Process service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline && service.isAlive()) {
            try (var files = Files.list(data)) {
                if (files.anyMatch(f -> f.getFileName().toString().endsWith(".snapshot"))) {
                    return;
                }
            }
            Thread.sleep(200); // polling interval
        }
        throw new IllegalStateException("no snapshot in " + data);
    }

    // --- (a) the simulator --------------------------------------------------------------------

    private long publish(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        long count = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < PRODUCTS; i++) {
                String id = UUID.nameUUIDFromBytes(sku(i).getBytes(StandardCharsets.UTF_8)).toString();
                producer.send(new ProducerRecord<>("catalog.product.v1", null, START.toEpochMilli(), id, product(id, i)));
                count++;
            }
            String[] carts = new String[SHOPPERS];
            long time = START.toEpochMilli();
            long step = Duration.ofDays(60).toMillis() / EVENTS;
            int behaviour = 0;
            while (behaviour < EVENTS) {
                int shopper = random.nextInt(SHOPPERS);
                String shopperId = String.format("shopper-%06d", shopper);
                if (carts[shopper] == null) {
                    carts[shopper] = UUID.randomUUID().toString();
                }
                String cart = carts[shopper];
                int taste = (int) ((shopper * 2654435761L) % CATEGORIES); // each shopper's latent category
                int views = 2 + random.nextInt(6);
                List<Integer> viewed = new ArrayList<>();
                for (int v = 0; v < views; v++) {
                    int category = random.nextDouble() < 0.8 ? taste : random.nextInt(CATEGORIES);
                    int item = rank() * CATEGORIES + category;
                    viewed.add(item);
                    time += step;
                    producer.send(new ProducerRecord<>("storefront.behaviour.v1", null, time, shopperId, view(shopperId, cart, item, time)));
                    behaviour++;
                }
                if (random.nextDouble() < 0.3) {
                    int item = viewed.get(random.nextInt(viewed.size()));
                    time += step;
                    producer.send(new ProducerRecord<>("cart.cart.v1", null, time, cart, added(cart, item, time)));
                    behaviour++;
                    if (random.nextDouble() < 0.5) {
                        int[] lines = random.nextBoolean() ? new int[] {item} : new int[] {item, (item + CATEGORIES) % PRODUCTS};
                        String order = UUID.randomUUID().toString();
                        time += step;
                        producer.send(new ProducerRecord<>("orders.order.v1", null, time, order, order("OrderPlaced", order, cart, lines, time)));
                        producer.send(new ProducerRecord<>("orders.order.v1", null, time, order, order("OrderConfirmed", order, cart, lines, time)));
                        behaviour += 2;
                        carts[shopper] = null;
                    }
                }
            }
            count += behaviour;
        }
        return count;
    }

    private int rank() {
        int at = Arrays.binarySearch(zipf, random.nextDouble());
        return Math.min(zipf.length - 1, at < 0 ? -at - 1 : at);
    }

    private static double[] cumulativeZipf(int n) {
        double[] cumulative = new double[n];
        double total = 0;
        for (int r = 0; r < n; r++) {
            total += 1.0 / (r + 1);
            cumulative[r] = total;
        }
        for (int r = 0; r < n; r++) {
            cumulative[r] /= total;
        }
        return cumulative;
    }

    private static String sku(int item) {
        return String.format("BN-%06d", item);
    }

    private static String envelope(String service, String type, String subject, String time, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/emporium/" + service
                + "\",\"type\":\"emporium." + service + "." + type + "\",\"subject\":\"" + subject + "\",\"time\":\""
                + time + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
    }

    private static byte[] product(String id, int item) {
        String now = START.toString();
        String data = "{\"id\":\"" + id + "\",\"sku\":\"" + sku(item) + "\",\"name\":\"Benchmark product " + item
                + "\",\"description\":\"A product of the benchmark catalog.\",\"brand\":\"Brand " + (item / CATEGORIES % 50)
                + "\",\"category\":\"category-" + (item % CATEGORIES) + "\",\"price\":{\"amount\":\"" + (5 + item % 200)
                + ".99\",\"currency\":\"EUR\"},\"imageUrl\":\"/images/" + sku(item) + ".jpg\",\"attributes\":{},"
                + "\"createdAt\":\"" + now + "\",\"updatedAt\":\"" + now + "\",\"version\":1}";
        return envelope("catalog", "ProductUpserted", id, now, data).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] view(String shopper, String cart, int item, long time) {
        String at = Instant.ofEpochMilli(time).toString();
        String data = "{\"shopperId\":\"" + shopper + "\",\"cartId\":\"" + cart + "\",\"sku\":\"" + sku(item)
                + "\",\"channel\":\"web\",\"viewedAt\":\"" + at + "\"}";
        return envelope("storefront", "ProductViewed", shopper, at, data).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] added(String cart, int item, long time) {
        String data = "{\"cartId\":\"" + cart + "\",\"sku\":\"" + sku(item) + "\",\"quantity\":1,\"lineQuantity\":1,\"version\":1}";
        return envelope("cart", "ItemAddedToCart", cart, Instant.ofEpochMilli(time).toString(), data)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] order(String type, String order, String cart, int[] items, long time) {
        String at = Instant.ofEpochMilli(time).toString();
        StringBuilder lines = new StringBuilder();
        for (int item : items) {
            lines.append(lines.isEmpty() ? "" : ",").append("{\"sku\":\"").append(sku(item))
                    .append("\",\"name\":\"Benchmark product\",\"quantity\":1,\"unitPrice\":{\"amount\":\"9.99\",\"currency\":\"EUR\"},"
                            + "\"lineTotal\":{\"amount\":\"9.99\",\"currency\":\"EUR\"}}");
        }
        String common = "\"orderId\":\"" + order + "\",\"email\":\"shopper@example.com\",\"lines\":[" + lines
                + "],\"total\":{\"amount\":\"9.99\",\"currency\":\"EUR\"},\"shippingAddress\":{\"name\":\"A Shopper\","
                + "\"line1\":\"1 Main Street\",\"city\":\"Lyon\",\"postalCode\":\"69001\",\"country\":\"FR\"}";
        String data = type.equals("OrderPlaced")
                ? "{" + common + ",\"cartId\":\"" + cart + "\",\"placedAt\":\"" + at + "\"}"
                : "{" + common + ",\"last4\":\"4242\",\"confirmedAt\":\"" + at + "\"}";
        return envelope("orders", type, order, at, data).getBytes(StandardCharsets.UTF_8);
    }

    // --- (b) the service process ----------------------------------------------------------------

    /** Starts the built service as a process with these JVM flags and settings (tracing off), its output to {@code log}. */
    static Process launch(Path jar, List<String> jvmFlags, Map<String, String> environment, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.getFileName().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(jar.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("EMPORIUM_ZIPKIN_ENDPOINT", "");
        // a data directory of its own unless told: a start replays everything, as the benchmarks measure
        builder.environment().put("EMPORIUM_RECOMMENDATIONS_DATA_DIR",
                Files.createTempDirectory("recommendations-data").toString());
        builder.environment().put("QUARKUS_OTEL_SDK_DISABLED", "true");
        builder.environment().putAll(environment);
        return builder.start();
    }

    static void awaitReady(HttpClient http, String base, Process service, Path log) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited (" + service.exitValue() + "); see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200); // polling interval
        }
        throw new IllegalStateException("not ready within 10 minutes; see " + log);
    }

    private static void memory(Process service, String when) throws Exception {
        String histogram = histogram(service);
        System.out.printf("memory %s: %s (-Xmx%s)%n", when, heapAndRss(service, histogram), HEAP);
        if (Boolean.getBoolean("bench.histogram")) {
            histogram.lines().limit(18).forEach(l -> System.out.println("    " + l));
        }
    }

    /** The class histogram of live objects; taking it forces a full GC first. */
    static String histogram(Process service) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return run(jcmd.toString(), Long.toString(service.pid()), "GC.class_histogram");
    }

    /** The live heap after a full GC (the histogram's total) and the process RSS. */
    static String heapAndRss(Process service, String histogram) throws IOException {
        Matcher m = Pattern.compile("Total\\s+\\d+\\s+(\\d+)").matcher(histogram);
        long used = m.find() ? Long.parseLong(m.group(1)) : -1;
        String rss = Files.readAllLines(Path.of("/proc", Long.toString(service.pid()), "status")).stream()
                .filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
        return String.format("live heap after full GC %.1f MB; process %s", used / 1e6, rss);
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    // --- (c) HTTP load ----------------------------------------------------------------------

    private void load(HttpClient unused, String base, int clients, Duration duration, boolean print) throws Exception {
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            SplittableRandom r = random.split();
            threads[c] = Thread.ofPlatform().start(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] mine = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    String path = r.nextBoolean()
                            ? "/api/recommendations/products/" + sku(rankOf(r) * CATEGORIES + r.nextInt(CATEGORIES))
                            : "/api/recommendations/shoppers/" + String.format("shopper-%06d", r.nextInt(SHOPPERS));
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).build();
                    long t = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - t;
                }
                latencies[client] = mine;
                counts[client] = n;
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!print) {
            return;
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        System.out.printf("  %2d clients: %,7.0f req/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms (%,d requests, %d errors)%n",
                clients, total / (duration.toNanos() / 1e9), all[total / 2] / 1e6, all[(int) (total * 0.99)] / 1e6,
                all[total - 1] / 1e6, total, errors.get());
    }

    private int rankOf(SplittableRandom r) {
        int at = Arrays.binarySearch(zipf, r.nextDouble());
        return Math.min(zipf.length - 1, at < 0 ? -at - 1 : at);
    }

    static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

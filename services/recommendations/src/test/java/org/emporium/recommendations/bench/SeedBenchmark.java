package org.emporium.recommendations.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.emporium.launcher.Budget;
import org.emporium.platform.testing.EmbeddedKafka;
import org.emporium.recommendations.ContractEvents;
import org.emporium.recommendations.domain.Product;
import org.emporium.recommendations.domain.TestCatalog;

/**
 * Benchmark, not a test: what the seeded history costs a fresh install. Publishes a catalog shaped
 * like the seeded one (2,410 products, {@link TestCatalog}), then runs the built service as a
 * process with the launcher's flags (SerialGC, {@code -Xmx256m -Xms16m -XX:-ShrinkHeapInSteps}...), three times: (1) a fresh
 * install that publishes and learns the seed, (2) a restart that replays it, (3) a start with the
 * seeded history off, for comparison. Prints the times the service logs and the live heap after a
 * full GC. {@code BENCH_CLASS=org.emporium.recommendations.bench.SeedBenchmark services/recommendations/bench.sh}
 */
public final class SeedBenchmark {

    private static final int HEAP_MB = Integer.getInteger("bench.heap", 256);
    private static final Pattern CAUGHT_UP = Pattern.compile("caught up in ([0-9.]+) s \\(([0-9,]+) events/s\\): (.*); ready");
    private static final Pattern PUBLISHED = Pattern.compile("published the seeded history .*");
    private static final Pattern LEARNED = Pattern.compile("the model has learned the seeded history ([0-9.]+) s .*");

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "services/recommendations/target/quarkus-app/quarkus-run.jar"));
        if (System.getProperty("emporium.contracts.dir") == null) {
            System.setProperty("emporium.contracts.dir", "contracts"); // bench.sh runs from the repository's root
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopic("catalog.product.v1", 3, Map.of("cleanup.policy", "compact"));
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
                for (Product product : TestCatalog.products()) {
                    producer.send(new ProducerRecord<>("catalog.product.v1", ContractEvents.productId(product.sku()),
                            ContractEvents.productUpserted(product, 1)));
                }
            }
            run(kafka, jar, "fresh install, seeded history on", true, LEARNED);
            run(kafka, jar, "restart, the seed replayed", true, null);
            run(kafka, jar, "seeded history off (catalog only)", false, null);
        }
    }

    private static void run(EmbeddedKafka kafka, Path jar, String what, boolean seed, Pattern awaited) throws Exception {
        int port = RecommendationsBenchmark.freePort();
        Path log = Files.createTempFile("recommendations-seed-bench", ".log");
        // the launcher's flags (Processes, Budget): the heap starts at 16 MB and shrinks at once after a full GC
        List<String> flags = new ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
        flags.addAll(Budget.heap(HEAP_MB).jvmFlags());
        flags.addAll(List.of(System.getProperty("bench.jvm", "").split(" ")).stream().filter(o -> !o.isBlank()).toList());
        long launched = System.nanoTime();
        Process service = RecommendationsBenchmark.launch(jar, flags, Map.of(
                "EMPORIUM_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "EMPORIUM_RECOMMENDATIONS_PORT", Integer.toString(port),
                "EMPORIUM_RECOMMENDATIONS_SEED_HISTORY", Boolean.toString(seed),
                "EMPORIUM_RECOMMENDATIONS_SEED_CATALOG_QUIET", "PT2S"), log);
        try {
            RecommendationsBenchmark.awaitReady(HttpClient.newHttpClient(), "http://127.0.0.1:" + port, service, log);
            double ready = (System.nanoTime() - launched) / 1e9;
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (awaited != null && !awaited.matcher(Files.readString(log)).find() && System.nanoTime() < deadline) {
                Thread.sleep(200); // polling the log
            }
            String text = Files.readString(log);
            System.out.printf("%s: ready %.1f s after launch%n", what, ready);
            for (Pattern pattern : new Pattern[] {CAUGHT_UP, PUBLISHED, LEARNED}) {
                Matcher m = pattern.matcher(text);
                if (m.find()) {
                    System.out.println("  " + m.group());
                }
            }
            String histogram = RecommendationsBenchmark.histogram(service);
            System.out.println("  " + RecommendationsBenchmark.heapAndRss(service, histogram) + " (-Xmx" + HEAP_MB + "m)");
            if (Boolean.getBoolean("bench.heapinfo")) {
                Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
                Process info = new ProcessBuilder(jcmd.toString(), Long.toString(service.pid()), "GC.heap_info")
                        .redirectErrorStream(true).start();
                new String(info.getInputStream().readAllBytes()).lines().forEach(l -> System.out.println("    " + l));
                info.waitFor();
            }
        } finally {
            service.destroy();
            service.waitFor();
        }
    }
}

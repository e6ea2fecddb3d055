package org.emporium.search.bench;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Loads a running system's search with the benchmark's generated catalog (the same products as
 * {@link SearchBenchmark}) by publishing ProductUpserted events straight to catalog.product.v1,
 * so search can be measured through the gateway at 100,000 products. For a throwaway system
 * only: these products exist in search, not in catalog.
 * <pre>java -cp … org.emporium.search.bench.PublishCatalogEvents 127.0.0.1:19092 100000</pre>
 */
public final class PublishCatalogEvents {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    public static void main(String[] args) throws Exception {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:19092";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
            for (int from = 0; from < count; from += 10_000) {
                List<byte[]> events = SearchBenchmark.generate(from, Math.min(count, from + 10_000));
                for (byte[] event : events) {
                    String id = JSON.readTree(event).path("subject").asText(); // the product id: the key
                    producer.send(new ProducerRecord<>("catalog.product.v1", id, event));
                }
                System.out.printf("published %,d%n", Math.min(count, from + 10_000));
            }
        }
        System.out.printf("published %,d events in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
    }
}

package org.emporium.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Inventory and payments as the saga meets them, on a real Kafka: reads their command topics and
 * answers with their events (CloudEvents, as they publish them). Scripted by SKU and card token:
 * SKU {@code SCARCE-…} is always short, {@code SILENT-…} is never answered; tokens
 * {@code tok_decline…} and {@code tok_fail…} are declined and fail. Keeps every command per order.
 */
final class ScriptedParticipants implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, List<String>> commands = new ConcurrentHashMap<>();
    private final Set<String> authorized = ConcurrentHashMap.newKeySet();
    private final Map<String, JsonNode> reservations = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final Thread thread;
    private volatile boolean stopping;

    ScriptedParticipants(String bootstrapServers) {
        createTopics(bootstrapServers);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "scripted-participants");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        consumer.subscribe(List.of("inventory.commands.v1", "payments.commands.v1"));
        thread = Thread.ofPlatform().name("scripted-participants").start(this::run);
    }

    /** The command types order {@code id} was sent, in order, without the "emporium.x." prefix. */
    List<String> commandsOf(UUID orderId) {
        return List.copyOf(commands.getOrDefault(orderId.toString(), List.of()));
    }

    /** The data of the last ReserveStock order {@code id} was sent, or null. */
    JsonNode reservationOf(UUID orderId) {
        return reservations.get(orderId.toString());
    }

    /** Distinct payments authorized: a repeated AuthorizePayment for one payment is one authorization. */
    Set<String> authorizations() {
        return Set.copyOf(authorized);
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        consumer.wakeup();
        thread.join();
        producer.close();
    }

    private void run() {
        try {
            while (!stopping) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    answer(JSON.readTree(record.value()));
                }
            }
        } catch (WakeupException e) {
            // closed
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            consumer.close();
        }
    }

    private void answer(JsonNode command) {
        String type = command.path("type").asText();
        String shortType = type.substring(type.lastIndexOf('.') + 1);
        JsonNode data = command.path("data");
        String id = data.has("reservationId") ? data.get("reservationId").asText() : data.path("paymentId").asText();
        commands.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(shortType);
        switch (shortType) {
            case "ReserveStock" -> {
                reservations.put(id, data);
                String sku = data.path("lines").path(0).path("sku").asText();
                if (sku.startsWith("SILENT-")) {
                    return;
                }
                if (sku.startsWith("SCARCE-")) {
                    reply("inventory.stock.v1", id, "emporium.inventory.StockReservationRejected", """
                            {"reservationId":"%s","lines":[{"sku":"%s","quantity":1}],\
                            "shortages":[{"sku":"%s","requested":1,"available":0,"reason":"INSUFFICIENT_STOCK"}]}"""
                            .formatted(id, sku, sku));
                } else {
                    reply("inventory.stock.v1", id, "emporium.inventory.StockReserved",
                            "{\"reservationId\":\"" + id + "\"}");
                }
            }
            case "CommitReservation" -> reply("inventory.stock.v1", id, "emporium.inventory.StockCommitted",
                    "{\"reservationId\":\"" + id + "\"}");
            case "ReleaseReservation" -> reply("inventory.stock.v1", id, "emporium.inventory.StockReleased",
                    "{\"reservationId\":\"" + id + "\",\"reason\":\"RELEASED\"}");
            case "AuthorizePayment" -> {
                String token = data.path("card").path("token").asText();
                if (token.startsWith("tok_decline")) {
                    reply("payments.payment.v1", id, "emporium.payments.PaymentDeclined",
                            "{\"paymentId\":\"" + id + "\",\"code\":\"card_declined\",\"reason\":\"the card was declined\"}");
                } else if (token.startsWith("tok_fail")) {
                    reply("payments.payment.v1", id, "emporium.payments.PaymentFailed",
                            "{\"paymentId\":\"" + id + "\",\"code\":\"processing_error\",\"reason\":\"processing error\"}");
                } else {
                    authorized.add(id);
                    reply("payments.payment.v1", id, "emporium.payments.PaymentAuthorized",
                            "{\"paymentId\":\"" + id + "\"}");
                }
            }
            case "CapturePayment" -> reply("payments.payment.v1", id, "emporium.payments.PaymentCaptured",
                    "{\"paymentId\":\"" + id + "\"}");
            case "VoidPayment" -> reply("payments.payment.v1", id, "emporium.payments.PaymentVoided",
                    "{\"paymentId\":\"" + id + "\"}");
            default -> throw new IllegalStateException("unexpected command " + type);
        }
    }

    private void reply(String topic, String key, String type, String data) {
        String event = """
                {"specversion":"1.0","id":"%s","source":"/scripted","type":"%s","subject":"%s","time":"%s",\
                "datacontenttype":"application/json","data":%s}"""
                .formatted(UUID.randomUUID(), type, key, Instant.now(), data);
        producer.send(new ProducerRecord<>(topic, key, event));
    }

    private static void createTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String topic : List.of("inventory.commands.v1", "payments.commands.v1", "inventory.stock.v1",
                    "payments.payment.v1", "orders.order.v1")) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}

package org.emporium.notifications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.emporium.platform.testing.Auth;
import org.emporium.platform.testing.Await;
import org.emporium.platform.testing.EventContract;
import org.emporium.platform.testing.EventContract.Traced;

/**
 * What the integration tests share: orders' events as orders publishes them (checked against
 * the contracts), publishing them, reading the mailbox and the admin API, polling with a deadline.
 */
final class Fixtures {

    static final String PROBLEM = "application/problem+json";
    static final EventContract ORDERS = EventContract.of("orders.order.v1");
    static final String SHOP = "https://shop.emporium.test";
    static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** An address no other test mails to. */
    static String recipient() {
        return "shopper-" + UUID.randomUUID() + "@example.com";
    }

    static String confirmed(UUID eventId, UUID orderId, String email, String... names) {
        return event(eventId, orderId, "OrderConfirmed", """
                {"orderId":"%s","email":"%s","lines":%s,"total":%s,
                 "shippingAddress":{"name":"Ada Lovelace","line1":"12 Analytical Row","line2":null,"city":"London",
                 "region":null,"postalCode":"N1 9GU","country":"GB"},"last4":"4242","confirmedAt":"%s"}"""
                .formatted(orderId, email, lines(names), total(names), OffsetDateTime.now()));
    }

    static String cancelled(UUID eventId, UUID orderId, String email, String reason, String... names) {
        return event(eventId, orderId, "OrderCancelled", """
                {"orderId":"%s","email":"%s","lines":%s,"total":%s,"reason":"%s",
                 "detail":"saga step failed: %s","cancelledAt":"%s"}"""
                .formatted(orderId, email, lines(names), total(names), reason, reason, OffsetDateTime.now()));
    }

    static String placed(UUID eventId, UUID orderId, String email, String... names) {
        return event(eventId, orderId, "OrderPlaced", """
                {"orderId":"%s","cartId":"%s","email":"%s","lines":%s,"total":%s,
                 "shippingAddress":{"name":"Ada Lovelace","line1":"12 Analytical Row","city":"London",
                 "postalCode":"N1 9GU","country":"GB"},"placedAt":"%s"}"""
                .formatted(orderId, UUID.randomUUID(), email, lines(names), total(names), OffsetDateTime.now()));
    }

    /** The line total of every line: 2 × 12.50 EUR. */
    static String total(String... names) {
        return "{\"amount\":\"%d.00\",\"currency\":\"EUR\"}".formatted(25 * names.length);
    }

    private static String lines(String... names) {
        StringBuilder lines = new StringBuilder("[");
        for (int i = 0; i < names.length; i++) {
            lines.append(i == 0 ? "" : ",").append("""
                    {"sku":"SKU-%d","name":%s,"quantity":2,"unitPrice":{"amount":"12.50","currency":"EUR"},
                     "lineTotal":{"amount":"25.00","currency":"EUR"}}""".formatted(i + 1, quoted(names[i])));
        }
        return lines.append(']').toString();
    }

    private static String event(UUID eventId, UUID orderId, String type, String data) {
        return ORDERS.cloudEvent(eventId, "/emporium/orders", type, orderId.toString(), data);
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes records keyed by the order, in this order (one partition), and waits for the acks. */
    static void publish(UUID orderId, String... values) {
        ORDERS.send(orderId.toString(), values);
    }

    /** A record keyed by its order in a trace of its own, for {@code ORDERS.sendInOneTransaction}. */
    static Traced traced(UUID orderId, String value) {
        return Traced.of(orderId.toString(), value);
    }

    /** Waits until the group "notifications" has committed everything published so far. */
    static void awaitAllConsumed() {
        ORDERS.awaitConsumedBy("notifications");
    }

    /** The admin listing of an order's notifications. */
    static JsonPath notificationsOf(UUID orderId) {
        return Auth.asAdmin().queryParam("orderId", orderId.toString())
                .get("/api/notifications").then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the order's notification of this event is SENT, then for its email; returns the email. */
    static MimeMessage awaitSent(UUID orderId, UUID eventId, String recipient) {
        await("notification " + eventId + " is SENT", () -> "SENT".equals(
                notificationsOf(orderId).getString("items.find { it.eventId == '" + eventId + "' }.status")));
        await("an email reaches " + recipient, () -> !GreenMailTestResource.messagesTo(recipient).isEmpty());
        List<MimeMessage> messages = GreenMailTestResource.messagesTo(recipient);
        assertThat(messages).as("emails to %s", recipient).hasSize(1);
        return messages.get(0);
    }

    /** The text/plain and text/html parts of a multipart/alternative email, in that order. */
    static List<String> parts(MimeMessage message) {
        try {
            assertThat(message.getContentType()).startsWith("multipart/alternative");
            MimeMultipart multipart = (MimeMultipart) message.getContent();
            assertThat(multipart.getCount()).isEqualTo(2);
            BodyPart text = multipart.getBodyPart(0);
            BodyPart html = multipart.getBodyPart(1);
            assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
            assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
            return List.of((String) text.getContent(), (String) html.getContent());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the condition holds; fails at the deadline. No fixed sleeps. */
    static void await(String what, BooleanSupplier condition) {
        Await.until(what, DEADLINE, condition);
    }
}

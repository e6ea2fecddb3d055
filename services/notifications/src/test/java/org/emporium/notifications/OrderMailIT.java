package org.emporium.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.notifications.Fixtures.SHOP;
import static org.emporium.notifications.Fixtures.awaitSent;
import static org.emporium.notifications.Fixtures.notificationsOf;
import static org.emporium.notifications.Fixtures.parts;
import static org.emporium.notifications.Fixtures.publish;
import static org.emporium.notifications.Fixtures.recipient;
import static org.emporium.notifications.Fixtures.traced;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.emporium.platform.testing.EventContract.Traced;
import org.emporium.platform.testing.IdentityTestResource;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * The orders' events on a real Kafka become real emails on a real SMTP server (GreenMail), once
 * per event: redelivered events add nothing, an SMTP outage delays the email but loses nothing,
 * and events without an email (or unreadable ones) are skipped without stopping the consumer.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GreenMailTestResource.class)
@QuarkusTestResource(IdentityTestResource.class)
class OrderMailIT {

    @jakarta.inject.Inject
    org.emporium.notifications.persistence.NotificationRepository notifications;

    @jakarta.inject.Inject
    DataSource dataSource;

    /** Nothing pending means nothing due: the sender then sleeps instead of asking again at once. */
    @Test
    void withNothingPendingNothingIsDue() {
        Fixtures.await("nothing pending", () -> notifications.countPending() == 0);
        org.assertj.core.api.Assertions.assertThat(notifications.untilNextDue()).isEmpty();
    }

    @Test
    void aConfirmedOrderIsMailedOnceWithTextAndHtmlPartsAndEscapedNames() throws Exception {
        UUID order = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        String to = recipient();
        publish(order, Fixtures.confirmed(event, order, to, "Blue mug", "<script>alert('x')</script> Tea"));

        MimeMessage mail = awaitSent(order, event, to);

        assertThat(mail.getSubject()).isEqualTo("Your Emporium order is confirmed");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Emporium <orders@emporium.local>");
        assertThat(mail.getMessageID()).isEqualTo("<" + event + "@notifications.emporium.local>");
        List<String> parts = parts(mail);
        String text = parts.get(0);
        String html = parts.get(1);
        assertThat(text).contains("Blue mug", "<script>alert('x')</script> Tea", "50.00 EUR", "4242",
                "12 Analytical Row", SHOP + "/orders/" + order);
        assertThat(html).contains("Blue mug", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Tea", "50.00 EUR",
                "4242", "href=\"" + SHOP + "/orders/" + order + "\"").doesNotContain("<script>");
    }

    @Test
    void theSameEventTwiceIsMailedOnce() {
        UUID order = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        String to = recipient();
        String confirmed = Fixtures.confirmed(event, order, to, "Teapot");
        publish(order, confirmed, confirmed);

        awaitSent(order, event, to);
        Fixtures.awaitAllConsumed();

        assertThat(GreenMailTestResource.messagesTo(to)).hasSize(1);
        JsonPath listing = notificationsOf(order);
        assertThat(listing.getList("items")).hasSize(1);
        assertThat(listing.getInt("items[0].attempts")).isEqualTo(1);
    }

    @Test
    void aCancelledOrderIsMailedWithTheReasonInWords() throws Exception {
        UUID order = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        String to = recipient();
        publish(order, Fixtures.cancelled(event, order, to, "PAYMENT_DECLINED", "Blue mug", "Teapot"));

        MimeMessage mail = awaitSent(order, event, to);

        assertThat(mail.getSubject()).isEqualTo("Your Emporium order was cancelled");
        for (String part : parts(mail)) {
            assertThat(part).contains("Your payment was declined by your card issuer.", "Blue mug", "Teapot",
                    "50.00 EUR").doesNotContain("PAYMENT_DECLINED");
        }
    }

    @Test
    void anEmailSentWhileSmtpIsDownArrivesOnceItIsBack() {
        UUID order = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        String to = recipient();
        GreenMailTestResource.stopServer();
        try {
            publish(order, Fixtures.confirmed(event, order, to, "Umbrella"));
            // it stays PENDING and is retried, with backoff, while the server refuses connections
            Fixtures.await("two failed attempts", () -> {
                JsonPath listing = notificationsOf(order);
                return "PENDING".equals(listing.getString("items[0].status")) && listing.getInt("items[0].attempts") >= 2;
            });
            assertThat(notificationsOf(order).getString("items[0].sentAt")).isNull();
        } finally {
            GreenMailTestResource.startServer();
        }

        awaitSent(order, event, to);

        JsonPath listing = notificationsOf(order);
        assertThat(listing.getInt("items[0].attempts")).isGreaterThan(2);
        assertThat(listing.getString("items[0].sentAt")).isNotNull();
    }

    /**
     * A poll of events for several orders — a placed order, an unreadable record and an unknown
     * type among them, and one confirmation twice — is stored in one transaction; every email goes
     * out once, and each notification keeps the trace of its own event.
     */
    @Test
    void aPollOfEventsIsStoredInOneTransactionAndEachEmailIsSentOnceInItsEventsTrace() {
        List<UUID> orders = Fixtures.ORDERS.keysOnOnePartition(3);
        UUID first = orders.get(0);
        UUID second = orders.get(1);
        UUID third = orders.get(2);
        UUID firstEvent = UUID.randomUUID();
        UUID secondEvent = UUID.randomUUID();
        UUID thirdEvent = UUID.randomUUID();
        String firstTo = recipient();
        String secondTo = recipient();
        String thirdTo = recipient();
        Traced firstConfirmed = traced(first, Fixtures.confirmed(firstEvent, first, firstTo, "Kettle"));
        Traced secondCancelled = traced(second,
                Fixtures.cancelled(secondEvent, second, secondTo, "OUT_OF_STOCK", "Teapot"));
        String thirdConfirmation = Fixtures.confirmed(thirdEvent, third, thirdTo, "Mug", "Saucer");
        Traced thirdConfirmed = traced(third, thirdConfirmation);
        // one partition, one Kafka transaction: the consumer sees them together, in one poll
        Fixtures.ORDERS.sendInOneTransaction(List.of(
                traced(first, Fixtures.placed(UUID.randomUUID(), first, firstTo, "Kettle")), // no email
                firstConfirmed,
                traced(first, "this is no event"), // refused
                secondCancelled,
                traced(second, """
                        {"specversion":"1.0","id":"%s","source":"/emporium/orders","type":"emporium.orders.OrderShipped",
                         "subject":"%s","data":{}}""".formatted(UUID.randomUUID(), second)), // refused
                thirdConfirmed,
                traced(third, thirdConfirmation))); // redelivered within the poll: stored and mailed once
        // after the transaction's commit marker (an offset of its own), so the group's offset can pass it
        publish(first, Fixtures.placed(UUID.randomUUID(), first, firstTo, "Kettle"));

        awaitSent(first, firstEvent, firstTo);
        assertThat(awaitSent(second, secondEvent, secondTo)).satisfies(
                mail -> assertThat(mail.getSubject()).isEqualTo("Your Emporium order was cancelled"));
        awaitSent(third, thirdEvent, thirdTo);
        Fixtures.awaitAllConsumed();

        assertThat(GreenMailTestResource.messagesTo(thirdTo)).hasSize(1);
        for (UUID order : orders) {
            JsonPath listing = notificationsOf(order);
            assertThat(listing.getList("items")).as("notifications of %s", order).hasSize(1);
            assertThat(listing.getInt("items[0].attempts")).isEqualTo(1);
        }
        // one transaction stored all three: now() is its start, the same for every row
        assertThat(List.of(firstEvent, secondEvent, thirdEvent)).extracting(e -> stored(e, "created_at::text"))
                .containsOnly(stored(firstEvent, "created_at::text"));
        assertThat(stored(firstEvent, "traceparent")).contains("-" + firstConfirmed.traceId() + "-");
        assertThat(stored(secondEvent, "traceparent")).contains("-" + secondCancelled.traceId() + "-");
        assertThat(stored(thirdEvent, "traceparent")).contains("-" + thirdConfirmed.traceId() + "-");
    }

    /** A column of an event's notification row, as text. */
    private String stored(UUID eventId, String column) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM notification WHERE event_id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("a notification of event %s", eventId).isTrue();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void placedOrdersAndUnreadableRecordsAreSkippedAndTheConsumerGoesOn() {
        UUID order = UUID.randomUUID();
        UUID confirmed = UUID.randomUUID();
        String to = recipient();
        // one key, so one partition: the confirmation is consumed only after the records before it
        publish(order,
                Fixtures.placed(UUID.randomUUID(), order, to, "Kettle"),
                "this is no event",
                """
                {"specversion":"1.0","id":"%s","source":"/emporium/orders","type":"emporium.orders.OrderShipped",
                 "subject":"%s","data":{}}""".formatted(UUID.randomUUID(), order),
                Fixtures.confirmed(confirmed, order, to, "Kettle"));

        awaitSent(order, confirmed, to);

        JsonPath listing = notificationsOf(order);
        assertThat(listing.getList("items")).hasSize(1);
        assertThat(listing.getString("items[0].kind")).isEqualTo("ORDER_CONFIRMED");
    }
}

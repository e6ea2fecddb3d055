package org.emporium.payments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.emporium.payments.Fixtures.APPROVE;
import static org.emporium.payments.Fixtures.DECLINE;
import static org.emporium.payments.Fixtures.ERROR;
import static org.emporium.payments.Fixtures.OTHER;
import static org.emporium.payments.Fixtures.SLOW;
import static org.emporium.payments.Fixtures.authorize;
import static org.emporium.payments.Fixtures.awaitCommandsConsumed;
import static org.emporium.payments.Fixtures.awaitStatus;
import static org.emporium.payments.Fixtures.capture;
import static org.emporium.payments.Fixtures.count;
import static org.emporium.payments.Fixtures.eventsByKey;
import static org.emporium.payments.Fixtures.refund;
import static org.emporium.payments.Fixtures.send;
import static org.emporium.payments.Fixtures.tokenize;
import static org.emporium.payments.Fixtures.traced;
import static org.emporium.payments.Fixtures.types;
import static org.emporium.payments.Fixtures.voidPayment;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.emporium.platform.testing.Auth;
import org.emporium.platform.testing.EventContract.Traced;
import org.emporium.platform.testing.IdentityTestResource;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * The checkout saga's commands over a real Kafka, the replies on payments.payment.v1 (each valid
 * against its schema), and what the ledger keeps.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(IdentityTestResource.class)
class PaymentCommandsIT {

    @Inject
    DataSource dataSource;

    @Test
    void eachTestCardGetsItsReplyAndARepeatedAuthorizationNoSecondOne() {
        UUID approved = UUID.randomUUID();
        UUID declined = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        UUID slow = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String twice = authorize(approved, tokenize(APPROVE), "19.99");
        send(twice, twice, authorize(declined, tokenize(DECLINE), "5.00"), authorize(failed, tokenize(ERROR), "5.00"),
                authorize(slow, tokenize(SLOW), "120.00"), authorize(other, tokenize(OTHER), "0.50"));

        JsonPath a = awaitStatus(approved, "AUTHORIZED");
        assertThat(a.getString("authorizationCode")).startsWith("SIM");
        assertThat(a.getString("amount.amount")).isEqualTo("19.99");
        assertThat(a.getString("last4")).isEqualTo("4242");
        assertThat(a.getString("brand")).isEqualTo("visa");
        assertThat(a.getList("ledger.to")).containsExactly("AUTHORIZING", "AUTHORIZED");
        assertThat(awaitStatus(declined, "DECLINED").getString("failureCode")).isEqualTo("card_declined");
        assertThat(awaitStatus(failed, "FAILED").getString("failureCode")).isEqualTo("processing_error");
        awaitStatus(slow, "AUTHORIZED");
        assertThat(awaitStatus(other, "AUTHORIZED").getString("brand")).isEqualTo("mastercard");
        awaitCommandsConsumed();

        Map<String, List<JsonNode>> events = eventsByKey(dataSource);
        assertThat(types(events, approved)).containsExactly("PaymentAuthorized");
        assertThat(types(events, declined)).containsExactly("PaymentDeclined");
        assertThat(events.get(declined.toString()).get(0).at("/data/code").asText()).isEqualTo("card_declined");
        assertThat(types(events, failed)).containsExactly("PaymentFailed");
        assertThat(events.get(failed.toString()).get(0).at("/data/code").asText()).isEqualTo("processing_error");
        assertThat(types(events, slow)).containsExactly("PaymentAuthorized");
        assertThat(types(events, other)).containsExactly("PaymentAuthorized");
        JsonNode reply = events.get(approved.toString()).get(0);
        assertThat(reply.path("source").asText()).isEqualTo("/emporium/payments");
        assertThat(reply.at("/data/amount/amount").asText()).isEqualTo("19.99");
        assertThat(reply.at("/data/orderId").asText()).isEqualTo(approved.toString());
        assertThat(count(dataSource, "SELECT count(*) FROM payment_ledger WHERE payment_id = '" + approved + "'")).isEqualTo(2);

        Auth.asAdmin().queryParam("orderId", approved.toString()).get("/api/payments").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.contains(approved.toString()));
    }

    @Test
    void captureAndRefundTwiceTakeAndGiveBackOnce() throws Exception {
        UUID id = UUID.randomUUID();
        send(authorize(id, tokenize(APPROVE), "42.00"));
        awaitStatus(id, "AUTHORIZED");
        send(capture(id), capture(id));
        awaitStatus(id, "CAPTURED");
        send(refund(id), refund(id));
        JsonPath p = awaitStatus(id, "REFUNDED");
        awaitCommandsConsumed();

        assertThat(p.getList("ledger.to")).containsExactly("AUTHORIZING", "AUTHORIZED", "CAPTURED", "REFUNDED");
        assertThat(types(eventsByKey(dataSource), id))
                .containsExactly("PaymentAuthorized", "PaymentCaptured", "PaymentRefunded");
        assertThat(count(dataSource, "SELECT count(*) FROM payment_ledger WHERE payment_id = '" + id
                + "' AND to_status = 'CAPTURED'")).isEqualTo(1);
        // whatever the code did, the database takes no second capture of one payment
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO payment_ledger (payment_id, from_status, to_status, amount, currency, detail) "
                        + "VALUES (?, 'AUTHORIZED', 'CAPTURED', 42.00, 'EUR', 'again')")) {
            s.setObject(1, id);
            assertThatThrownBy(s::executeUpdate).isInstanceOf(SQLException.class).hasMessageContaining("ledger_one");
        }
    }

    @Test
    void aVoidBeforeTheCaptureCancelsTheHoldAndTheCaptureIsRefused() {
        UUID id = UUID.randomUUID();
        send(authorize(id, tokenize(APPROVE), "10.00"));
        awaitStatus(id, "AUTHORIZED");
        send(voidPayment(id), capture(id), voidPayment(id));
        JsonPath p = awaitStatus(id, "VOIDED");
        awaitCommandsConsumed();

        assertThat(awaitStatus(id, "VOIDED").getList("ledger.to")).containsExactly("AUTHORIZING", "AUTHORIZED", "VOIDED");
        assertThat(p.getString("voidRequestedAt")).isNotNull();
        assertThat(types(eventsByKey(dataSource), id)).containsExactly("PaymentAuthorized", "PaymentVoided");
    }

    @Test
    void aVoidWhileTheSlowCardIsAuthorizingVoidsItOnceAuthorizedAndItIsNeverCaptured() {
        UUID id = UUID.randomUUID();
        send(authorize(id, tokenize(SLOW), "75.00"), voidPayment(id), capture(id));
        JsonPath p = awaitStatus(id, "VOIDED");
        awaitCommandsConsumed();

        List<String> at = p.getList("ledger.at");
        assertThat(p.getList("ledger.to")).containsExactly("AUTHORIZING", "AUTHORIZED", "VOIDED");
        // the void was asked for before the provider answered (the slow card takes 3 s here)
        assertThat(Instant.parse(p.getString("voidRequestedAt"))).isBefore(Instant.parse(at.get(1)));
        assertThat(types(eventsByKey(dataSource), id)).containsExactly("PaymentAuthorized", "PaymentVoided");
        assertThat(count(dataSource, "SELECT count(*) FROM payment_ledger WHERE payment_id = '" + id
                + "' AND to_status = 'CAPTURED'")).isZero();
    }

    @Test
    void aDeclinedAuthorizationNeedsNoVoidAndAnswersNothingMore() {
        UUID id = UUID.randomUUID();
        send(authorize(id, tokenize(DECLINE), "10.00"), voidPayment(id));
        awaitStatus(id, "DECLINED");
        send(voidPayment(id));
        awaitCommandsConsumed();
        assertThat(types(eventsByKey(dataSource), id)).containsExactly("PaymentDeclined");
    }

    @Test
    void aCapturedPaymentRefusesAVoid() {
        UUID id = UUID.randomUUID();
        send(authorize(id, tokenize(APPROVE), "33.00"));
        awaitStatus(id, "AUTHORIZED");
        send(capture(id));
        awaitStatus(id, "CAPTURED");
        send(voidPayment(id));
        awaitCommandsConsumed();

        assertThat(awaitStatus(id, "CAPTURED").getList("ledger.to")).containsExactly("AUTHORIZING", "AUTHORIZED", "CAPTURED");
        assertThat(types(eventsByKey(dataSource), id)).containsExactly("PaymentAuthorized", "PaymentCaptured");
    }

    @Test
    void commandsForUnknownPaymentsAndMalformedOnesAreSkipped() {
        UUID unknown = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        send(capture(unknown), voidPayment(unknown), refund(unknown), "this is no command",
                "{\"type\":\"emporium.payments.CapturePayment\",\"data\":{\"paymentId\":\"nope\"}}",
                authorize(after, tokenize(APPROVE), "1.00"));
        // the loop goes on past what it skipped
        awaitStatus(after, "AUTHORIZED");
        awaitCommandsConsumed();
        assertThat(Fixtures.payment(unknown)).isNull();
        assertThat(types(eventsByKey(dataSource), unknown)).isEmpty();
    }

    /**
     * A poll of commands for several payments, refused ones among them, is applied in one
     * transaction: every command that applies replies once, in the trace of the command that
     * caused it, and every refused one changes nothing and answers nothing.
     */
    @Test
    void aPollOfCommandsIsOneTransactionWhereRefusedOnesChangeNothingAndEachReplyKeepsItsCommandsTrace() {
        List<UUID> ids = Fixtures.COMMANDS.keysOnOnePartition(6);
        UUID a = ids.get(0);
        UUID b = ids.get(1);
        UUID c = ids.get(2);
        UUID f = ids.get(3);
        UUID fresh = ids.get(4);
        UUID unknown = ids.get(5);
        Fixtures.Card card = tokenize(APPROVE);
        send(authorize(a, card, "10.00"), authorize(b, card, "11.00"), authorize(c, card, "12.00"),
                authorize(f, card, "13.00"));
        for (UUID id : List.of(a, b, c, f)) {
            awaitStatus(id, "AUTHORIZED");
        }
        send(capture(f));
        awaitStatus(f, "CAPTURED");
        awaitCommandsConsumed();

        Traced captureA = traced(capture(a));
        Traced captureB = traced(capture(b));
        Traced voidC = traced(voidPayment(c));
        Traced refundF = traced(refund(f));
        Traced authorizeFresh = traced(authorize(fresh, card, "14.00"));
        // one partition, one Kafka transaction: the consumer sees them together, in one poll
        Fixtures.COMMANDS.sendInOneTransaction(List.of(
                captureA,
                traced(refund(b)), // refused: not captured
                captureB,
                voidC,
                traced(capture(c)), // refused: voided just before, in the same batch
                traced(capture(unknown)), // refused: no such payment
                traced(authorize(a, card, "99.00")), // refused: the id exists with another amount
                refundF,
                authorizeFresh, // replied by the authorization worker, once the batch has committed
                traced(capture(a)))); // done already: changes nothing, publishes nothing
        // after the transaction's commit marker (an offset of its own), so the group's offset can pass it
        send(capture(a));

        awaitStatus(a, "CAPTURED");
        awaitStatus(b, "CAPTURED");
        awaitStatus(c, "VOIDED");
        awaitStatus(f, "REFUNDED");
        awaitStatus(fresh, "AUTHORIZED");
        awaitCommandsConsumed();

        Map<String, List<JsonNode>> events = eventsByKey(dataSource);
        assertThat(types(events, a)).containsExactly("PaymentAuthorized", "PaymentCaptured");
        assertThat(types(events, b)).containsExactly("PaymentAuthorized", "PaymentCaptured");
        assertThat(types(events, c)).containsExactly("PaymentAuthorized", "PaymentVoided");
        assertThat(types(events, f)).containsExactly("PaymentAuthorized", "PaymentCaptured", "PaymentRefunded");
        assertThat(types(events, fresh)).containsExactly("PaymentAuthorized");
        assertThat(types(events, unknown)).isEmpty();
        assertThat(Fixtures.payment(unknown)).isNull();
        assertThat(awaitStatus(a, "CAPTURED").getString("amount.amount")).isEqualTo("10.00");
        assertThat(awaitStatus(b, "CAPTURED").getList("ledger.to")).containsExactly("AUTHORIZING", "AUTHORIZED", "CAPTURED");
        assertThat(awaitStatus(c, "VOIDED").getList("ledger.to")).containsExactly("AUTHORIZING", "AUTHORIZED", "VOIDED");

        // one transaction changed all four payments (its id is every row's xmin)
        assertThat(List.of(a, b, c, f)).extracting(id -> xmin(id)).containsOnly(xmin(a));

        Map<String, List<String>> traces = Fixtures.traceIdsByKey();
        assertThat(traces.get(a.toString()).getLast()).isEqualTo(captureA.traceId());
        assertThat(traces.get(b.toString()).getLast()).isEqualTo(captureB.traceId());
        assertThat(traces.get(c.toString()).getLast()).isEqualTo(voidC.traceId());
        assertThat(traces.get(f.toString()).getLast()).isEqualTo(refundF.traceId());
        assertThat(traces.get(fresh.toString())).containsExactly(authorizeFresh.traceId());
    }

    private String xmin(UUID paymentId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT xmin::text FROM payment WHERE id = ?")) {
            s.setObject(1, paymentId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAuthorizationLeftInFlightByACrashIsDrivenAgain() throws Exception {
        UUID id = UUID.randomUUID();
        Fixtures.Card card = tokenize(APPROVE);
        // what a process killed while the provider was answering leaves behind
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO payment (id, order_id, status, amount, currency, "
                    + "card_token, card_last4, card_brand, created_at, updated_at) VALUES (?, ?, 'AUTHORIZING', 8.00, "
                    + "'EUR', ?, '4242', 'visa', now() - interval '1 hour', now() - interval '1 hour')")) {
                s.setObject(1, id);
                s.setObject(2, id);
                s.setString(3, card.token());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO payment_ledger (payment_id, to_status, amount, "
                    + "currency, detail) VALUES (?, 'AUTHORIZING', 8.00, 'EUR', 'authorization requested')")) {
                s.setObject(1, id);
                s.executeUpdate();
            }
            c.commit();
        }
        awaitStatus(id, "AUTHORIZED");
        assertThat(types(eventsByKey(dataSource), id)).containsExactly("PaymentAuthorized");
    }
}

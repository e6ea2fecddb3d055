package org.emporium.notifications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.notifications.Fixtures.PROBLEM;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.emporium.platform.testing.Auth;
import org.emporium.platform.testing.IdentityTestResource;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GreenMailTestResource.class)
@QuarkusTestResource(IdentityTestResource.class)
class NotificationApiIT {

    @Test
    void listsTheNotificationsOfAnOrder() throws Exception {
        UUID order = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        String to = Fixtures.recipient();
        Fixtures.publish(order, Fixtures.confirmed(event, order, to, "Blue mug"));
        Fixtures.awaitSent(order, event, to);

        Auth.asAdmin().queryParam("orderId", order.toString()).get("/api/notifications")
                .then().statusCode(200)
                .body("orderId", equalTo(order.toString()))
                .body("items", hasSize(1))
                .body("items[0].eventId", equalTo(event.toString()))
                .body("items[0].kind", equalTo("ORDER_CONFIRMED"))
                .body("items[0].recipient", equalTo(to))
                .body("items[0].status", equalTo("SENT"))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].sentAt", notNullValue())
                .body("items[0].messageId", equalTo("<" + event + "@notifications.emporium.local>"));
        // the listed Message-ID is the one the SMTP server received
        var received = GreenMailTestResource.messagesTo(to);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getHeader("Message-ID")).containsExactly("<" + event + "@notifications.emporium.local>");
    }

    @Test
    void anOrderWithoutNotificationsListsNone() {
        Auth.asAdmin().queryParam("orderId", UUID.randomUUID().toString())
                .get("/api/notifications").then().statusCode(200).body("items", emptyIterable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-2-3-4-5", "6f1c2a4e-0b7d-4c8e-9a51-3d2f1e0c9b8", " "})
    void aMalformedOrderIdIsABadRequest(String orderId) {
        Auth.asAdmin().queryParam("orderId", orderId).get("/api/notifications")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("orderId"));
    }

    @Test
    void reportsHealthAndTheSendersMetrics() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200).body(containsString("notification-sender"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("emporium_notifications_sent_total"))
                .body(containsString("emporium_notifications_send_failures_total"))
                .body(containsString("emporium_notifications_pending"));
    }

    @Test
    void theOrderIdIsRequired() {
        Auth.asAdmin().get("/api/notifications")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("orderId"));
    }
}

package org.emporium.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.notifications.Fixtures.PROBLEM;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.emporium.platform.testing.Auth.AdminEndpoint;
import org.emporium.platform.testing.AdminEndpointsContract;
import org.emporium.platform.testing.Auth;
import org.emporium.platform.testing.IdentityTestResource;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The listing of an order's emails shows shoppers' addresses: it needs an admin's (or a service's)
 * bearer access token; anonymous, customer and bad tokens are refused. Hostile text in the order id
 * is a 400 problem, never a 500; in an order's event (this service's only input) it is mailed as
 * text, escaped in HTML, and the listing still answers.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GreenMailTestResource.class)
@QuarkusTestResource(IdentityTestResource.class)
class AdminAuthorizationIT extends AdminEndpointsContract {

    @Override
    protected Stream<AdminEndpoint> endpoints() {
        return Stream.of(new AdminEndpoint("GET /api/notifications?orderId=", 200,
                request -> request.queryParam("orderId", UUID.randomUUID().toString()).get("/api/notifications")));
    }

    @Override
    protected void assertSucceeded(AdminEndpoint endpoint, Response response) {
        response.then().statusCode(endpoint.success()).body("items", equalTo(List.of()));
    }

    static Stream<String> hostile() {
        return Auth.HOSTILE.stream();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileTextAsTheOrderIdIsA400NeverA500(String text) {
        Response response = Auth.asAdmin().queryParam("orderId", text).get("/api/notifications");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        response.then().contentType(PROBLEM).body("status", equalTo(400)).body("errors[0].field", equalTo("orderId"));
    }

    @Test
    void hostileTextInAnOrderIsMailedAsTextEscapedInHtmlAndTheListingStillAnswers() throws Exception {
        UUID order = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        String to = Fixtures.recipient();
        Fixtures.publish(order, Fixtures.confirmed(event, order, to, Auth.HOSTILE.toArray(String[]::new)));

        List<String> parts = Fixtures.parts(Fixtures.awaitSent(order, event, to));
        assertThat(parts.get(0)).contains(Auth.HOSTILE);
        assertThat(parts.get(1)).doesNotContain("<script>", "\" OR 1=1").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Fixtures.notificationsOf(order).getString("items[0].recipient")).isEqualTo(to);
    }
}

package org.emporium.payments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.payments.Fixtures.APPROVE;
import static org.emporium.payments.Fixtures.PROBLEM;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.emporium.platform.testing.Auth.AdminEndpoint;
import org.emporium.platform.testing.AdminEndpointsContract;
import org.emporium.platform.testing.Auth;
import org.emporium.platform.testing.IdentityTestResource;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inspecting payments needs an admin's (or a service's) bearer access token: anonymous, customer
 * and bad tokens are refused on both reads. Hostile text in the card fields or the ids is refused
 * with a 400 problem — never a 500 — and the ledger still answers.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(IdentityTestResource.class)
class AdminAuthorizationIT extends AdminEndpointsContract {

    /** An authorized payment, made once through the saga's commands (its order id is its id). */
    private static UUID payment;

    private static synchronized UUID payment() {
        if (payment == null) {
            UUID id = UUID.randomUUID();
            Fixtures.send(Fixtures.authorize(id, Fixtures.tokenize(APPROVE), "10.00"));
            Fixtures.awaitStatus(id, "AUTHORIZED");
            payment = id;
        }
        return payment;
    }

    @Override
    protected Stream<AdminEndpoint> endpoints() {
        return Stream.of(
                new AdminEndpoint("GET /api/payments?orderId=", 200,
                        request -> request.queryParam("orderId", payment().toString()).get("/api/payments")),
                new AdminEndpoint("GET /api/payments/{id}", 200,
                        request -> request.get("/api/payments/" + payment())));
    }

    @Override
    protected void assertSucceeded(AdminEndpoint endpoint, Response response) {
        response.then().statusCode(endpoint.success())
                .body(containsString(payment().toString()));
    }

    static Stream<String> hostile() {
        return Auth.HOSTILE.stream();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileTextInACardFieldOrAnIdIsA400NeverA500(String text) {
        for (String field : List.of("cardNumber", "expiry", "cvc")) {
            Map<String, String> card = new HashMap<>(Map.of("cardNumber", APPROVE, "expiry", "12/35", "cvc", "123"));
            card.put(field, text);
            Response response = given().contentType(ContentType.JSON).body(card).post("/api/payments/cards");
            assertBadRequest(response);
            response.then().body("errors[0].field", equalTo(field));
        }
        assertBadRequest(Auth.asAdmin().queryParam("orderId", text).get("/api/payments"));
        assertBadRequest(Auth.asAdmin().urlEncodingEnabled(false)
                .get("/api/payments/" + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20")));
        // the ledger is there and answers
        Auth.asAdmin().get("/api/payments/" + payment()).then().statusCode(200).body("status", equalTo("AUTHORIZED"));
    }

    private static void assertBadRequest(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        response.then().contentType(PROBLEM).body("status", equalTo(400));
    }
}

package org.emporium.payments;

import static io.restassured.RestAssured.given;
import static org.emporium.payments.Fixtures.PROBLEM;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.emporium.platform.testing.Auth;
import org.emporium.platform.testing.IdentityTestResource;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(IdentityTestResource.class)
class CardApiIT {

    @Test
    void tokenizesACardIntoATokenItsLastFourDigitsAndBrand() {
        given().contentType(ContentType.JSON)
                .body("{\"cardNumber\":\"4242 4242 4242 4242\",\"expiry\":\"12/30\",\"cvc\":\"123\"}")
                .post("/api/payments/cards").then().statusCode(201).contentType(ContentType.JSON)
                .body("token", matchesPattern("sim_ok_4242_[a-z]{20}"))
                .body("token", not(containsString("4242424242424242")))
                .body("last4", equalTo("4242")).body("brand", equalTo("visa"))
                .body("expiryMonth", equalTo(12)).body("expiryYear", equalTo(2030));
    }

    @Test
    void acceptsDashesAndTellsTheBrand() {
        given().contentType(ContentType.JSON)
                .body("{\"cardNumber\":\"5555-5555-5555-4444\",\"expiry\":\"01/2031\",\"cvc\":\"999\"}")
                .post("/api/payments/cards").then().statusCode(201)
                .body("last4", equalTo("4444")).body("brand", equalTo("mastercard")).body("expiryYear", equalTo(2031));
        given().contentType(ContentType.JSON)
                .body("{\"cardNumber\":\"3782 822463 10005\",\"expiry\":\"01/31\",\"cvc\":\"1234\"}")
                .post("/api/payments/cards").then().statusCode(201).body("brand", equalTo("amex"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "4242 4242 4242 4241|12/30|123|cardNumber",
            "4242 4242 424|12/30|123|cardNumber",
            "4242 4242 4242 4242 4242|12/30|123|cardNumber",
            "4242-abcd-4242-4242|12/30|123|cardNumber",
            "4242424242424242|13/30|123|expiry",
            "4242424242424242|12-30|123|expiry",
            "4242424242424242|01/20|123|expiry",
            "4242424242424242|12/30|12|cvc",
            "4242424242424242|12/30|12345|cvc",
            "4242424242424242|12/30|abc|cvc"})
    void refusesBadCardDetailsNamingTheFieldAndNeverEchoingTheNumber(String number, String expiry, String cvc, String field) {
        given().contentType(ContentType.JSON)
                .body("{\"cardNumber\":\"" + number + "\",\"expiry\":\"" + expiry + "\",\"cvc\":\"" + cvc + "\"}")
                .post("/api/payments/cards").then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400)).body("errors[0].field", equalTo(field))
                .body("detail", not(containsString("4242 4242"))).body("detail", not(containsString("424242")))
                .body(not(containsString("4242424242424242")));
    }

    @Test
    void refusesMissingFieldsInvalidJsonAndOtherMediaTypes() {
        given().contentType(ContentType.JSON).body("{\"expiry\":\"12/30\",\"cvc\":\"123\"}")
                .post("/api/payments/cards").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("cardNumber"));
        given().contentType(ContentType.JSON).body("{\"cardNumber\":\"4242424242424242\",\"cvc\":\"123\"}")
                .post("/api/payments/cards").then().statusCode(400).body("errors[0].field", equalTo("expiry"));
        given().contentType(ContentType.JSON).body("{\"cardNumber\":\"4242424242424242\",\"expiry\":\"12/30\"}")
                .post("/api/payments/cards").then().statusCode(400).body("errors[0].field", equalTo("cvc"));
        given().contentType(ContentType.JSON).body("{\"cardNumber\":[1,2]}")
                .post("/api/payments/cards").then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{not json").post("/api/payments/cards")
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).post("/api/payments/cards").then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.TEXT).body("4242424242424242").post("/api/payments/cards")
                .then().statusCode(415).contentType(PROBLEM);
    }

    /** A key given twice was a 500 with an empty body (issue 19); a number where text belongs was read as text. */
    @Test
    void refusesADuplicatedKeyOrAWrongTypeNamingItWithoutEchoingTheNumber() {
        given().contentType(ContentType.JSON)
                .body("{\"cardNumber\":\"4242424242424242\",\"expiry\":\"12/30\",\"cvc\":\"123\",\"cardNumber\":\"x\"}")
                .post("/api/payments/cards").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("cardNumber"))
                .body("errors[0].message", equalTo("is given more than once"))
                .body(not(containsString("4242424242424242")));
        given().contentType(ContentType.JSON)
                .body("{\"cardNumber\":\"4242424242424242\",\"expiry\":\"12/30\",\"cvc\":123}")
                .post("/api/payments/cards").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("cvc"))
                .body(not(containsString("4242424242424242")));
    }

    @Test
    void anUnknownPaymentIsA404AndAMalformedIdA400() {
        Auth.asAdmin().get("/api/payments/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(PROBLEM);
        Auth.asAdmin().get("/api/payments/not-a-uuid").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("id"));
        Auth.asAdmin().queryParam("orderId", "nope").get("/api/payments").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("orderId"));
        Auth.asAdmin().get("/api/payments").then().statusCode(400)
                .body("errors[0].field", equalTo("orderId"));
        Auth.asAdmin().queryParam("orderId", UUID.randomUUID().toString()).get("/api/payments")
                .then().statusCode(200).body("items", emptyIterable());
    }

    /** contracts/openapi/payments.yaml is what clients are written against: it must be what is served. */
    @org.junit.jupiter.api.Test
    void servedOpenApiMatchesTheCommittedContract() {
        org.emporium.platform.testing.OpenApiContract.assertServedMatchesCommitted(
                io.restassured.RestAssured.given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                        .extract().asString(), "payments");
    }
}

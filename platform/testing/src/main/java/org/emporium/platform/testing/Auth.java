package org.emporium.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.function.Function;

/**
 * Requests carrying the tokens of the test identity provider ({@link IdentityTestResource}: real
 * signed JWTs, verified by the service against its JWKS over HTTP), the credentials an admin
 * endpoint must refuse, and what a refusal looks like. Test classes that call with tokens
 * declare {@code @QuarkusTestResource(IdentityTestResource.class)}.
 */
public final class Auth {

    public static final String AUTHORIZATION = "Authorization";
    /** Text that has broken SQL and HTML elsewhere: it must be stored and answered as data, or refused. */
    public static final List<String> HOSTILE = List.of("'; DROP TABLE products; --", "<script>alert(1)</script>",
            "\" OR 1=1 --", "Robert'); DELETE FROM stock WHERE ('1'='1");
    private static final String CUSTOMER = "customer-0001";

    private Auth() {
    }

    /** A request with an admin's access token. */
    public static RequestSpecification asAdmin() {
        return bearer(identity().admin());
    }

    /** A request with a client-credentials token: another service acting for no user. */
    public static RequestSpecification asService() {
        return bearer(identity().service());
    }

    public static RequestSpecification bearer(String token) {
        return given().header(AUTHORIZATION, "Bearer " + token);
    }

    private static TestIdentity identity() {
        return IdentityTestResource.identity();
    }

    /** An admin endpoint: the call to make with a prepared request, and the status of a success. */
    public record AdminEndpoint(String name, int success, Function<RequestSpecification, Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A caller an admin endpoint refuses, with the status that says so: 401, or 403 for a customer. */
    public record Refused(String who, int status, Function<TestIdentity, String> authorization) {

        public RequestSpecification request() {
            String header = authorization.apply(identity());
            return header == null ? given() : given().header(AUTHORIZATION, header);
        }

        /** A problem+json of that status; a 401 carries the RFC 6750 challenge. */
        public void assertRefused(Response response) {
            ValidatableResponse then = response.then().statusCode(status).contentType("application/problem+json")
                    .body("status", equalTo(status));
            if (status == 401) {
                then.header("WWW-Authenticate", startsWith("Bearer"));
            }
        }

        @Override
        public String toString() {
            return who + " → " + status;
        }
    }

    public static List<Refused> refused() {
        return List.of(
                new Refused("no token", 401, id -> null),
                new Refused("a customer's token", 403, id -> "Bearer " + id.customer(CUSTOMER)),
                new Refused("an expired token", 401, id -> "Bearer " + id.expired(CUSTOMER)),
                new Refused("another issuer's token", 401, id -> "Bearer " + id.fromAnotherIssuer(CUSTOMER)),
                new Refused("a token signed by a stranger", 401, id -> "Bearer " + id.signedByAStranger(CUSTOMER)),
                new Refused("a tampered token", 401, id -> "Bearer " + id.tampered(CUSTOMER)),
                new Refused("Basic credentials", 401, id -> "Basic xyz"));
    }
}

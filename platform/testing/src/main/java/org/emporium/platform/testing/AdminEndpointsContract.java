package org.emporium.platform.testing;

import io.restassured.response.Response;
import java.util.stream.Stream;
import org.emporium.platform.testing.Auth.AdminEndpoint;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What every admin endpoint of every service must do, as tests a service's IT inherits: refuse
 * each caller in {@link Auth#refused()} (no token, a customer's, expired, another issuer's, signed
 * by a stranger, tampered, Basic) and let an admin's and a service's token through. The subclass
 * names its endpoints, and may check a success more closely.
 */
public abstract class AdminEndpointsContract {

    /** The service's admin endpoints. */
    protected abstract Stream<AdminEndpoint> endpoints();

    /** How a success looks; by default the endpoint's success status. */
    protected void assertSucceeded(AdminEndpoint endpoint, Response response) {
        response.then().statusCode(endpoint.success());
    }

    @TestFactory
    Stream<DynamicTest> refusesCallersWithoutTheAdminRole() {
        return endpoints().flatMap(endpoint -> Auth.refused().stream().map(caller -> DynamicTest.dynamicTest(
                endpoint + ": " + caller, () -> caller.assertRefused(endpoint.call().apply(caller.request())))));
    }

    @TestFactory
    Stream<DynamicTest> anAdminTokenPasses() {
        return endpoints().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(),
                () -> assertSucceeded(endpoint, endpoint.call().apply(Auth.asAdmin()))));
    }

    @TestFactory
    Stream<DynamicTest> aServiceTokenPasses() {
        return endpoints().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(),
                () -> assertSucceeded(endpoint, endpoint.call().apply(Auth.asService()))));
    }
}

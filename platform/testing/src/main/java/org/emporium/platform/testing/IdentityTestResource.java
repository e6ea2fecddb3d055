package org.emporium.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a Quarkus service's token verification (platform/auth) at a {@link TestIdentity}, so
 * tests call it with real signed tokens: a customer's, another customer's, an admin's, and bad ones.
 */
public class IdentityTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile TestIdentity identity;

    public static TestIdentity identity() {
        return identity;
    }

    @Override
    public Map<String, String> start() {
        identity = TestIdentity.start();
        return Map.of("emporium.auth.issuer", identity.issuer(),
                "emporium.auth.client-secret", TestIdentity.SERVICE_SECRET);
    }

    @Override
    public void stop() {
        if (identity != null) {
            identity.close();
        }
    }
}

package org.emporium.storefront;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts the {@link OidcStandIn} before the storefront and points its sign-in at it. */
public class OidcStandInResource implements QuarkusTestResourceLifecycleManager {

    private static volatile OidcStandIn standIn;

    public static OidcStandIn standIn() {
        return standIn;
    }

    @Override
    public Map<String, String> start() {
        standIn = OidcStandIn.start();
        return Map.of("emporium.auth.issuer", standIn.issuer(),
                "emporium.storefront.oidc.client-secret", OidcStandIn.CLIENT_SECRET,
                // a fixed key, as in production, so a test can also seal a cookie of its own
                "emporium.storefront.session-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.stop();
        }
    }
}

package org.emporium.storefront;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts the {@link CartStandIn} before the storefront and points the cart client at it. */
public class CartStandInResource implements QuarkusTestResourceLifecycleManager {

    private static volatile CartStandIn standIn;

    /** The running stand-in, for tests to inspect and to make fail. */
    public static CartStandIn standIn() {
        return standIn;
    }

    @Override
    public Map<String, String> start() {
        standIn = CartStandIn.start();
        return Map.of("EMPORIUM_CART_URL", standIn.url());
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.stop();
        }
    }
}

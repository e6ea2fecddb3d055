package org.emporium.storefront;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts the {@link OrdersStandIn} before the storefront and points both orders clients at it. */
public class OrdersStandInResource implements QuarkusTestResourceLifecycleManager {

    private static volatile OrdersStandIn standIn;

    /** The running stand-in, for tests to inspect and to make fail. */
    public static OrdersStandIn standIn() {
        return standIn;
    }

    @Override
    public Map<String, String> start() {
        standIn = OrdersStandIn.start();
        return Map.of("EMPORIUM_ORDERS_URL", standIn.url());
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.stop();
        }
    }
}

package org.emporium.storefront;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts the {@link InventoryStandIn} before the storefront and points the inventory client at it. */
public class InventoryStandInResource implements QuarkusTestResourceLifecycleManager {

    private static volatile InventoryStandIn standIn;

    /** The running stand-in, for tests to inspect and to make fail. */
    public static InventoryStandIn standIn() {
        return standIn;
    }

    @Override
    public Map<String, String> start() {
        standIn = InventoryStandIn.start();
        return Map.of("EMPORIUM_INVENTORY_URL", standIn.url());
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.stop();
        }
    }
}

package org.emporium.cart;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts the catalog and inventory stand-ins before the cart and points its clients at them. */
public class StandInsResource implements QuarkusTestResourceLifecycleManager {

    private static volatile CatalogStandIn catalog;
    private static volatile InventoryStandIn inventory;

    static CatalogStandIn catalog() {
        return catalog;
    }

    static InventoryStandIn inventory() {
        return inventory;
    }

    @Override
    public Map<String, String> start() {
        catalog = new CatalogStandIn();
        inventory = new InventoryStandIn();
        return Map.of("EMPORIUM_CATALOG_URL", catalog.url(), "EMPORIUM_INVENTORY_URL", inventory.url());
    }

    @Override
    public void stop() {
        if (catalog != null) {
            catalog.stop();
        }
        if (inventory != null) {
            inventory.stop();
        }
    }
}

package org.emporium.storefront;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts the {@link CatalogStandIn} before the storefront and points the catalog client at it. */
public class CatalogStandInResource implements QuarkusTestResourceLifecycleManager {

    private static volatile CatalogStandIn standIn;

    /** The running stand-in, for tests to inspect and to make fail. */
    public static CatalogStandIn standIn() {
        return standIn;
    }

    @Override
    public Map<String, String> start() {
        standIn = CatalogStandIn.start();
        return Map.of("EMPORIUM_CATALOG_URL", standIn.url());
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.stop();
        }
    }
}

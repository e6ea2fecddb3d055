package org.emporium.storefront;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts the {@link SearchStandIn} before the storefront and points the search client at it. */
public class SearchStandInResource implements QuarkusTestResourceLifecycleManager {

    private static volatile SearchStandIn standIn;

    /** The running stand-in, for tests to inspect and to make fail. */
    public static SearchStandIn standIn() {
        return standIn;
    }

    @Override
    public Map<String, String> start() {
        standIn = SearchStandIn.start();
        return Map.of("EMPORIUM_SEARCH_URL", standIn.url());
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.stop();
        }
    }
}

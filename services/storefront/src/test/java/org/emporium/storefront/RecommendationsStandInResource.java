package org.emporium.storefront;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts the {@link RecommendationsStandIn} before the storefront and points the recommendations client at it. */
public class RecommendationsStandInResource implements QuarkusTestResourceLifecycleManager {

    private static volatile RecommendationsStandIn standIn;

    /** The running stand-in, for tests to inspect and to make fail. */
    public static RecommendationsStandIn standIn() {
        return standIn;
    }

    @Override
    public Map<String, String> start() {
        standIn = RecommendationsStandIn.start();
        return Map.of("EMPORIUM_RECOMMENDATIONS_URL", standIn.url());
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.stop();
        }
    }
}

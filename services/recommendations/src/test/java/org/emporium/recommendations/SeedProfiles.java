package org.emporium.recommendations;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The seeded history off (tests that need an empty model) or on with a short wait for the catalog. */
public final class SeedProfiles {

    private SeedProfiles() {
    }

    /** No seeded history: the model learns only what a test publishes. */
    public static final class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("emporium.recommendations.seed-history", "false");
        }
    }

    /** The seeded history, once the catalog has been quiet for a second. */
    public static final class On implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("emporium.recommendations.seed-history", "true",
                    "emporium.recommendations.seed-catalog-quiet", "PT1S");
        }
    }
}

package org.emporium.storefront;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The behaviour events turned on (the other tests run without a producer). The profile-prefixed key
 * too, since {@code %test.storefront.behaviour.enabled=false} in application.properties would
 * otherwise win over a plain one.
 */
public class BehaviourOn implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("storefront.behaviour.enabled", "true", "%test.storefront.behaviour.enabled", "true");
    }
}

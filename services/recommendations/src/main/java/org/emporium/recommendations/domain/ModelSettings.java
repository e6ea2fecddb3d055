package org.emporium.recommendations.domain;

import java.time.Duration;

/**
 * The model's knobs (configuration keys {@code emporium.recommendations.*}).
 *
 * @param viewWeight          weight of a product view
 * @param cartWeight          weight of an add to cart
 * @param orderWeight         weight of a confirmed order line
 * @param halfLife            after this long a signal counts half
 * @param sessionGap          a shopper's events further apart than this are different sessions
 * @param neighboursPerItem   K: the most similar items kept per item
 * @param shopperCapacity     profiles kept (least recently active dropped first); also bounds carts
 * @param recentEventIds      at least this many of the latest event ids are remembered to drop duplicates
 */
public record ModelSettings(float viewWeight, float cartWeight, float orderWeight, Duration halfLife,
                            Duration sessionGap, int neighboursPerItem, int shopperCapacity, int recentEventIds) {

    /** Items remembered per shopper, and the most a new interaction is paired with. */
    public static final int RECENT_ITEMS = 20;

    public static ModelSettings defaults() {
        return new ModelSettings(1, 3, 5, Duration.ofDays(14), Duration.ofMinutes(30), 50, 200_000, 200_000);
    }

    public ModelSettings {
        if (viewWeight <= 0 || cartWeight <= 0 || orderWeight <= 0) {
            throw new IllegalArgumentException("signal weights must be positive");
        }
        if (halfLife.isNegative() || halfLife.isZero() || sessionGap.isNegative()) {
            throw new IllegalArgumentException("half-life must be positive, the session gap not negative");
        }
        if (neighboursPerItem < 1 || shopperCapacity < 1 || recentEventIds < 1) {
            throw new IllegalArgumentException("capacities must be at least 1");
        }
    }

    float weight(Signal signal) {
        return switch (signal) {
            case VIEW -> viewWeight;
            case CART -> cartWeight;
            case ORDER -> orderWeight;
        };
    }
}

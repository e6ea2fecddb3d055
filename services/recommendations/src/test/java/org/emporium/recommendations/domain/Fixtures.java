package org.emporium.recommendations.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Domain events for the model's tests, at times relative to a fixed start. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    private Fixtures() {
    }

    static long at(Duration after) {
        return T0.plus(after).toEpochMilli();
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    static Event.ProductUpserted product(String sku, String category, String brand) {
        return product(sku, category, brand, 1);
    }

    static Event.ProductUpserted product(String sku, String category, String brand, long version) {
        return new Event.ProductUpserted(id(), T0.toEpochMilli(), "p-" + sku, version,
                new Product(sku, "Name of " + sku, brand, category, "10.00", "EUR", null));
    }

    static Event.ProductUpserted product(String sku, String category, String brand, Map<String, String> attributes) {
        return new Event.ProductUpserted(id(), T0.toEpochMilli(), "p-" + sku, 1,
                new Product(sku, "Name of " + sku, brand, category, "10.00", "EUR", null, attributes));
    }

    static Event.ProductViewed view(String shopper, String sku, long time) {
        return new Event.ProductViewed(id(), time, shopper, null, sku);
    }

    static Event.ProductViewed view(String shopper, String cart, String sku, long time) {
        return new Event.ProductViewed(id(), time, shopper, cart, sku);
    }

    static Event.ItemAdded add(String cart, String sku, long time) {
        return new Event.ItemAdded(id(), time, cart, sku);
    }

    static Event.OrderPlaced placed(String order, String cart, long time) {
        return new Event.OrderPlaced(id(), time, order, cart);
    }

    static Event.OrderConfirmed confirmed(String order, long time, String... skus) {
        return new Event.OrderConfirmed(id(), time, order, List.of(skus));
    }

    static Event.StockChanged stock(String sku, int available, long version) {
        return new Event.StockChanged(id(), T0.toEpochMilli(), sku, available, version);
    }

    static RecommendationModel model() {
        return new RecommendationModel(ModelSettings.defaults());
    }

    static RecommendationModel model(int neighbours) {
        ModelSettings d = ModelSettings.defaults();
        return new RecommendationModel(new ModelSettings(d.viewWeight(), d.cartWeight(), d.orderWeight(), d.halfLife(),
                d.sessionGap(), neighbours, d.shopperCapacity(), d.recentEventIds()));
    }

    static void applyAll(RecommendationModel model, Event... events) {
        for (Event e : events) {
            model.apply(e);
        }
        model.publishPopularity();
    }
}

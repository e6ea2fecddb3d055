package org.emporium.recommendations;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.emporium.recommendations.domain.ModelSettings;
import org.emporium.recommendations.domain.RecommendationModel;
import org.emporium.recommendations.messaging.HistorySeeder;
import org.emporium.recommendations.messaging.ModelEventConsumer;

/**
 * Another instance of the service's model, consumer and (with a seed topic) seeder, in the test's
 * JVM, as {@link RecommendationsService} wires them: a second process would do the same.
 */
record ServiceInstance(RecommendationModel model, ModelEventConsumer consumer, HistorySeeder seeder) {

    static final String CATALOG = "catalog.product.v1";
    static final String BEHAVIOUR = "storefront.behaviour.v1";
    static final String SEED = "recommendations.seed.v1";
    /** The service's input topics, the seed topic aside. */
    static final List<String> INPUTS = List.of(CATALOG, "inventory.stock.v1", "cart.cart.v1", "orders.order.v1", BEHAVIOUR);

    /**
     * @param seedTopic among the topics, published by the instance's seeder; null for none
     * @param snapshots null for none
     */
    static ServiceInstance start(String bootstrapServers, List<String> topics, String seedTopic,
                                 ModelEventConsumer.Snapshots snapshots) {
        RecommendationModel model = new RecommendationModel(ModelSettings.defaults());
        ModelEventConsumer consumer = ModelEventConsumer.start(model, topics, new NewTopic(BEHAVIOUR, 3, (short) 1),
                seedTopic, bootstrapServers, snapshots);
        HistorySeeder seeder = seedTopic == null ? null : HistorySeeder.start(model, consumer,
                new HistorySeeder.Settings(seedTopic, 1_500, Duration.ofSeconds(1), Duration.ofMinutes(1)), bootstrapServers);
        return new ServiceInstance(model, consumer, seeder);
    }

    /** Stops as the service does on shutdown (the consumer writes its last snapshot). */
    void stop() {
        try {
            if (seeder != null) {
                seeder.stop(Duration.ofSeconds(5));
            }
            consumer.replay().stop(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

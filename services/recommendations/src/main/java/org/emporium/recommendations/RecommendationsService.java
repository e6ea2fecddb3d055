package org.emporium.recommendations;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.recommendations.domain.ModelSettings;
import org.emporium.recommendations.domain.RecommendationModel;
import org.emporium.recommendations.domain.Recommender;
import org.emporium.platform.messaging.ReplayConsumer;
import org.emporium.recommendations.messaging.HistorySeeder;
import org.emporium.recommendations.messaging.ModelEventConsumer;
import org.emporium.recommendations.persistence.ModelSnapshots;
import org.jboss.logging.Logger;

/**
 * Owns the model and the consumer that feeds it: starts replaying on start (from the newest usable
 * snapshot of the model in the data directory, if any), stops the consumer on shutdown (which
 * writes a last snapshot). With {@code emporium.recommendations.seed-history} on, the consumer also follows the
 * seed topic and a {@link HistorySeeder} publishes the seeded history there once per install; off,
 * the model neither reads nor publishes it.
 */
@ApplicationScoped
public class RecommendationsService {

    private static final Logger LOG = Logger.getLogger(RecommendationsService.class);

    private final RecommendationModel model;
    private final Recommender recommender;
    private final List<String> topics;
    private final NewTopic behaviourTopic;
    private final String bootstrapServers;
    private final Duration stopTimeout;
    private final HistorySeeder.Settings seed;
    private final Path dataDirectory;
    private final Duration snapshotInterval;
    private volatile ModelEventConsumer consumer;
    private volatile HistorySeeder seeder;

    public RecommendationsService(
            @ConfigProperty(name = "emporium.kafka.bootstrap-servers") String bootstrapServers,
            @ConfigProperty(name = "emporium.recommendations.catalog-topic", defaultValue = "catalog.product.v1") String catalogTopic,
            @ConfigProperty(name = "emporium.recommendations.stock-topic", defaultValue = "inventory.stock.v1") String stockTopic,
            @ConfigProperty(name = "emporium.recommendations.cart-topic", defaultValue = "cart.cart.v1") String cartTopic,
            @ConfigProperty(name = "emporium.recommendations.orders-topic", defaultValue = "orders.order.v1") String ordersTopic,
            @ConfigProperty(name = "emporium.recommendations.behaviour-topic", defaultValue = "storefront.behaviour.v1") String behaviourTopic,
            @ConfigProperty(name = "emporium.recommendations.behaviour-partitions", defaultValue = "3") int behaviourPartitions,
            @ConfigProperty(name = "emporium.recommendations.behaviour-retention", defaultValue = "P30D") Duration behaviourRetention,
            @ConfigProperty(name = "emporium.recommendations.view-weight", defaultValue = "1") float viewWeight,
            @ConfigProperty(name = "emporium.recommendations.cart-weight", defaultValue = "3") float cartWeight,
            @ConfigProperty(name = "emporium.recommendations.order-weight", defaultValue = "5") float orderWeight,
            @ConfigProperty(name = "emporium.recommendations.half-life", defaultValue = "P14D") Duration halfLife,
            @ConfigProperty(name = "emporium.recommendations.session-gap", defaultValue = "PT30M") Duration sessionGap,
            @ConfigProperty(name = "emporium.recommendations.neighbours-per-item", defaultValue = "50") int neighbours,
            @ConfigProperty(name = "emporium.recommendations.shopper-capacity", defaultValue = "200000") int shoppers,
            @ConfigProperty(name = "emporium.recommendations.recent-event-ids", defaultValue = "200000") int recentIds,
            @ConfigProperty(name = "emporium.recommendations.stop-timeout", defaultValue = "5s") Duration stopTimeout,
            @ConfigProperty(name = "emporium.recommendations.data-dir", defaultValue = "data/recommendations") Path dataDirectory,
            @ConfigProperty(name = "emporium.recommendations.snapshot-interval", defaultValue = "PT5M") Duration snapshotInterval,
            @ConfigProperty(name = "emporium.recommendations.seed-history", defaultValue = "true") boolean seedHistory,
            @ConfigProperty(name = "emporium.recommendations.seed-topic", defaultValue = "recommendations.seed.v1") String seedTopic,
            @ConfigProperty(name = "emporium.recommendations.seed-shoppers", defaultValue = "1500") int seedShoppers,
            @ConfigProperty(name = "emporium.recommendations.seed-catalog-quiet", defaultValue = "PT10S") Duration seedCatalogQuiet) {
        this.model = new RecommendationModel(new ModelSettings(viewWeight, cartWeight, orderWeight, halfLife, sessionGap,
                neighbours, shoppers, recentIds));
        this.recommender = new Recommender(model);
        this.topics = List.of(catalogTopic, stockTopic, cartTopic, ordersTopic, behaviourTopic);
        this.behaviourTopic = new NewTopic(behaviourTopic, behaviourPartitions, (short) 1)
                .configs(Map.of("retention.ms", Long.toString(behaviourRetention.toMillis())));
        this.bootstrapServers = bootstrapServers;
        this.stopTimeout = stopTimeout;
        this.dataDirectory = dataDirectory;
        this.snapshotInterval = snapshotInterval;
        this.seed = seedHistory ? new HistorySeeder.Settings(seedTopic, seedShoppers, seedCatalogQuiet,
                Duration.ofMinutes(1)) : null;
    }

    void start(@Observes StartupEvent event) {
        List<String> followed = new ArrayList<>(topics);
        boolean seeding = seed != null && HistorySeeder.mayRead(bootstrapServers, seed.topic());
        if (seed != null && !seeding) {
            LOG.warnf("Kafka does not let this service read %s: the seeded history is off. The event contract must "
                    + "give recommendations that topic (see ADR 0023)", seed.topic());
        }
        if (seeding) {
            followed.add(seed.topic());
        }
        ModelSnapshots snapshots = new ModelSnapshots(dataDirectory, model.settings(), followed);
        LOG.infof("following %s on %s; model snapshots in %s every %s", followed, bootstrapServers,
                snapshots.directory(), snapshotInterval);
        consumer = ModelEventConsumer.start(model, followed, behaviourTopic, seeding ? seed.topic() : null,
                bootstrapServers, new ModelEventConsumer.Snapshots(snapshots, snapshotInterval));
        if (seeding) {
            seeder = HistorySeeder.start(model, consumer, seed, bootstrapServers);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        try {
            if (seeder != null) {
                seeder.stop(stopTimeout);
            }
            if (consumer != null) {
                consumer.replay().stop(stopTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Recommender recommender() {
        return recommender;
    }

    public RecommendationModel model() {
        return model;
    }

    public ReplayConsumer consumer() {
        ModelEventConsumer c = consumer;
        return c == null ? null : c.replay();
    }

    /** The seeder; null with the seeded history off (or not allowed). */
    public HistorySeeder seeder() {
        return seeder;
    }

    /** Records of the seeded history the model has read. */
    public long seedEventsRead() {
        ModelEventConsumer c = consumer;
        return c == null ? 0 : c.seedEventsRead();
    }
}

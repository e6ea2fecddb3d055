package org.emporium.inventory.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.inventory.domain.Skus;
import org.emporium.inventory.domain.StockLevel;
import org.emporium.inventory.persistence.StockRepository;
import org.emporium.platform.messaging.ConsumerLoop;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.MalformedEvent;
import org.jboss.logging.Logger;

/**
 * Stocks the products the catalog announces: each {@code ProductUpserted} on catalog.product.v1
 * whose SKU inventory does not know yet gets its {@link org.emporium.inventory.domain.InitialStock},
 * announced with StockLevelChanged. The seeded catalog arrives this way on first start (a new
 * consumer group reads the compacted topic from its beginning), and so does every product an admin
 * adds later; inventory never compiles against the catalog's code.
 *
 * <p>A SKU inventory knows already (an update of the product, a redelivery, another instance
 * first, an admin's count) changes nothing: from its first stocking on, the stock is inventory's.
 * A deleted product keeps its stock row (orders may still refer to it). A poll's records apply in
 * one transaction; a record that is not a readable event (a tombstone among them), or names no
 * valid SKU, is logged and skipped, since no retry could change it.
 */
@ApplicationScoped
public class CatalogProductConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogProductConsumer.class);
    static final String UPSERTED = "emporium.catalog.ProductUpserted";

    private final StockRepository stock;
    private final boolean enabled;
    private final String topic;
    private final String bootstrapServers;
    private ConsumerLoop loop;

    public CatalogProductConsumer(StockRepository stock,
                                  @ConfigProperty(name = "emporium.inventory.catalog.enabled") boolean enabled,
                                  @ConfigProperty(name = "emporium.inventory.catalog.topic") String topic,
                                  @ConfigProperty(name = "emporium.kafka.bootstrap-servers") String bootstrapServers) {
        this.stock = stock;
        this.enabled = enabled;
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes @Priority(30) StartupEvent event) {
        if (enabled) {
            loop = ConsumerLoop.startBatched(new ConsumerLoop.Settings("inventory-catalog", bootstrapServers,
                    "inventory-catalog", List.of(topic), 500), this::apply);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.close();
        }
    }

    private void apply(List<Envelope> events) {
        List<String> skus = new ArrayList<>(events.size());
        for (Envelope event : events) {
            if (!UPSERTED.equals(event.type())) {
                continue;
            }
            String sku;
            try {
                sku = event.data().optionalText("sku");
            } catch (MalformedEvent e) {
                LOG.warnf("skipping %s: %s", event.where(), e.getMessage());
                continue;
            }
            if (sku == null || !Skus.valid(sku)) {
                LOG.warnf("skipping %s: the product's SKU is not in the catalog's format", event.where());
                continue;
            }
            skus.add(sku);
        }
        if (!skus.isEmpty()) {
            List<StockLevel> stocked = stock.stockNew(skus);
            if (!stocked.isEmpty()) {
                LOG.infof("stocked %d new SKU(s) announced by the catalog", stocked.size());
            }
        }
    }
}

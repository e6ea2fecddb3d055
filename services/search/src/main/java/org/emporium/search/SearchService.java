package org.emporium.search;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.search.index.ProductSearch;
import org.emporium.search.index.SearchIndex;
import org.emporium.search.index.Suggester;
import org.emporium.search.messaging.CatalogEventConsumer;
import org.jboss.logging.Logger;

/**
 * Owns the index and the consumer that feeds it: opens (or rebuilds) the index on start,
 * stops the consumer, commits and closes on shutdown.
 */
@ApplicationScoped
public class SearchService {

    private static final Logger LOG = Logger.getLogger(SearchService.class);

    private final Path indexDir;
    private final String topic;
    private final String bootstrapServers;
    private final Duration stopTimeout;

    private SearchIndex index;
    private CatalogEventConsumer consumer;
    private ProductSearch search;
    private Suggester suggester;

    public SearchService(@ConfigProperty(name = "emporium.search.index-dir") Path indexDir,
                         @ConfigProperty(name = "emporium.search.topic") String topic,
                         @ConfigProperty(name = "emporium.kafka.bootstrap-servers") String bootstrapServers,
                         @ConfigProperty(name = "emporium.search.stop-timeout", defaultValue = "5s") Duration stopTimeout) {
        this.indexDir = indexDir;
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.stopTimeout = stopTimeout;
    }

    void start(@Observes StartupEvent event) {
        try {
            index = SearchIndex.open(indexDir.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index at " + indexDir.toAbsolutePath(), e);
        }
        LOG.infof("search index at %s; following %s on %s", indexDir.toAbsolutePath(), topic, bootstrapServers);
        search = new ProductSearch(index);
        suggester = new Suggester(index);
        consumer = new CatalogEventConsumer(index, topic, bootstrapServers);
        consumer.start();
    }

    void stop(@Observes ShutdownEvent event) {
        try {
            if (consumer != null) {
                consumer.stop(stopTimeout);
            }
            if (index != null && (consumer == null || !consumer.running())) {
                index.close(); // a consumer that did not stop still writes; the OS releases the lock on exit
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warnf(e, "closing the search index");
        }
    }

    public ProductSearch search() {
        return search;
    }

    public Suggester suggester() {
        return suggester;
    }

    public CatalogEventConsumer consumer() {
        return consumer;
    }

    public SearchIndex index() {
        return index;
    }
}

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
import java.util.List;
import org.emporium.search.index.ProductSearch;
import org.emporium.search.index.SearchRequest;
import org.emporium.search.index.SearchResult;
import org.emporium.search.index.SearchIndex;
import org.emporium.search.index.Suggester;
import org.emporium.platform.messaging.ReplayConsumer;
import org.emporium.search.messaging.IndexEventConsumer;
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
    private final String stockTopic;
    private final String bootstrapServers;
    private final Duration stopTimeout;

    private SearchIndex index;
    private ReplayConsumer consumer;
    private ProductSearch search;
    private Suggester suggester;
    private AnswerCache<SearchRequest, SearchResult> searchAnswers;
    private AnswerCache<SuggestRequest, Suggester.Suggestions> suggestAnswers;
    private final int cacheSize;

    private record SuggestRequest(String text, int size) {
    }

    public SearchService(@ConfigProperty(name = "emporium.search.index-dir") Path indexDir,
                         @ConfigProperty(name = "emporium.search.topic") String topic,
                         @ConfigProperty(name = "emporium.search.stock-topic", defaultValue = "inventory.stock.v1") String stockTopic,
                         @ConfigProperty(name = "emporium.kafka.bootstrap-servers") String bootstrapServers,
                         @ConfigProperty(name = "emporium.search.stop-timeout", defaultValue = "5s") Duration stopTimeout,
                         @ConfigProperty(name = "emporium.search.answer-cache-size", defaultValue = "2000") int cacheSize) {
        this.cacheSize = cacheSize;
        this.indexDir = indexDir;
        this.topic = topic;
        this.stockTopic = stockTopic;
        this.bootstrapServers = bootstrapServers;
        this.stopTimeout = stopTimeout;
    }

    void start(@Observes StartupEvent event) {
        try {
            index = SearchIndex.open(indexDir.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index at " + indexDir.toAbsolutePath(), e);
        }
        LOG.infof("search index at %s; following %s and %s on %s", indexDir.toAbsolutePath(), topic, stockTopic,
                bootstrapServers);
        search = new ProductSearch(index);
        suggester = new Suggester(index);
        searchAnswers = new AnswerCache<>(index, cacheSize);
        suggestAnswers = new AnswerCache<>(index, cacheSize);
        consumer = IndexEventConsumer.start(index, topic, stockTopic, bootstrapServers);
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

    /** The answer to a search, from the answer cache when the index has not changed since. */
    public SearchResult search(SearchRequest request) throws IOException {
        return searchAnswers.get(request, search::search);
    }

    public Suggester.Suggestions suggest(String text, int size) throws IOException {
        return suggestAnswers.get(new SuggestRequest(text, size), r -> suggester.suggest(r.text(), r.size()));
    }

    public ReplayConsumer consumer() {
        return consumer;
    }

    public SearchIndex index() {
        return index;
    }
}

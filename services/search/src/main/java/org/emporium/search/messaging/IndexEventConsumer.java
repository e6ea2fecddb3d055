package org.emporium.search.messaging;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.MalformedEvent;
import org.emporium.platform.messaging.ReplayConsumer;
import org.emporium.search.index.SearchIndex;
import org.jboss.logging.Logger;

/**
 * Applies {@code catalog.product.v1} (products) and {@code inventory.stock.v1} (stock levels) to
 * the index, through the platform's {@link ReplayConsumer}: every instance keeps a full index, so
 * there is no consumer group, and the service is ready once caught up.
 *
 * <p>The index keeps its position in its own commits, next to the documents they produced. After
 * a crash it resumes from the last commit and re-applies what followed, which is harmless because
 * the index ignores versions it already has. A batch is searchable as soon as it is applied
 * (near-real-time refresh); commits (fsyncs) happen at most about once a second. Offsets past the
 * topics' ends (a topic was recreated) empty the index, which is then rebuilt from the beginning.
 *
 * <p>The catalog topic must exist (without products there is nothing to serve); the stock topic
 * belongs to inventory, which may start later, and is read from the beginning once it appears.
 */
public final class IndexEventConsumer implements ReplayConsumer.Sink {

    private static final Logger LOG = Logger.getLogger(IndexEventConsumer.class);
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
    private static final int COMMIT_EVENTS = 20_000;
    // While catching up, refresh searchers this rarely: each refresh writes a small segment.
    private static final Duration CATCH_UP_REFRESH = Duration.ofSeconds(1);
    // Once caught up, a change after a quiet spell is refreshed at once, but refreshes come at most
    // this often: under checkout load the stock changes came in every poll, and a refresh per poll
    // (a segment flushed, a reader opened, its facet state built, every cached answer dropped) was
    // two thirds of the service's CPU, 7.6 ms per confirmed order (issue 18).
    private static final Duration LIVE_REFRESH = Duration.ofMillis(250);
    private static final String OFFSET_KEY = "kafka.offset.";

    private final SearchIndex index;
    private final String stockTopic;
    private Map<TopicPartition, Long> positions = Map.of();
    private long sinceCommit;
    private long lastCommit = System.nanoTime();
    private long lastRefresh = System.nanoTime();
    private boolean positionsMoved;

    private IndexEventConsumer(SearchIndex index, String stockTopic) {
        this.index = index;
        this.stockTopic = stockTopic;
    }

    /** Starts following both topics into the index, on a thread of its own. */
    public static ReplayConsumer start(SearchIndex index, String topic, String stockTopic, String bootstrapServers) {
        if (index.rebuilt() || index.checkpoint().isEmpty()) {
            LOG.infof("index is empty: building it from the beginning of %s and %s", topic, stockTopic);
        }
        return ReplayConsumer.builder("index-events", bootstrapServers)
                .awaiting(topic)
                .following(List.of(stockTopic))
                // bounded fetch buffers: the heap target is 128 MB
                .fetch(2000, 8 * 1024 * 1024, 2 * 1024 * 1024)
                .progressEvery(10_000)
                .start(new IndexEventConsumer(index, stockTopic));
    }

    @Override
    public Map<TopicPartition, Long> stored(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = new HashMap<>();
        for (TopicPartition p : partitions) {
            String committed = index.checkpoint().get(OFFSET_KEY + p);
            if (committed != null) {
                stored.put(p, Long.parseLong(committed));
            }
        }
        return stored;
    }

    @Override
    public void startOver() throws IOException {
        // offsets past the end: this is not the topic the index was built from (recreated, another cluster)
        index.deleteAll();
    }

    @Override
    public boolean apply(Envelope event) throws MalformedEvent, IOException {
        sinceCommit++;
        if (event.topic().equals(stockTopic)) {
            switch (StockEvent.of(event)) {
                case StockEvent.LevelChanged l -> index.stock(l.level());
                case StockEvent.Other o -> {
                    return false; // reservations: the saga's, not search's
                }
            }
        } else {
            switch (CatalogEvent.of(event)) {
                case CatalogEvent.Upserted u -> index.upsert(u.product());
                case CatalogEvent.Deleted d -> index.delete(d.id(), d.version());
                case CatalogEvent.Unknown u -> {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public void afterBatch(Map<TopicPartition, Long> positions, int records, boolean caughtUp) throws IOException {
        this.positions = positions;
        positionsMoved |= records > 0;
        long now = System.nanoTime();
        if (index.hasPendingChanges() && now - lastRefresh >= (caughtUp ? LIVE_REFRESH : CATCH_UP_REFRESH).toNanos()) {
            index.refresh();
            lastRefresh = now;
        }
        if (positionsMoved && (now - lastCommit >= COMMIT_INTERVAL.toNanos() || sinceCommit >= COMMIT_EVENTS)) {
            commit();
        }
    }

    @Override
    public String caughtUp(Map<TopicPartition, Long> positions) throws IOException {
        this.positions = positions;
        index.refresh();
        lastRefresh = System.nanoTime();
        commit();
        return index.productCount() + " products searchable";
    }

    @Override
    public void stopped(Map<TopicPartition, Long> positions) {
        this.positions = positions;
        try {
            commit(); // documents applied since the last commit, with their offsets
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "final commit of the search index failed; it will replay from the previous one");
        }
    }

    private void commit() throws IOException {
        if (!positionsMoved && !index.hasPendingChanges()) {
            return;
        }
        Map<String, String> checkpoint = new HashMap<>(index.checkpoint());
        positions.forEach((p, offset) -> checkpoint.put(OFFSET_KEY + p, Long.toString(offset)));
        index.commit(checkpoint);
        lastCommit = System.nanoTime();
        sinceCommit = 0;
        positionsMoved = false;
    }
}

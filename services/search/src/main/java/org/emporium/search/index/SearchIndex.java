package org.emporium.search.index;

import java.io.Closeable;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.jboss.logging.Logger;

/**
 * The product index: one writer, near-real-time searchers, and commits that carry a checkpoint
 * (the topic offsets the documents correspond to) in their user data, so documents and offsets
 * are durable together.
 *
 * <p>Writes are single-threaded (the event consumer); searches run on any thread through
 * {@link #acquire()}.
 */
public final class SearchIndex implements Closeable {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);

    /** Bump when the document mapping changes: an index of another schema is rebuilt. */
    static final String SCHEMA = "2"; // 2: stock levels
    private static final String SCHEMA_KEY = "emporium.schema";
    // Bounds the versions remembered between refreshes (the writer's own buffer is bounded by RAM).
    private static final int MAX_PENDING = 50_000;
    // NRTCachingDirectory: segments up to this size are kept in memory, this much in all (heap target 128 MB)
    private static final double NRT_CACHE_SEGMENT_MB = 2;
    private static final double NRT_CACHE_MB = 16;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile Map<String, String> checkpoint;
    private final boolean rebuilt;
    // Versions written since the last refresh: the searcher cannot see them yet.
    private final Map<String, Long> pendingVersions = new HashMap<>();
    // Stock levels written since the last refresh, by SKU: the searcher cannot see them yet.
    private final Map<String, StockLevel> pendingStock = new HashMap<>();
    // Counts refreshes that changed what searches see: answers cached under an older value are stale.
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    private SearchIndex(Directory directory, boolean rebuilt) throws IOException {
        this.directory = directory;
        this.rebuilt = rebuilt;
        IndexWriterConfig config = new IndexWriterConfig(ProductAnalyzers.perField())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setSimilarity(ProductSimilarity.INSTANCE)
                .setRAMBufferSizeMB(16)
                // only commits that carry a checkpoint count; closing without one must not commit
                .setCommitOnClose(false);
        this.writer = new IndexWriter(directory, config);
        Map<String, String> data = new HashMap<>();
        writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        data.remove(SCHEMA_KEY);
        this.checkpoint = Map.copyOf(data);
        this.searchers = new SearcherManager(writer, true, false, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                return new ProductSearcher(reader, facetState(reader));
            }
        });
        this.searchers.addListener(new ReferenceManager.RefreshListener() {
            @Override
            public void beforeRefresh() {
            }

            @Override
            public void afterRefresh(boolean didRefresh) {
                if (didRefresh) {
                    generation.incrementAndGet();
                }
            }
        });
    }

    /**
     * Grows each time searches start to see new changes. Read it before searching: an answer
     * cached under it is then at least as new as the state the value stood for.
     */
    public long generation() {
        return generation.get();
    }

    /** An index in memory, for tests and the benchmark. */
    public static SearchIndex inMemory() throws IOException {
        return new SearchIndex(new ByteBuffersDirectory(), false);
    }

    /**
     * Opens the index in {@code path}. A missing, corrupt, foreign-format or unreadable index is
     * deleted and started empty: the caller then replays the topic from the beginning
     * ({@link #checkpoint()} is empty and {@link #rebuilt()} says why).
     */
    public static SearchIndex open(Path path) throws IOException {
        Files.createDirectories(path);
        String problem = verify(path);
        if (problem != null) {
            LOG.warnf("search index at %s is unusable (%s): deleting it; it will be rebuilt from the topic", path, problem);
            deleteContents(path);
        }
        // small segments flushed by near-real-time refreshes stay in memory until a merge or a commit
        // writes them out: creating, syncing and deleting their files was most of a refresh's cost.
        // A commit still writes and fsyncs every file it names.
        return new SearchIndex(new NRTCachingDirectory(new MMapDirectory(path), NRT_CACHE_SEGMENT_MB, NRT_CACHE_MB),
                problem != null);
    }

    /** Why the index at {@code path} cannot be used, or null if it can (or there is none yet). */
    private static String verify(Path path) throws IOException {
        try (Directory dir = new MMapDirectory(path)) {
            if (!DirectoryReader.indexExists(dir)) {
                boolean leftovers;
                try (Stream<Path> files = Files.list(path)) {
                    leftovers = files.anyMatch(f -> !f.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME));
                }
                return leftovers ? "index files without a commit point (missing segments file)" : null;
            }
            Map<String, String> userData = SegmentInfos.readLatestCommit(dir).getUserData();
            if (!SCHEMA.equals(userData.get(SCHEMA_KEY))) {
                return "commit data has schema " + userData.get(SCHEMA_KEY) + ", expected " + SCHEMA;
            }
            // Checksums of every file: catches truncated or bit-flipped files before a query trips on them.
            try (CheckIndex check = new CheckIndex(dir)) {
                check.setLevel(CheckIndex.Level.MIN_LEVEL_FOR_CHECKSUM_CHECKS);
                CheckIndex.Status status = check.checkIndex();
                if (!status.clean) {
                    return "CheckIndex found problems in " + status.numBadSegments + " segment(s)";
                }
            }
            return null;
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException
                 | NoSuchFileException | FileNotFoundException | EOFException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (RuntimeException e) { // CheckIndex and codecs throw these on garbage too
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static void deleteContents(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!f.equals(path)) {
                    Files.delete(f);
                }
            }
        }
    }

    /** The checkpoint stored with the last commit; empty for a new or rebuilt index. */
    public Map<String, String> checkpoint() {
        return checkpoint;
    }

    /** True when an unusable index was deleted on open. */
    public boolean rebuilt() {
        return rebuilt;
    }

    /**
     * Adds or replaces the product unless the index already has this or a newer version. The
     * SKU's known stock level goes into the new document: an upsert must not lose it.
     */
    public boolean upsert(Product product) throws IOException {
        if (product.version() <= version(product.id())) {
            return false;
        }
        writer.updateDocument(ProductDocument.idTerm(product.id()), ProductDocument.of(product, stock(product.sku())));
        remember(product.id(), product.version());
        return true;
    }

    /**
     * Records a SKU's stock level unless the index already has this or a newer version of it,
     * and sets it on the SKU's product, if there is one yet, in place (a doc-values update: the
     * product is not re-indexed). Stock of a SKU without a product is kept for when it comes.
     */
    public boolean stock(StockLevel level) throws IOException {
        StockLevel known = stock(level.sku());
        if (known != null && level.version() <= known.version()) {
            return false;
        }
        writer.updateDocument(ProductDocument.stockTerm(level.sku()), ProductDocument.stock(level));
        writer.updateNumericDocValue(new Term(ProductDocument.SKU, level.sku()), ProductDocument.AVAILABLE,
                level.available());
        pendingStock.put(level.sku(), level);
        boundPending();
        return true;
    }

    /** The latest stock level the index holds for a SKU, null if none. */
    StockLevel stock(String sku) throws IOException {
        StockLevel pending = pendingStock.get(sku);
        if (pending != null) {
            return pending;
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                int doc = liveDoc(leaf, ProductDocument.STOCK_SKU, sku);
                if (doc >= 0) {
                    NumericDocValues available = leaf.reader().getNumericDocValues(ProductDocument.AVAILABLE);
                    NumericDocValues version = leaf.reader().getNumericDocValues(ProductDocument.STOCK_VERSION);
                    if (available != null && version != null && available.advanceExact(doc) && version.advanceExact(doc)) {
                        return new StockLevel(sku, (int) available.longValue(), version.longValue());
                    }
                }
            }
            return null;
        } finally {
            searchers.release(searcher);
        }
    }

    /** The first live document of a leaf with {@code field:value}, or -1. */
    private static int liveDoc(LeafReaderContext leaf, String field, String value) throws IOException {
        Terms terms = leaf.reader().terms(field);
        if (terms == null) {
            return -1;
        }
        TermsEnum termsEnum = terms.iterator();
        if (!termsEnum.seekExact(new BytesRef(value))) {
            return -1;
        }
        PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = postings.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = postings.nextDoc()) {
            if (live == null || live.get(doc)) {
                return doc;
            }
        }
        return -1;
    }

    /** Replaces the product by a tombstone unless the index already has this or a newer version. */
    public boolean delete(String id, long version) throws IOException {
        if (version <= version(id)) {
            return false;
        }
        writer.updateDocument(ProductDocument.idTerm(id), ProductDocument.tombstone(id, version));
        remember(id, version);
        return true;
    }

    private void remember(String id, long version) throws IOException {
        pendingVersions.put(id, version);
        boundPending();
    }

    private void boundPending() throws IOException {
        if (pendingVersions.size() + pendingStock.size() >= MAX_PENDING) {
            refresh();
        }
    }

    /** The version the index holds for a product (live or tombstone), 0 if none. */
    long version(String id) throws IOException {
        Long pending = pendingVersions.get(id);
        if (pending != null) {
            return pending;
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                int doc = liveDoc(leaf, ProductDocument.ID, id);
                if (doc >= 0) {
                    NumericDocValues versions = leaf.reader().getNumericDocValues(ProductDocument.VERSION);
                    if (versions != null && versions.advanceExact(doc)) {
                        return versions.longValue();
                    }
                }
            }
            return 0;
        } finally {
            searchers.release(searcher);
        }
    }

    /** Empties the index (documents and checkpoint), durably: the topic it followed is gone. */
    public void deleteAll() throws IOException {
        writer.deleteAll();
        pendingVersions.clear();
        pendingStock.clear();
        commit(Map.of());
        refresh();
        checkpoint = Map.of();
    }

    /** Makes everything written so far visible to searches. */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
        pendingVersions.clear();
        pendingStock.clear();
    }

    /** True when documents were written since the last refresh. */
    public boolean hasPendingChanges() {
        return !pendingVersions.isEmpty() || !pendingStock.isEmpty();
    }

    /** Makes everything written so far durable, together with {@code checkpoint}. */
    public void commit(Map<String, String> checkpoint) throws IOException {
        Map<String, String> data = new HashMap<>(checkpoint);
        data.put(SCHEMA_KEY, SCHEMA);
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
    }

    /** A searcher over the latest refreshed state; give it back with {@link #release}. */
    public ProductSearcher acquire() throws IOException {
        return (ProductSearcher) searchers.acquire();
    }

    public void release(ProductSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    /** Live (not deleted) products visible to searches. */
    public int productCount() throws IOException {
        ProductSearcher searcher = acquire();
        try {
            return searcher.count(new TermQuery(new Term(ProductDocument.KIND, ProductDocument.LIVE)));
        } finally {
            release(searcher);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close();
        } finally {
            directory.close();
        }
    }

    private static SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        // an empty index has no facet field yet, and the state cannot be built without one
        if (FieldInfos.getMergedFieldInfos(reader).fieldInfo(ProductDocument.FACETS.getDimConfig(
                ProductDocument.FACET_BRAND).indexFieldName) == null) {
            return null;
        }
        return new DefaultSortedSetDocValuesReaderState(reader, ProductDocument.FACETS);
    }

    /** A searcher with the facet ordinals of its reader, built once per refresh, not per query. */
    public static final class ProductSearcher extends IndexSearcher {

        private final SortedSetDocValuesReaderState facetState;

        ProductSearcher(IndexReader reader, SortedSetDocValuesReaderState facetState) {
            super(reader);
            setSimilarity(ProductSimilarity.INSTANCE);
            this.facetState = facetState;
        }

        /** Null while the index has no products. */
        SortedSetDocValuesReaderState facetState() {
            return facetState;
        }
    }
}

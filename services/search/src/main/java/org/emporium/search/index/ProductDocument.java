package org.emporium.search.index;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * The mapping between a product and its Lucene document, and the one place that names fields.
 *
 * <p>A deleted product stays in the index as a tombstone (id, version, {@code kind=tombstone})
 * so that a redelivered older upsert cannot bring it back; every query filters on
 * {@code kind=product}.
 */
public final class ProductDocument {

    public static final String ID = "id";
    public static final String KIND = "kind";
    public static final String VERSION = "version";
    public static final String SKU = "sku";
    /** The SKU lower-cased, for a shopper who types one. */
    public static final String SKU_KEY = "sku_key";
    /** The full name as the catalog has it: stored for display, not searched. */
    public static final String NAME = "name";
    /**
     * The name without the brand in front ("Kettle & Crane Organic Green Tea" → "Organic Green
     * Tea"): what the product is. The brand has its own field; left in the name, a brand that
     * is also a word ("Kettle & Crane") would outrank the kettles for "kettle".
     */
    public static final String TITLE = "title";
    /**
     * The head noun of the title: its last word before the specs ("Camera Backpack, Waxed Canvas"
     * → "Backpack"). It says what the product is, so "camera" ranks cameras above camera bags
     * and "coffee" coffee above coffee tables.
     */
    public static final String TYPE = "type";
    public static final String NAME_PLAIN = "name_plain";
    public static final String NAME_SORT = "name_sort";
    public static final String BRAND = "brand";
    public static final String BRAND_PLAIN = "brand_plain";
    /** The brand lower-cased, for the brand filter. */
    public static final String BRAND_KEY = "brand_key";
    public static final String CATEGORY = "category";
    public static final String CATEGORY_PLAIN = "category_plain";
    public static final String CATEGORY_KEY = "category_key";
    public static final String DESCRIPTION = "description";
    public static final String ATTRIBUTES = "attributes";
    public static final String PRICE = "price";
    public static final String PRICE_CENTS = "price_cents";
    public static final String CURRENCY = "currency";
    public static final String IMAGE_URL = "image_url";
    public static final String CREATED = "created";

    /**
     * Units that can still be reserved, as inventory last said: numeric doc values only (no
     * points, not stored) so that a stock change updates it in place on the product's document
     * ({@code IndexWriter.updateNumericDocValue}) without re-indexing the product. Missing while
     * the SKU's stock is unknown.
     */
    public static final String AVAILABLE = "available";
    /** A SKU's stock document, keyed by SKU: the latest level and its version, product or not. */
    public static final String STOCK_SKU = "stock_sku";
    public static final String STOCK_VERSION = "stock_version";

    /** Facet dimensions (sorted-set doc values). */
    public static final String FACET_CATEGORY = "category";
    public static final String FACET_BRAND = "brand";

    public static final String LIVE = "product";
    public static final String TOMBSTONE = "tombstone";
    /** A stock document: never matched by a query, which all filter on {@code kind=product}. */
    public static final String STOCK = "stock";

    static final FacetsConfig FACETS = new FacetsConfig();

    // Offsets in the postings let the highlighter find matches without re-analyzing the text.
    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
    }

    private ProductDocument() {
    }

    public static Term idTerm(String id) {
        return new Term(ID, id);
    }

    public static Term stockTerm(String sku) {
        return new Term(STOCK_SKU, sku);
    }

    /** The product's document, with the SKU's stock level when it is known (else null). */
    static Document of(Product p, StockLevel stock) {
        Document doc = new Document();
        doc.add(new StringField(ID, p.id(), Field.Store.YES));
        doc.add(new StringField(KIND, LIVE, Field.Store.NO));
        version(doc, p.version());
        doc.add(new StringField(SKU, p.sku(), Field.Store.YES));
        doc.add(new StringField(SKU_KEY, key(p.sku()), Field.Store.NO));
        doc.add(new StoredField(NAME, p.name()));
        String title = title(p.name(), p.brand());
        doc.add(new Field(TITLE, title, TEXT_WITH_OFFSETS));
        doc.add(new TextField(TYPE, headNoun(title), Field.Store.NO));
        doc.add(new TextField(NAME_PLAIN, p.name(), Field.Store.NO));
        doc.add(new SortedDocValuesField(NAME_SORT, new BytesRef(sortKey(p.name()))));
        doc.add(new StoredField(BRAND, p.brand()));
        doc.add(new TextField(BRAND, p.brand(), Field.Store.NO));
        doc.add(new TextField(BRAND_PLAIN, p.brand(), Field.Store.NO));
        doc.add(new StringField(BRAND_KEY, key(p.brand()), Field.Store.NO));
        doc.add(new StoredField(CATEGORY, p.category()));
        doc.add(new TextField(CATEGORY, p.category(), Field.Store.NO));
        doc.add(new TextField(CATEGORY_PLAIN, p.category(), Field.Store.NO));
        doc.add(new StringField(CATEGORY_KEY, key(p.category()), Field.Store.NO));
        doc.add(new Field(DESCRIPTION, p.description(), TEXT_WITH_OFFSETS));
        doc.add(new TextField(ATTRIBUTES, String.join(" ", p.attributes().values()), Field.Store.NO));
        doc.add(new StoredField(PRICE, p.price().setScale(2, RoundingMode.HALF_UP).toPlainString()));
        doc.add(new LongField(PRICE_CENTS, cents(p.price()), Field.Store.NO));
        doc.add(new StoredField(CURRENCY, p.currency()));
        if (p.imageUrl() != null) {
            doc.add(new StoredField(IMAGE_URL, p.imageUrl()));
        }
        doc.add(new LongField(CREATED, p.createdAt().toEpochMilli(), Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(FACET_CATEGORY, p.category()));
        doc.add(new SortedSetDocValuesFacetField(FACET_BRAND, p.brand()));
        if (stock != null) {
            doc.add(new NumericDocValuesField(AVAILABLE, stock.available()));
        }
        return build(doc);
    }

    /**
     * The SKU's latest stock level, kept apart from the product: stock may arrive before the
     * product (another topic), and a product upsert replaces the product's document wholesale.
     */
    static Document stock(StockLevel level) {
        Document doc = new Document();
        doc.add(new StringField(STOCK_SKU, level.sku(), Field.Store.NO));
        doc.add(new StringField(KIND, STOCK, Field.Store.NO));
        doc.add(new NumericDocValuesField(AVAILABLE, level.available()));
        doc.add(new NumericDocValuesField(STOCK_VERSION, level.version()));
        return doc;
    }

    static Document tombstone(String id, long version) {
        Document doc = new Document();
        doc.add(new StringField(ID, id, Field.Store.YES));
        doc.add(new StringField(KIND, TOMBSTONE, Field.Store.NO));
        version(doc, version);
        return doc;
    }

    /** A stored product read back, as search results show it. */
    public record Stored(String id, String sku, String name, String brand, String category, String price,
                         String currency, String imageUrl, String description) {

        static Stored of(Document d) {
            return new Stored(d.get(ID), d.get(SKU), d.get(NAME), d.get(BRAND), d.get(CATEGORY), d.get(PRICE),
                    d.get(CURRENCY), d.get(IMAGE_URL), d.get(DESCRIPTION));
        }
    }

    /** Prices are whole cents in the index: exact, sortable, rangeable. */
    public static long cents(BigDecimal amount) {
        return amount.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    static String title(String name, String brand) {
        if (name.length() > brand.length() && name.regionMatches(true, 0, brand, 0, brand.length())
                && !Character.isLetterOrDigit(name.charAt(brand.length()))) {
            return name.substring(brand.length()).strip();
        }
        return name;
    }

    // where the name of the thing ends and its specs begin
    private static final java.util.regex.Pattern SPECS = java.util.regex.Pattern.compile(
            ",|:|\\(| - | with | for | in | by ", java.util.regex.Pattern.CASE_INSENSITIVE);

    static String headNoun(String title) {
        java.util.regex.Matcher specs = SPECS.matcher(title);
        String main = specs.find() && specs.start() > 0 ? title.substring(0, specs.start()) : title;
        java.util.List<String> words = ProductAnalyzers.tokens(ProductAnalyzers.PLAIN, main);
        return words.isEmpty() ? "" : words.get(words.size() - 1);
    }

    public static String key(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    private static String sortKey(String name) {
        String key = key(name);
        return key.length() > 64 ? key.substring(0, 64) : key;
    }

    private static void version(Document doc, long version) {
        doc.add(new NumericDocValuesField(VERSION, version));
        doc.add(new StoredField(VERSION, version));
    }

    private static Document build(Document doc) {
        try {
            return FACETS.build(doc);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // only the taxonomy variant does I/O
        }
    }

}

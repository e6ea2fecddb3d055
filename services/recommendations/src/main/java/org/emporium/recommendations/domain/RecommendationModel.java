package org.emporium.recommendations.domain;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;

/**
 * The whole model, in memory: the catalog as far as recommendations show it, stock, carts, shopper
 * profiles, item-to-item similarity and popularity, all derived from events.
 *
 * <p>Single writer: one thread calls {@link #apply} (under the write lock of a {@link StampedLock},
 * one event at a time); any thread queries through {@link Recommender}, which runs optimistically
 * without locking and repeats under the read lock only if an event was applied meanwhile.
 *
 * <p><b>Time decay</b> is forward decay: an interaction at time t adds {@code w · 2^((t − t0) / halfLife)}
 * where t0 (the landmark) is the first event's time, so stored scores never need rewriting as time
 * passes and comparing them compares decayed values. Scores are floats, which overflow at 2^128:
 * when an event is more than {@value #REBASE_HALF_LIVES} half-lives after the landmark (about
 * 3.8 years at 14 days), every stored score is multiplied by 2^−n and the landmark moves n
 * half-lives on, once, in one pass.
 *
 * <p><b>Snapshots.</b> {@link #write} writes the whole state, and {@link #read} makes the same
 * model of it: applying the events that follow gives what applying every event would. Times in the
 * state are event times (never {@code System.nanoTime}). The layout and what events do to the state
 * are part of the snapshot format: change either, and the format version of the snapshots
 * ({@code persistence.ModelSnapshots}) with it, so older snapshots are replayed instead.
 */
public final class RecommendationModel {

    static final int REBASE_HALF_LIVES = 100;
    /** Attribute values kept per product (the catalog's products have four to six). */
    static final int MAX_ATTRIBUTES = 32;
    /** Separates an attribute's name from its value in the dictionary of attribute values. */
    private static final char NAME_VALUE = '\u001F';
    private static final long POPULARITY_INTERVAL_NANOS = 500_000_000L;
    /** Orders between placed and confirmed remembered (seconds apart, and adjacent in a replay). */
    private static final int ORDERS_KEPT = 20_000;
    /** The most SKUs (and dictionary entries, cart lines) a state may hold when read: far above any shop. */
    private static final int MAX_ENTRIES = 1 << 26;

    final ModelSettings settings;
    final double halfLifeMillis;
    private final long sessionGapMillis;
    final StampedLock lock = new StampedLock();

    // the state; written by the writer under the write lock (replaced whole by replaceWith)
    Item[] items = new Item[1024];
    int itemCount;
    private Map<String, Integer> skuIds = new HashMap<>();
    /** Product id key → item. */
    private LongIntMap productItems = new LongIntMap();
    private Dictionary categories = new Dictionary();
    private Dictionary brands = new Dictionary();
    private Dictionary currencies = new Dictionary();
    /** Attribute name-and-value pairs to ints, so products compare attributes as sorted int arrays. */
    private Dictionary attributeValues = new Dictionary();
    Lru<String, Profile> profiles;
    /** By cart id key ({@link RecentIds#key}): no cart id strings kept. */
    Lru<Long, Cart> carts;
    /** Order id key → cart id. */
    private Lru<Long, String> orderCarts = new Lru<>(ORDERS_KEPT);
    private RecentIds recentIds;
    private long landmark = Long.MIN_VALUE;
    long latestTime = Long.MIN_VALUE;
    private volatile long applied;
    private long duplicates;

    private boolean popularityChanged = true;
    private long popularityPublishedAt;
    volatile Popular popular = new Popular(new int[0], new int[0][], new int[0][]);

    public RecommendationModel(ModelSettings settings) {
        this.settings = settings;
        this.halfLifeMillis = settings.halfLife().toMillis();
        this.sessionGapMillis = settings.sessionGap().toMillis();
        this.profiles = new Lru<>(settings.shopperCapacity());
        this.carts = new Lru<>(settings.shopperCapacity());
        this.recentIds = new RecentIds(settings.recentEventIds());
    }

    /**
     * Every recommendable item (item ids) by popularity, best first: overall, per category id and per
     * brand id, as last published. The popular fillers read them, and "similar products" takes its
     * candidates from the subject's category and brand lists.
     */
    record Popular(int[] overall, int[][] byCategory, int[][] byBrand) {
    }

    /** A cart's current SKUs (item ids) and, once a view told, its shopper. */
    static final class Cart {
        String shopperId;
        int[] items = new int[4];
        int size;

        void add(int item) {
            for (int i = 0; i < size; i++) {
                if (items[i] == item) {
                    return;
                }
            }
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = item;
        }

        void remove(int item) {
            for (int i = 0; i < size; i++) {
                if (items[i] == item) {
                    items[i] = items[--size];
                    return;
                }
            }
        }

        void write(DataOutput out) throws IOException {
            StateIo.writeString(out, shopperId);
            out.writeInt(size);
            StateIo.writeInts(out, items, size);
        }

        static Cart read(DataInput in) throws IOException {
            Cart cart = new Cart();
            cart.shopperId = StateIo.readString(in);
            cart.size = StateIo.readCount(in, MAX_ENTRIES);
            cart.items = StateIo.readInts(in, cart.size, Math.max(cart.size, cart.items.length));
            return cart;
        }
    }

    /** Names (categories, brands) to dense ints. */
    private static final class Dictionary {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        int id(String name) {
            return ids.computeIfAbsent(name, n -> {
                names.add(n);
                return names.size() - 1;
            });
        }

        String name(int id) {
            return names.get(id);
        }

        int size() {
            return names.size();
        }

        void write(DataOutput out) throws IOException {
            out.writeInt(names.size());
            for (String name : names) {
                StateIo.writeString(out, name);
            }
        }

        static Dictionary read(DataInput in) throws IOException {
            Dictionary dictionary = new Dictionary();
            int size = StateIo.readCount(in, MAX_ENTRIES);
            for (int i = 0; i < size; i++) {
                if (dictionary.id(StateIo.readString(in)) != i) {
                    throw new IOException("a name twice in a dictionary");
                }
            }
            return dictionary;
        }
    }

    /**
     * Applies one event; false when it was dropped as a duplicate (an id seen recently). Only the
     * writer thread may call this.
     */
    public boolean apply(Event event) {
        long stamp = lock.writeLock();
        try {
            if (event.id() != null && !recentIds.add(event.id())) {
                duplicates++;
                return false;
            }
            long time = event.time();
            if (landmark == Long.MIN_VALUE) {
                landmark = time;
            }
            latestTime = Math.max(latestTime, time);
            if ((time - landmark) / halfLifeMillis > REBASE_HALF_LIVES) {
                rebase(time);
            }
            switch (event) {
                case Event.ProductUpserted e -> upsert(e);
                case Event.ProductDeleted e -> delete(e);
                case Event.StockChanged e -> stock(e);
                case Event.ItemAdded e -> {
                    Cart cart = cartOf(e.cartId());
                    Item item = item(e.sku());
                    cart.add(item.id);
                    interact(shopperOf(e.cartId(), cart), item, Signal.CART, time, null);
                }
                case Event.QuantityChanged e -> cartOf(e.cartId()).add(item(e.sku()).id);
                case Event.ItemRemoved e -> cartOf(e.cartId()).remove(item(e.sku()).id);
                case Event.CartCleared e -> cartOf(e.cartId()).size = 0;
                case Event.OrderPlaced e -> orderCarts.put(RecentIds.key(e.orderId()), e.cartId());
                case Event.OrderConfirmed e -> confirmed(e);
                case Event.ProductViewed e -> viewed(e);
            }
            applied++;
            return true;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    private void upsert(Event.ProductUpserted e) {
        Product p = e.product();
        Item item = item(p.sku());
        long key = RecentIds.key(e.productId());
        int previous = productItems.get(key, -1);
        Item before = previous < 0 ? item : items[previous];
        if (e.version() <= before.catalogVersion) {
            return; // an older version, late or redelivered
        }
        if (before != item) { // the product's SKU changed: the old SKU leaves the catalog
            before.catalogued = false;
        }
        int category = categories.id(p.category());
        int brand = brands.id(p.brand());
        item.name = p.name();
        item.imageUrl = p.imageUrl();
        item.priceCents = Long.parseLong(p.amount().replace(".", "")); // the contract's ^[0-9]+\.[0-9]{2}$
        // the dictionaries' strings, so thousands of products share one copy of each
        item.currency = currencies.name(currencies.id(p.currency()));
        item.brandName = brands.name(brand);
        item.categoryName = categories.name(category);
        item.catalogVersion = e.version();
        item.category = category;
        item.brand = brand;
        item.attributes = attributeIds(p.attributes());
        item.catalogued = true;
        productItems.put(key, item.id);
        popularityChanged = true;
    }

    private int[] attributeIds(Map<String, String> attributes) {
        int[] ids = new int[Math.min(attributes.size(), MAX_ATTRIBUTES)];
        int n = 0;
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            if (n == ids.length) {
                break;
            }
            ids[n++] = attributeValues.id(a.getKey() + NAME_VALUE + a.getValue());
        }
        Arrays.sort(ids);
        return ids;
    }

    private void delete(Event.ProductDeleted e) {
        long key = RecentIds.key(e.productId());
        int previous = productItems.get(key, -1);
        Item item = previous < 0 ? item(e.sku()) : items[previous];
        if (e.version() <= item.catalogVersion) {
            return;
        }
        item.catalogued = false;
        item.catalogVersion = e.version();
        productItems.put(key, item.id);
        popularityChanged = true;
    }

    private void stock(Event.StockChanged e) {
        Item item = item(e.sku());
        if (e.version() <= item.stockVersion) {
            return;
        }
        boolean availabilityChanged = (item.available == 0) != (e.available() == 0);
        item.available = e.available();
        item.stockVersion = e.version();
        popularityChanged |= availabilityChanged;
    }

    private void viewed(Event.ProductViewed e) {
        if (e.cartId() != null) {
            cartOf(e.cartId()).shopperId = e.shopperId();
        }
        Profile profile = interact(e.shopperId(), item(e.sku()), Signal.VIEW, e.time(), null);
        if (e.cartId() != null) {
            profile.cartKey = RecentIds.key(e.cartId());
        }
    }

    private void confirmed(Event.OrderConfirmed e) {
        int[] lines = e.skus().stream().distinct().mapToInt(sku -> item(sku).id).toArray();
        float weight = settings.orderWeight() * decay(e.time());
        for (int i = 0; i < lines.length; i++) {
            for (int j = i + 1; j < lines.length; j++) {
                pair(items[lines[i]], items[lines[j]], weight, true);
            }
        }
        String cartId = orderCarts.get(RecentIds.key(e.orderId()));
        Cart cart = cartId == null ? null : carts.get(RecentIds.key(cartId));
        String shopper = cartId == null ? null : shopperOf(cartId, cart);
        for (int line : lines) {
            if (shopper == null) {
                items[line].popularity += weight;
                popularityChanged = true;
            } else {
                interact(shopper, items[line], Signal.ORDER, e.time(), lines); // pairs with the rest of the session
            }
        }
    }

    private Cart cartOf(String cartId) {
        return carts.touch(RecentIds.key(cartId), k -> new Cart());
    }

    private static String shopperOf(String cartId, Cart cart) {
        return cart != null && cart.shopperId != null ? cart.shopperId : "cart:" + cartId;
    }

    /**
     * A shopper interacted with an item: popularity, affinities, and a pairing with every other item
     * of the shopper's current session (except {@code skip}, already paired) at the weaker of the two signals.
     */
    private Profile interact(String shopperId, Item item, Signal signal, long time, int[] skip) {
        float weight = settings.weight(signal);
        float decay = decay(time);
        item.popularity += weight * decay;
        popularityChanged = true;
        Profile profile = profiles.touch(shopperId, k -> new Profile());
        profile.touch(time, sessionGapMillis);
        for (int i = 0; i < profile.size; i++) {
            int other = profile.items[i];
            if (other != item.id && profile.inSession(i) && !contains(skip, other)) {
                float pairWeight = Math.min(weight, settings.weight(Signal.of(profile.signals[i])));
                pair(item, items[other], pairWeight * decay, false);
            }
        }
        profile.remember(item.id, signal, time);
        profile.categories.add(item.category, weight * decay);
        profile.brands.add(item.brand, weight * decay);
        return profile;
    }

    private void pair(Item a, Item b, float weight, boolean bought) {
        a.pair(b.id, weight, bought, settings.neighboursPerItem());
        b.pair(a.id, weight, bought, settings.neighboursPerItem());
    }

    static boolean contains(int[] values, int value) {
        if (values == null) {
            return false;
        }
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    float decay(long time) {
        return (float) Math.pow(2, (time - landmark) / halfLifeMillis);
    }

    private void rebase(long time) {
        long halfLives = (long) ((time - landmark) / halfLifeMillis);
        float factor = (float) Math.pow(2, -halfLives);
        landmark += (long) (halfLives * halfLifeMillis);
        for (int i = 0; i < itemCount; i++) {
            items[i].rescale(factor);
        }
        for (Profile profile : profiles.values()) {
            profile.rescale(factor);
        }
        popularityChanged = true;
    }

    /** The item of a SKU, created on first mention. */
    private Item item(String sku) {
        Integer id = skuIds.get(sku);
        if (id != null) {
            return items[id];
        }
        if (itemCount == items.length) {
            items = Arrays.copyOf(items, itemCount * 2);
        }
        Item item = new Item(itemCount, sku);
        items[itemCount] = item;
        skuIds.put(sku, itemCount);
        itemCount++;
        return item;
    }

    /** The item of a SKU, or null; for readers. */
    Item find(String sku) {
        Integer id = skuIds.get(sku);
        Item[] all = items;
        return id == null || id >= all.length ? null : all[id];
    }

    /**
     * Called by the writer between batches: republishes the popularity lists if they changed and
     * the last publication is at least 500 ms old (never per request, never per event).
     */
    public void maintain(long nanoTime) {
        if (popularityChanged && nanoTime - popularityPublishedAt >= POPULARITY_INTERVAL_NANOS) {
            publishPopularity();
            popularityPublishedAt = nanoTime;
        }
    }

    /** Recomputes the popularity lists now; only the writer thread may call this. */
    public void publishPopularity() {
        long stamp = lock.readLock(); // the writer reading its own state; excludes nothing but documents intent
        try {
            long[] order = new long[itemCount];
            int n = 0;
            for (int i = 0; i < itemCount; i++) {
                Item item = items[i];
                if (item.recommendable()) {
                    order[n++] = ((long) Float.floatToIntBits(item.popularity) << 32) | item.id;
                }
            }
            Arrays.sort(order, 0, n);
            int[] overall = new int[n];
            int[][] byCategory = new int[categories.size()][];
            int[][] byBrand = new int[brands.size()][];
            int[] categoryCounts = new int[byCategory.length];
            int[] brandCounts = new int[byBrand.length];
            for (int i = 0; i < n; i++) {
                Item item = items[(int) order[i]];
                categoryCounts[item.category]++;
                brandCounts[item.brand]++;
            }
            for (int c = 0; c < byCategory.length; c++) {
                byCategory[c] = new int[categoryCounts[c]];
                categoryCounts[c] = 0;
            }
            for (int b = 0; b < byBrand.length; b++) {
                byBrand[b] = new int[brandCounts[b]];
                brandCounts[b] = 0;
            }
            for (int i = n - 1, o = 0; i >= 0; i--) {
                Item item = items[(int) order[i]];
                overall[o++] = item.id;
                byCategory[item.category][categoryCounts[item.category]++] = item.id;
                byBrand[item.brand][brandCounts[item.brand]++] = item.id;
            }
            popular = new Popular(overall, byCategory, byBrand);
            popularityChanged = false;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /**
     * Runs a query against a consistent state: first optimistically (no lock; the result is kept only
     * if no event was applied meanwhile), else under the read lock.
     */
    <T> T read(Supplier<T> query) {
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0) {
            try {
                T result = query.get();
                if (lock.validate(stamp)) {
                    return result;
                }
            } catch (RuntimeException e) {
                // read a state being changed; retry under the lock
            }
        }
        stamp = lock.readLock();
        try {
            return query.get();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /**
     * Writes the whole state for {@link #read}: everything events built (the catalog, stock, items
     * and their neighbours, profiles and carts in least recently used order, the orders' carts, the
     * recent event ids, the time landmark), not what is recomputed from it (the popularity lists).
     * Any thread; the writer calls it between events.
     */
    public void write(DataOutput out) throws IOException {
        long stamp = lock.readLock(); // excludes the writer when another thread writes the state
        try {
            out.writeLong(landmark);
            out.writeLong(latestTime);
            out.writeLong(applied);
            out.writeLong(duplicates);
            for (Dictionary dictionary : List.of(categories, brands, currencies, attributeValues)) {
                dictionary.write(out);
            }
            out.writeInt(itemCount);
            for (int i = 0; i < itemCount; i++) {
                items[i].write(out);
            }
            productItems.write(out);
            out.writeInt(profiles.size());
            for (Map.Entry<String, Profile> e : profiles.entrySet()) {
                StateIo.writeString(out, e.getKey());
                e.getValue().write(out);
            }
            out.writeInt(carts.size());
            for (Map.Entry<Long, Cart> e : carts.entrySet()) {
                out.writeLong(e.getKey());
                e.getValue().write(out);
            }
            out.writeInt(orderCarts.size());
            for (Map.Entry<Long, String> e : orderCarts.entrySet()) {
                out.writeLong(e.getKey());
                StateIo.writeString(out, e.getValue());
            }
            recentIds.write(out);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /**
     * The model {@link #write} wrote, for these settings (the same it was written with: the caller
     * checks), with its popularity lists published.
     *
     * @throws IOException the state is cut short or does not make sense
     */
    public static RecommendationModel read(ModelSettings settings, DataInput in) throws IOException {
        RecommendationModel model = new RecommendationModel(settings);
        model.landmark = in.readLong();
        model.latestTime = in.readLong();
        model.applied = in.readLong();
        model.duplicates = in.readLong();
        model.categories = Dictionary.read(in);
        model.brands = Dictionary.read(in);
        model.currencies = Dictionary.read(in);
        model.attributeValues = Dictionary.read(in);
        int count = StateIo.readCount(in, MAX_ENTRIES);
        model.items = new Item[Math.max(count, model.items.length)];
        for (int i = 0; i < count; i++) {
            Item item = Item.read(in, i, settings.neighboursPerItem());
            // the dictionaries' strings, shared as upsert shares them
            item.categoryName = item.category < 0 ? null : model.categories.name(item.category);
            item.brandName = item.brand < 0 ? null : model.brands.name(item.brand);
            item.currency = item.currency == null ? null : model.currencies.name(model.currencies.id(item.currency));
            model.items[i] = item;
            if (model.skuIds.put(item.sku, i) != null) {
                throw new IOException("SKU " + item.sku + " twice");
            }
        }
        model.itemCount = count;
        model.productItems = LongIntMap.read(in, MAX_ENTRIES);
        int profiles = StateIo.readCount(in, settings.shopperCapacity());
        for (int i = 0; i < profiles; i++) {
            String shopper = StateIo.readString(in);
            Profile profile = Profile.read(in);
            model.checkItems(profile.items, profile.size);
            model.profiles.put(shopper, profile);
        }
        int carts = StateIo.readCount(in, settings.shopperCapacity());
        for (int i = 0; i < carts; i++) {
            long key = in.readLong();
            Cart cart = Cart.read(in);
            model.checkItems(cart.items, cart.size);
            model.carts.put(key, cart);
        }
        int orders = StateIo.readCount(in, ORDERS_KEPT);
        for (int i = 0; i < orders; i++) {
            model.orderCarts.put(in.readLong(), StateIo.readString(in));
        }
        model.recentIds = RecentIds.read(in, settings.recentEventIds());
        for (int i = 0; i < count; i++) {
            model.checkItems(model.items[i].neighbours, model.items[i].count);
        }
        model.publishPopularity();
        return model;
    }

    private void checkItems(int[] ids, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            if (ids[i] < 0 || ids[i] >= itemCount) {
                throw new IOException("item " + ids[i] + " of " + itemCount);
            }
        }
    }

    /**
     * Takes the whole state of {@code other} (a model of the same settings, read from a snapshot),
     * at once for readers. Only the writer thread may call this, before it applies events to it.
     */
    public void replaceWith(RecommendationModel other) {
        if (!other.settings.equals(settings)) {
            throw new IllegalArgumentException("a model of other settings: " + other.settings + ", not " + settings);
        }
        long stamp = lock.writeLock();
        try {
            items = other.items;
            itemCount = other.itemCount;
            skuIds = other.skuIds;
            productItems = other.productItems;
            categories = other.categories;
            brands = other.brands;
            currencies = other.currencies;
            attributeValues = other.attributeValues;
            profiles = other.profiles;
            carts = other.carts;
            orderCarts = other.orderCarts;
            recentIds = other.recentIds;
            landmark = other.landmark;
            latestTime = other.latestTime;
            applied = other.applied;
            duplicates = other.duplicates;
            popularityChanged = other.popularityChanged;
            popular = other.popular;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Forgets everything (the events are to be applied again from the first); only the writer thread. */
    public void reset() {
        replaceWith(new RecommendationModel(settings));
    }

    public ModelSettings settings() {
        return settings;
    }

    /** Events applied so far (duplicates not counted): the answers' {@code modelVersion}. */
    public long applied() {
        return applied;
    }

    /**
     * The products in the catalog (not deleted), by SKU, with their attributes: what the seeded
     * history is simulated on. A copy; any thread.
     */
    public List<Product> catalog() {
        return read(() -> {
            List<Product> products = new ArrayList<>();
            for (int i = 0; i < itemCount; i++) {
                Item item = items[i];
                if (item.catalogued) {
                    Map<String, String> attributes = new HashMap<>();
                    for (int id : item.attributes) {
                        String pair = attributeValues.name(id);
                        int at = pair.indexOf(NAME_VALUE);
                        attributes.put(pair.substring(0, at), pair.substring(at + 1));
                    }
                    Product p = item.product();
                    products.add(new Product(p.sku(), p.name(), p.brand(), p.category(), p.amount(), p.currency(),
                            p.imageUrl(), attributes));
                }
            }
            products.sort(java.util.Comparator.comparing(Product::sku));
            return products;
        });
    }

    /** How many products the catalog has (not deleted); any thread. */
    public int catalogSize() {
        return read(() -> {
            int catalogued = 0;
            for (int i = 0; i < itemCount; i++) {
                catalogued += items[i].catalogued ? 1 : 0;
            }
            return catalogued;
        });
    }

    /** Events dropped as duplicates so far. */
    public long duplicates() {
        return read(() -> duplicates);
    }

    /** Some sizes, for logs and the benchmark. */
    public String describe() {
        return read(() -> {
            int catalog = 0;
            long neighbours = 0;
            for (int i = 0; i < itemCount; i++) {
                catalog += items[i].catalogued ? 1 : 0;
                neighbours += items[i].count;
            }
            return String.format("%,d events applied, %,d duplicates dropped, %,d SKUs (%,d in the catalog), "
                            + "%,d neighbour pairs, %,d shoppers, %,d carts", applied, duplicates, itemCount, catalog,
                    neighbours, profiles.size(), carts.size());
        });
    }

    /** The SKUs of a cart; empty when unknown. For tests. */
    public List<String> cart(String cartId) {
        return read(() -> {
            Cart cart = carts.get(RecentIds.key(cartId));
            List<String> skus = new ArrayList<>();
            for (int i = 0; cart != null && i < cart.size; i++) {
                skus.add(items[cart.items[i]].sku);
            }
            return skus;
        });
    }

    /** Similarity and bought-together score of a pair (forward-decayed units); for tests. */
    public float[] pair(String a, String b) {
        return read(() -> {
            Item x = find(a);
            Item y = find(b);
            return x == null || y == null ? new float[2] : new float[] {x.similarity(y.id), x.boughtTogether(y.id)};
        });
    }

    /** The neighbours of a SKU; for tests. */
    public java.util.Set<String> neighbours(String sku) {
        return read(() -> {
            Item x = find(sku);
            java.util.Set<String> names = new LinkedHashSet<>();
            for (int i = 0; x != null && i < x.count; i++) {
                names.add(items[x.neighbours[i]].sku);
            }
            return names;
        });
    }
}

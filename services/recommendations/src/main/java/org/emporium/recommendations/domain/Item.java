package org.emporium.recommendations.domain;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * A SKU the model has heard of, by its dense int id: its catalog data (not catalogued until upserted,
 * nor after a delete), stock, decayed popularity and its strongest neighbours. Neighbours are parallel
 * primitive arrays (ids, similarity, bought-together), grown on demand up to K, never boxed.
 * Written only by the model's single writer, under its write lock.
 */
final class Item {

    private static final int[] NO_IDS = new int[0];
    private static final float[] NO_SCORES = new float[0];
    static final int UNKNOWN_STOCK = -1;

    final int id;
    final String sku;
    // catalog data, inlined rather than a Product per item: the heap is small
    boolean catalogued;
    String name;
    String imageUrl;
    String currency;
    String brandName;
    String categoryName;
    long priceCents;
    long catalogVersion;
    int category = -1;
    int brand = -1;
    /** The product's attribute values (ids of name-and-value pairs), ascending: compared by "similar products". */
    int[] attributes = NO_IDS;
    int available = UNKNOWN_STOCK;
    long stockVersion;
    float popularity;

    int[] neighbours = NO_IDS;
    float[] scores = NO_SCORES;
    /** Bought-together scores, parallel to {@link #neighbours}; null until a pair of this item is bought. */
    float[] together;
    int count;

    Item(int id, String sku) {
        this.id = id;
        this.sku = sku;
    }

    /** In the catalog, not deleted, and not known to be out of stock. */
    boolean recommendable() {
        return catalogued && available != 0;
    }

    /** The catalog data as answers show it (a new object each time; answers are small). */
    Product product() {
        long units = priceCents / 100;
        int cents = (int) (priceCents % 100);
        return new Product(sku, name, brandName, categoryName, units + (cents < 10 ? ".0" : ".") + cents, currency,
                imageUrl);
    }

    /** How many attribute values (name and value) the two products share: a merge of the sorted ids. */
    int sharedAttributes(Item other) {
        int[] a = attributes;
        int[] b = other.attributes;
        int shared = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    /**
     * Adds {@code weight} to the similarity with {@code other} (and to bought-together when
     * {@code bought}). A new neighbour of a full list replaces the weakest one, if it beats it.
     */
    void pair(int other, float weight, boolean bought, int capacity) {
        int at = indexOf(other);
        if (at < 0) {
            if (count < capacity) {
                if (count == neighbours.length) {
                    int size = Math.min(capacity, Math.max(4, count * 2));
                    neighbours = Arrays.copyOf(neighbours, size);
                    scores = Arrays.copyOf(scores, size);
                    if (together != null) {
                        together = Arrays.copyOf(together, size);
                    }
                }
                at = count++;
            } else {
                at = weakest();
                if (scores[at] >= weight) {
                    return;
                }
            }
            neighbours[at] = other;
            scores[at] = 0;
            if (together != null) {
                together[at] = 0;
            }
        }
        scores[at] += weight;
        if (bought) {
            if (together == null) {
                together = new float[neighbours.length];
            }
            together[at] += weight;
        }
    }

    int indexOf(int other) {
        int[] ids = neighbours;
        for (int i = 0; i < count; i++) {
            if (ids[i] == other) {
                return i;
            }
        }
        return -1;
    }

    float similarity(int other) {
        int at = indexOf(other);
        return at < 0 ? 0 : scores[at];
    }

    float boughtTogether(int other) {
        int at = indexOf(other);
        return at < 0 || together == null ? 0 : together[at];
    }

    private int weakest() {
        int weakest = 0;
        for (int i = 1; i < count; i++) {
            if (scores[i] < scores[weakest]) {
                weakest = i;
            }
        }
        return weakest;
    }

    void removeNeighbour(int other) {
        int at = indexOf(other);
        if (at < 0) {
            return;
        }
        int last = --count;
        neighbours[at] = neighbours[last];
        scores[at] = scores[last];
        if (together != null) {
            together[at] = together[last];
        }
    }

    /**
     * Writes everything but the strings the model shares from its dictionaries (brand, category and
     * currency names: {@link RecommendationModel} sets them again from the ids on reading).
     */
    void write(DataOutput out) throws IOException {
        StateIo.writeString(out, sku);
        out.writeBoolean(catalogued);
        StateIo.writeString(out, name);
        StateIo.writeString(out, imageUrl);
        StateIo.writeString(out, currency);
        out.writeLong(priceCents);
        out.writeLong(catalogVersion);
        out.writeInt(category);
        out.writeInt(brand);
        out.writeInt(attributes.length);
        StateIo.writeInts(out, attributes, attributes.length);
        out.writeInt(available);
        out.writeLong(stockVersion);
        out.writeFloat(popularity);
        out.writeInt(count);
        StateIo.writeInts(out, neighbours, count);
        StateIo.writeFloats(out, scores, count);
        out.writeBoolean(together != null);
        if (together != null) {
            StateIo.writeFloats(out, together, count);
        }
    }

    /** The item {@link #write} wrote, its arrays as long as their content (they grow as before). */
    static Item read(DataInput in, int id, int capacity) throws IOException {
        Item item = new Item(id, StateIo.readString(in));
        item.catalogued = in.readBoolean();
        item.name = StateIo.readString(in);
        item.imageUrl = StateIo.readString(in);
        item.currency = StateIo.readString(in);
        item.priceCents = in.readLong();
        item.catalogVersion = in.readLong();
        item.category = in.readInt();
        item.brand = in.readInt();
        int attributes = StateIo.readCount(in, RecommendationModel.MAX_ATTRIBUTES);
        item.attributes = attributes == 0 ? NO_IDS : StateIo.readInts(in, attributes, attributes);
        item.available = in.readInt();
        item.stockVersion = in.readLong();
        item.popularity = in.readFloat();
        item.count = StateIo.readCount(in, capacity);
        if (item.count > 0) {
            item.neighbours = StateIo.readInts(in, item.count, item.count);
            item.scores = StateIo.readFloats(in, item.count, item.count);
        }
        if (in.readBoolean()) {
            item.together = StateIo.readFloats(in, item.count, item.neighbours.length);
        }
        return item;
    }

    void rescale(float factor) {
        popularity *= factor;
        for (int i = 0; i < count; i++) {
            scores[i] *= factor;
            if (together != null) {
                together[i] *= factor;
            }
        }
    }
}

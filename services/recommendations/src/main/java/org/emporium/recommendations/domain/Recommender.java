package org.emporium.recommendations.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Answers from the model: products like a product, and products for a shopper. Never the subject
 * itself, the shopper's recent items, what is in the cart, deleted or never-catalogued SKUs, or
 * items out of stock. Allocation-light: per-thread scratch tables, no sorting of the catalog.
 *
 * <p>A product's answer is what shoppers did first (its learned neighbours), then, when those are
 * too few, products similar by their catalog data ({@link Reason#SIMILAR_PRODUCT}), and popular
 * items last.
 */
public final class Recommender {

    private static final float FILL_BELOW = 0.9f;
    /** "Similar products": a product of the same category scores this much, of the same brand {@link #SAME_BRAND}... */
    static final int SAME_CATEGORY = 8;
    static final int SAME_BRAND = 4;
    /** ...and each shared attribute value one, up to this many: category, then brand, then attributes decide. */
    static final int MAX_SHARED_ATTRIBUTES = 3;
    /** Candidates looked at per list (category, brand, and the popular list for attributes alone). */
    static final int SIMILAR_CANDIDATES = 1_000;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final RecommendationModel model;

    public Recommender(RecommendationModel model) {
        this.model = model;
    }

    /** Items like {@code sku}; null when the catalog does not have it (never had, or deleted). */
    public Recommendations forProduct(String sku, int size, String cartId) {
        return model.read(() -> product(sku, size, cartId));
    }

    /** Items for a shopper; popular ones for a shopper the model does not know (cold start). */
    public Recommendations forShopper(String shopperId, int size, String cartId) {
        return model.read(() -> shopper(shopperId, size, cartId));
    }

    private Recommendations product(String sku, int size, String cartId) {
        Item subject = model.find(sku);
        if (subject == null || !subject.catalogued) {
            return null;
        }
        Answer answer = new Answer(model, size);
        answer.exclude(subject.id);
        answer.excludeCart(cartId);
        int count = Math.min(subject.count, subject.neighbours.length);
        Scratch scratch = SCRATCH.get();
        long[] order = scratch.order;
        for (int i = 0; i < count; i++) {
            order[i] = ((long) Float.floatToIntBits(subject.scores[i]) << 32) | i;
        }
        Arrays.sort(order, 0, count);
        for (int i = count - 1; i >= 0 && !answer.full(); i--) {
            int at = (int) order[i];
            boolean bought = subject.together != null && subject.together[at] > 0;
            answer.add(subject.neighbours[at], subject.scores[at],
                    bought ? Reason.BOUGHT_TOGETHER : Reason.SIMILAR_TO_VIEWED);
        }
        RecommendationModel.Popular popular = model.popular;
        similar(answer, subject, popular, scratch);
        answer.fill(category(popular, subject.category));
        answer.fill(popular.overall());
        return new Recommendations(sku, answer.items, model.applied());
    }

    private Recommendations shopper(String shopperId, int size, String cartId) {
        Profile profile = model.profiles.get(shopperId);
        Answer answer = new Answer(model, size);
        answer.excludeCart(cartId);
        RecommendationModel.Popular popular = model.popular;
        if (profile == null) {
            answer.fill(popular.overall());
            return new Recommendations(shopperId, answer.items, model.applied());
        }
        answer.excludeCart(profile.cartKey);
        int recent = Math.min(profile.size, profile.items.length);
        for (int i = 0; i < recent; i++) {
            answer.exclude(profile.items[i]);
        }
        Scratch scratch = SCRATCH.get();
        scratch.clear();
        Item[] items = model.items;
        for (int i = 0; i < recent; i++) {
            Item seed = items[profile.items[i]];
            double age = (profile.times[i] - model.latestTime) / model.halfLifeMillis;
            float seedWeight = model.settings.weight(Signal.of(profile.signals[i])) * (float) Math.pow(2, age);
            int count = Math.min(seed.count, seed.neighbours.length);
            for (int k = 0; k < count; k++) {
                scratch.add(seed.neighbours[k], seedWeight * seed.scores[k],
                        seed.together != null && seed.together[k] > 0);
            }
        }
        float categoryMax = profile.categories.max();
        float brandMax = profile.brands.max();
        long[] order = scratch.order;
        int n = 0;
        for (int s = 0; s < scratch.used; s++) {
            int slot = scratch.slots[s];
            Item candidate = items[scratch.keys[slot]];
            if (!answer.allowed(candidate)) {
                continue;
            }
            float affinity = 1;
            if (categoryMax > 0) {
                affinity += profile.categories.get(candidate.category) / categoryMax;
            }
            if (brandMax > 0) {
                affinity += profile.brands.get(candidate.brand) / brandMax;
            }
            float score = scratch.scores[slot] * affinity;
            order[n++] = ((long) Float.floatToIntBits(score) << 32) | slot;
        }
        Arrays.sort(order, 0, n);
        for (int i = n - 1; i >= 0 && !answer.full(); i--) {
            int slot = (int) order[i];
            answer.add(scratch.keys[slot], Float.intBitsToFloat((int) (order[i] >>> 32)),
                    scratch.bought[slot] ? Reason.BOUGHT_TOGETHER : Reason.SIMILAR_TO_VIEWED);
        }
        for (int category : profile.categories.ranked()) {
            answer.fill(category(popular, category));
        }
        answer.fill(popular.overall());
        return new Recommendations(shopperId, answer.items, model.applied());
    }

    /**
     * Fills with products like the subject by catalog data: the same category scores
     * {@value #SAME_CATEGORY}, the same brand {@value #SAME_BRAND}, each shared attribute value 1 (up to
     * {@value #MAX_SHARED_ATTRIBUTES}), so the category decides first, then the brand, then the
     * attributes; ties go to the more popular. Candidates come from the subject's category and brand
     * lists and, if those are too few, from the most popular items sharing an attribute value: a
     * bounded number, never the whole catalog.
     */
    private static void similar(Answer answer, Item subject, RecommendationModel.Popular popular, Scratch scratch) {
        if (answer.full()) {
            return;
        }
        Item[] items = answer.model.items;
        int[] candidates = scratch.candidates;
        long[] order = scratch.order;
        int n = 0;
        int[] sameCategory = category(popular, subject.category);
        for (int i = 0, seen = 0; i < sameCategory.length && seen < SIMILAR_CANDIDATES; i++) {
            Item item = items[sameCategory[i]];
            if (answer.allowed(item)) {
                seen++;
                int score = SAME_CATEGORY + (item.brand == subject.brand ? SAME_BRAND : 0) + shared(subject, item);
                n = candidate(candidates, order, n, item.id, score);
            }
        }
        int[] sameBrand = subject.brand >= 0 && subject.brand < popular.byBrand().length
                ? popular.byBrand()[subject.brand] : new int[0];
        for (int i = 0, seen = 0; i < sameBrand.length && seen < SIMILAR_CANDIDATES; i++) {
            Item item = items[sameBrand[i]];
            if (item.category != subject.category && answer.allowed(item)) {
                seen++;
                n = candidate(candidates, order, n, item.id, SAME_BRAND + shared(subject, item));
            }
        }
        if (n < answer.remaining() && subject.attributes.length > 0) {
            int[] overall = popular.overall();
            for (int i = 0; i < overall.length && i < SIMILAR_CANDIDATES; i++) {
                Item item = items[overall[i]];
                if (item.category != subject.category && item.brand != subject.brand && answer.allowed(item)) {
                    int shared = shared(subject, item);
                    if (shared > 0) {
                        n = candidate(candidates, order, n, item.id, shared);
                    }
                }
            }
        }
        Arrays.sort(order, 0, n);
        for (int i = n - 1; i >= 0 && !answer.full(); i--) {
            int id = candidates[Integer.MAX_VALUE - (int) order[i]];
            int score = (int) (order[i] >>> 32);
            answer.add(id, answer.filler(Reason.SIMILAR_PRODUCT, score), Reason.SIMILAR_PRODUCT);
        }
    }

    private static int shared(Item subject, Item item) {
        return Math.min(MAX_SHARED_ATTRIBUTES, subject.sharedAttributes(item));
    }

    /** Adds a candidate; the sort key is its score, then the order found (the more popular first). */
    private static int candidate(int[] candidates, long[] order, int n, int id, int score) {
        candidates[n] = id;
        order[n] = ((long) score << 32) | (Integer.MAX_VALUE - n);
        return n + 1;
    }

    private static int[] category(RecommendationModel.Popular popular, int category) {
        return category >= 0 && category < popular.byCategory().length ? popular.byCategory()[category] : new int[0];
    }

    /** An answer being built: exclusions, the items so far, scores relative to the first. */
    private static final class Answer {
        private final RecommendationModel model;
        private final int size;
        private final List<Recommendation> items;
        private final int[] chosen;
        private int[] excluded = new int[32];
        private int excludedCount;
        private float top;
        /** The filler tier being added (null: none yet), its base score and the value of its first item. */
        private Reason fillReason;
        private float fillBase;
        private float fillTop;

        Answer(RecommendationModel model, int size) {
            this.model = model;
            this.size = size;
            this.items = new ArrayList<>(size);
            this.chosen = new int[size];
        }

        boolean full() {
            return items.size() >= size;
        }

        int remaining() {
            return size - items.size();
        }

        void exclude(int item) {
            if (excludedCount == excluded.length) {
                excluded = Arrays.copyOf(excluded, excludedCount * 2);
            }
            excluded[excludedCount++] = item;
        }

        void excludeCart(String cartId) {
            if (cartId != null) {
                excludeCart(RecentIds.key(cartId));
            }
        }

        void excludeCart(long cartKey) {
            RecommendationModel.Cart cart = cartKey == 0 ? null : model.carts.get(cartKey);
            if (cart != null) {
                int count = Math.min(cart.size, cart.items.length);
                for (int i = 0; i < count; i++) {
                    exclude(cart.items[i]);
                }
            }
        }

        boolean allowed(Item item) {
            return item.recommendable() && !contains(excluded, excludedCount, item.id)
                    && !contains(chosen, items.size(), item.id);
        }

        void add(int id, float score, Reason reason) {
            Item item = model.items[id];
            if (full() || !allowed(item)) {
                return;
            }
            if (items.isEmpty()) {
                top = score > 0 ? score : 1;
            }
            float relative = Math.max(0, Math.min(1, score / top));
            chosen[items.size()] = id;
            items.add(new Recommendation(item.product(), item.available == Item.UNKNOWN_STOCK ? null : item.available,
                    relative, reason));
        }

        /** Adds popular items, scored below what came before, relative to the first popular one. */
        void fill(int[] popular) {
            for (int i = 0; i < popular.length && !full(); i++) {
                Item item = model.items[popular[i]];
                if (allowed(item)) {
                    add(item.id, filler(Reason.POPULAR_IN_CATEGORY, item.popularity), Reason.POPULAR_IN_CATEGORY);
                }
            }
        }

        /**
         * The score of a filler whose own measure is {@code value}: the first of a tier scores just
         * below what came before it (or 1 when nothing did), the others relative to that first one.
         */
        float filler(Reason tier, float value) {
            if (tier != fillReason) {
                fillReason = tier;
                fillBase = items.isEmpty() ? 1 : items.get(items.size() - 1).score() * FILL_BELOW * top;
                fillTop = value > 0 ? value : 1;
                if (items.isEmpty()) {
                    top = 1;
                }
            }
            return fillBase * Math.min(1, value / fillTop);
        }

        private static boolean contains(int[] values, int count, int value) {
            for (int i = 0; i < count; i++) {
                if (values[i] == value) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Per-thread candidate accumulation: an open-addressing int → score table, cleared by its used list. */
    private static final class Scratch {
        private static final int SLOTS = 4096; // up to 20 seeds × 50 neighbours = 1,000 candidates
        final int[] keys = new int[SLOTS];
        final float[] scores = new float[SLOTS];
        final float[] strongest = new float[SLOTS];
        final boolean[] bought = new boolean[SLOTS];
        final boolean[] taken = new boolean[SLOTS];
        final int[] slots = new int[SLOTS];
        final long[] order = new long[SLOTS];
        /** "Similar products" candidates (item ids), indexed by the low bits of {@link #order}. */
        final int[] candidates = new int[3 * SIMILAR_CANDIDATES];
        int used;

        void clear() {
            for (int i = 0; i < used; i++) {
                taken[slots[i]] = false;
            }
            used = 0;
        }

        void add(int key, float score, boolean pairBought) {
            int mask = SLOTS - 1;
            int slot = (key * 0x9E3779B9) >>> 20 & mask;
            while (taken[slot] && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            if (!taken[slot]) {
                if (used == SLOTS / 2) {
                    return; // cannot happen with the caps above; never loop on a full table
                }
                taken[slot] = true;
                keys[slot] = key;
                scores[slot] = 0;
                strongest[slot] = -1;
                slots[used++] = slot;
            }
            scores[slot] += score;
            if (score > strongest[slot]) {
                strongest[slot] = score;
                bought[slot] = pairBought;
            }
        }
    }
}

package org.emporium.recommendations.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Answers from the model: products like a product, and products for a shopper. Never the subject
 * itself, the shopper's recent items, what is in the cart, deleted or never-catalogued SKUs, or
 * items out of stock. Allocation-light: per-thread scratch tables, no sorting of the catalog.
 */
public final class Recommender {

    private static final float FILL_BELOW = 0.9f;
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
        private float fillBase = -1;
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
                if (!allowed(item)) {
                    continue;
                }
                if (fillBase < 0) {
                    fillBase = items.isEmpty() ? 1 : items.get(items.size() - 1).score() * FILL_BELOW * top;
                    fillTop = item.popularity > 0 ? item.popularity : 1;
                    if (items.isEmpty()) {
                        top = 1;
                    }
                }
                add(item.id, fillBase * Math.min(1, item.popularity / fillTop), Reason.POPULAR_IN_CATEGORY);
            }
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

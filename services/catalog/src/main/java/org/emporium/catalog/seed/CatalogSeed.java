package org.emporium.catalog.seed;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * A generated catalog of about 2,400 products in 12 categories, realistic enough that search
 * and recommendations have something to work with: shoppers' words in names, brands spanning
 * related categories, product lines, prices that follow specs.
 *
 * <p>Every category is described by a vocabulary (brands, product kinds with name templates,
 * attribute values and description sentences) and expanded by a seeded {@link Random}.
 * {@code java.util.Random} is used, and only its {@code nextInt(bound)}, because its algorithm is
 * fixed by the Java specification: the output is the same on every JDK and machine.
 *
 * <p>The vocabularies are data, not code: {@value #VOCABULARY} beside this class, one entry per
 * category in generation order. Its fields are those of {@link CategoryPlan}, {@link Brand} and
 * {@link ProductKind} below; an unknown field fails the load. The order of every list and map in
 * it is part of the output (draws index into them), so reordering an entry reshuffles that
 * category's products. Price ranges are whole dollars; the generator adds cents and moves a price
 * to a shelf-like ending (…9, …4), so maxima end in 9 or 4.
 *
 * <p>Templates use {@code {key}} placeholders resolved against the brand, the kind's noun, the
 * drawn words and attributes; {@code {key_lc}} gives the value in lower case.
 */
public final class CatalogSeed {

    static final String VOCABULARY = "vocabulary.json";
    // Changing the seed reshuffles every product; change it deliberately, never per run.
    private static final long SEED = 20_240_611L;
    // Retries per product when a drawn name is already taken; vocabularies are sized so a few suffice.
    private static final int MAX_ATTEMPTS = 200;
    // Most shelf prices end in .99; .95, .49 and round prices are less common.
    private static final int[] CENTS = {99, 99, 99, 99, 95, 95, 49, 0};

    private CatalogSeed() {
    }

    public static List<SeedCategory> categories() {
        List<SeedCategory> categories = new ArrayList<>();
        for (CategoryPlan plan : plans()) {
            categories.add(plan.category());
        }
        return List.copyOf(categories);
    }

    /**
     * Deterministic: same list, same order, every call, on every machine and JDK. Generated afresh
     * on each call (it takes milliseconds), so callers that need it repeatedly should keep it.
     */
    public static List<SeedProduct> products() {
        Set<String> takenNames = new HashSet<>(); // membership only; its order is never used
        List<SeedProduct> products = new ArrayList<>(2_500);
        for (CategoryPlan plan : plans()) {
            plan.generate(takenNames, products);
        }
        return List.copyOf(products);
    }

    private static List<CategoryPlan> plans() {
        return Vocabulary.LOADED.categories();
    }

    // ---------------------------------------------------------------------------------------------
    // The vocabulary, as read from the resource: immutable, so it is read once and shared.
    // ---------------------------------------------------------------------------------------------

    /** The resource's top level: the categories in generation order. */
    record Vocabulary(List<CategoryPlan> categories) {

        static final Vocabulary LOADED = load();

        Vocabulary {
            categories = List.copyOf(categories);
        }

        private static Vocabulary load() {
            // unknown fields fail by default; a null number fails too, rather than reading as 0
            ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
            try (InputStream in = CatalogSeed.class.getResourceAsStream(VOCABULARY)) {
                if (in == null) {
                    throw new IllegalStateException(VOCABULARY + " is missing beside " + CatalogSeed.class.getName());
                }
                return json.readValue(in, Vocabulary.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the seed vocabulary " + VOCABULARY, e);
            }
        }
    }

    /** An optional list: absent in the resource means empty. */
    private static List<String> listOrEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** An optional map of pools, in the resource's order (Map.copyOf would lose it). */
    private static Map<String, List<String>> poolsOrEmpty(Map<String, List<String>> pools) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (pools != null) {
            pools.forEach((key, pool) -> copy.put(key, List.copyOf(pool)));
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * A brand as it appears in one category: how prolific it is ({@code weight}), how it prices
     * against the category ({@code pricePercent}, 100 = middle of the market), its own product
     * lines (optional), and optionally the only kinds it makes there ({@code only}).
     */
    record Brand(String name, int weight, int pricePercent, List<String> lines,
                 @JsonProperty("only") List<String> onlyNouns) {

        Brand {
            Objects.requireNonNull(name, "brand name");
            lines = listOrEmpty(lines);
            onlyNouns = listOrEmpty(onlyNouns);
        }

        boolean makes(ProductKind kind) {
            return onlyNouns.isEmpty() || onlyNouns.contains(kind.noun);
        }
    }

    /**
     * One kind of product within a category, with everything needed to name, describe and price
     * it: {@code words} are placeholder pools used in templates only (optional; unlike attributes
     * they are not stored on the product); {@code pricedBy} names attributes whose values are
     * listed cheapest first, which pull the price up the range.
     */
    record ProductKind(String noun, int minDollars, int maxDollars, int weight, List<String> names,
                       Map<String, List<String>> words, Map<String, List<String>> attributes,
                       List<String> pricedBy, List<String> features) {

        ProductKind {
            Objects.requireNonNull(noun, "kind noun");
            names = listOrEmpty(names);
            words = poolsOrEmpty(words);
            attributes = poolsOrEmpty(attributes);
            pricedBy = listOrEmpty(pricedBy);
            features = listOrEmpty(features);
        }
    }

    /** A category and its vocabulary: the brands, the shared word pools, the kinds and the sentences. */
    record CategoryPlan(String slug, String name, String skuPrefix, int size, String description,
                        List<Brand> brands, Map<String, List<String>> words, List<ProductKind> kinds,
                        List<String> intros, List<String> features, List<String> closings) {

        CategoryPlan {
            Objects.requireNonNull(slug, "category slug");
            Objects.requireNonNull(name, slug + " name");
            Objects.requireNonNull(skuPrefix, slug + " skuPrefix");
            Objects.requireNonNull(description, slug + " description");
            brands = List.copyOf(brands);
            words = poolsOrEmpty(words);
            kinds = List.copyOf(kinds);
            intros = listOrEmpty(intros);
            features = listOrEmpty(features);
            closings = listOrEmpty(closings);
        }

        SeedCategory category() {
            return new SeedCategory(slug, name, description);
        }

        void generate(Set<String> takenNames, List<SeedProduct> out) {
            checkVocabulary();
            // Each category draws from its own stream, so editing one category's vocabulary leaves
            // every other category's products exactly as they were.
            Random random = new Random(SEED * 31 + slug.hashCode());
            for (int number = 1; number <= size; number++) {
                out.add(draw(sku(number), random, takenNames));
            }
        }

        private String sku(int number) {
            String digits = Integer.toString(number);
            return skuPrefix + "-" + "000000".substring(digits.length()) + digits;
        }

        private SeedProduct draw(String sku, Random random, Set<String> takenNames) {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                ProductKind kind = kinds.get(pickWeighted(kindWeights(), random));
                List<Brand> makers = makersOf(kind);
                Brand brand = makers.get(pickWeighted(brandWeights(makers), random));

                Map<String, String> values = new HashMap<>(); // lookup only, never iterated
                values.put("brand", brand.name());
                values.put("noun", kind.noun);
                for (Map.Entry<String, List<String>> word : words.entrySet()) {
                    values.put(word.getKey(), pick(word.getValue(), random));
                }
                if (!brand.lines().isEmpty()) {
                    values.put("line", pick(brand.lines(), random));
                }
                for (Map.Entry<String, List<String>> word : kind.words.entrySet()) {
                    values.put(word.getKey(), pick(word.getValue(), random));
                }

                Map<String, String> attributes = new LinkedHashMap<>();
                int pricedPermilleSum = 0;
                for (Map.Entry<String, List<String>> attribute : kind.attributes.entrySet()) {
                    List<String> pool = attribute.getValue();
                    int index = random.nextInt(pool.size());
                    String value = fill(pool.get(index), values);
                    attributes.put(attribute.getKey(), value);
                    values.put(attribute.getKey(), value);
                    if (kind.pricedBy.contains(attribute.getKey())) {
                        pricedPermilleSum += pool.size() == 1 ? 500 : index * 1000 / (pool.size() - 1);
                    }
                }

                String productName = tidy(fill(pick(kind.names, random), values));
                if (!takenNames.add(productName)) {
                    continue;
                }
                int pricedPermille = kind.pricedBy.isEmpty() ? -1 : pricedPermilleSum / kind.pricedBy.size();
                BigDecimal price = price(kind, brand, pricedPermille, random);
                String description = describe(kind, values, random);
                return new SeedProduct(sku, productName, description, brand.name(), slug, price, attributes);
            }
            throw new IllegalStateException("Vocabulary of " + slug + " is too small for " + size
                    + " unique product names");
        }

        private int[] kindWeights() {
            int[] weights = new int[kinds.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = kinds.get(i).weight;
            }
            return weights;
        }

        private List<Brand> makersOf(ProductKind kind) {
            List<Brand> makers = new ArrayList<>(brands.size());
            for (Brand brand : brands) {
                if (brand.makes(kind)) {
                    makers.add(brand);
                }
            }
            return makers;
        }

        private static int[] brandWeights(List<Brand> makers) {
            int[] weights = new int[makers.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = makers.get(i).weight();
            }
            return weights;
        }

        /**
         * Specs decide roughly where in the kind's range a price falls, with some noise; without
         * specs, cheaper prices are more common. The brand then nudges it up or down.
         */
        private static BigDecimal price(ProductKind kind, Brand brand, int pricedPermille, Random random) {
            int noise = random.nextInt(1001);
            int position = pricedPermille >= 0
                    ? (3 * pricedPermille + noise) / 4
                    : Math.min(noise, random.nextInt(1001));
            int span = kind.maxDollars - kind.minDollars;
            int dollars = kind.minDollars + span * position / 1000;
            dollars = Math.clamp((long) dollars * brand.pricePercent() / 100, kind.minDollars, kind.maxDollars);
            int cents;
            if (dollars >= 100) {
                dollars = dollars / 10 * 10 + 9;      // 1,299 rather than 1,284
                cents = random.nextInt(3) == 0 ? 0 : 99;
            } else {
                if (dollars >= 20) {
                    dollars = dollars / 5 * 5 + 4;    // 24, 29, 34 ...
                }
                cents = CENTS[random.nextInt(CENTS.length)];
            }
            return BigDecimal.valueOf(dollars * 100L + cents, 2);
        }

        /** Intro, one kind-specific feature, then maybe a general feature and a closing: 2 to 4 sentences. */
        private String describe(ProductKind kind, Map<String, String> values, Random random) {
            List<String> sentences = new ArrayList<>(4);
            sentences.add(pick(intros, random));
            sentences.add(pick(kind.features, random));
            if (random.nextInt(3) > 0) {
                sentences.add(pick(features, random));
            }
            if (random.nextInt(2) == 0) {
                sentences.add(pick(closings, random));
            }
            StringBuilder text = new StringBuilder(400);
            for (String sentence : sentences) {
                String filled = fill(sentence, values);
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(Character.toUpperCase(filled.charAt(0))).append(filled, 1, filled.length());
            }
            return text.toString();
        }

        // Typos in the tables should fail the first run loudly rather than produce odd data.
        private void checkVocabulary() {
            List<String> nouns = new ArrayList<>();
            for (ProductKind kind : kinds) {
                String where = slug + "/" + kind.noun;
                if (kind.attributes.size() < 3 || kind.attributes.size() > 6) {
                    throw new IllegalStateException(where + " must have 3 to 6 attributes");
                }
                if (kind.names.isEmpty() || kind.features.isEmpty()) {
                    throw new IllegalStateException(where + " needs name templates and features");
                }
                if (!kind.attributes.keySet().containsAll(kind.pricedBy)) {
                    throw new IllegalStateException(where + " is priced by an unknown attribute");
                }
                if (makersOf(kind).isEmpty()) {
                    throw new IllegalStateException(where + " has no brand");
                }
                nouns.add(kind.noun);
            }
            for (Brand brand : brands) {
                if (!nouns.containsAll(brand.onlyNouns())) {
                    throw new IllegalStateException(slug + "/" + brand.name() + " names an unknown kind");
                }
            }
        }
    }

    private static <T> T pick(List<T> pool, Random random) {
        return pool.get(random.nextInt(pool.size()));
    }

    /** The index of a randomly chosen entry, each as likely as its weight. */
    private static int pickWeighted(int[] weights, Random random) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int ticket = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            ticket -= weights[i];
            if (ticket < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable: the ticket is below the total weight");
    }

    /**
     * Replaces each {@code {key}} with its value; {@code {key_lc}} gives the value in lower case.
     * Hand-rolled rather than a regex: it runs some 30,000 times and must stay cheap when cold.
     */
    private static String fill(String template, Map<String, String> values) {
        int open = template.indexOf('{');
        if (open < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 48);
        int from = 0;
        while (open >= 0) {
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalStateException("Unclosed placeholder in: " + template);
            }
            out.append(template, from, open).append(resolve(template.substring(open + 1, close), values, template));
            from = close + 1;
            open = template.indexOf('{', from);
        }
        return out.append(template, from, template.length()).toString();
    }

    private static String resolve(String key, Map<String, String> values, String template) {
        boolean lowerCase = key.endsWith("_lc") && !values.containsKey(key);
        String value = values.get(lowerCase ? key.substring(0, key.length() - 3) : key);
        if (value == null) {
            throw new IllegalStateException("Unknown placeholder {" + key + "} in: " + template);
        }
        return lowerCase ? value.toLowerCase(Locale.ROOT) : value;
    }

    /** Removes the double spaces an empty word (such as a blank edition) leaves behind. */
    private static String tidy(String name) {
        String tidied = name.strip();
        while (tidied.contains("  ")) {
            tidied = tidied.replace("  ", " ");
        }
        return tidied;
    }
}

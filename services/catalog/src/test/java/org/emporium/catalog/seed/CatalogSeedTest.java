package org.emporium.catalog.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogSeedTest {

    private static final List<SeedProduct> PRODUCTS = CatalogSeed.products();
    private static final List<SeedCategory> CATEGORIES = CatalogSeed.categories();
    private static final Pattern SLUG = Pattern.compile("[a-z]+(-[a-z]+)*");
    private static final Pattern SKU = Pattern.compile("([A-Z]{3})-(\\d{6})");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    @Test
    void hasAtLeastTwoThousandProductsInAtLeastTenCategories() {
        assertThat(PRODUCTS).hasSizeGreaterThanOrEqualTo(2_000);
        assertThat(CATEGORIES).hasSizeGreaterThanOrEqualTo(10);
        assertThat(CATEGORIES).extracting(SeedCategory::slug)
                .doesNotHaveDuplicates()
                .allMatch(slug -> SLUG.matcher(slug).matches(), "is lowercase-hyphenated");

        Map<String, Long> sizes = countBy(SeedProduct::categorySlug);
        // Search and facets should see categories of different sizes, none dominating.
        assertThat(sizes.values()).allSatisfy(size -> assertThat(size).isBetween(100L, 320L));
        assertThat(Set.copyOf(sizes.values())).hasSizeGreaterThan(sizes.size() / 2);
    }

    @Test
    void isDeterministic() {
        List<SeedProduct> again = CatalogSeed.products();

        assertThat(again).isNotSameAs(PRODUCTS).isEqualTo(PRODUCTS);
        assertThat(CatalogSeed.categories()).isEqualTo(CATEGORIES);
        // Map equality ignores order, but renderings and hashes of the seed do not.
        for (int i = 0; i < PRODUCTS.size(); i++) {
            assertThat(again.get(i).attributes().keySet())
                    .containsExactlyElementsOf(PRODUCTS.get(i).attributes().keySet());
        }
    }

    /**
     * The catalog shoppers, tests and benchmarks know, pinned: moving or editing the generator or
     * its vocabulary must leave every product as it was (or change these pins on purpose). The
     * digest covers every category and product as its record renders, attribute order included.
     */
    @Test
    void generatesExactlyThePinnedCatalog() throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        CATEGORIES.forEach(category -> digest.update((category + "\n").getBytes(StandardCharsets.UTF_8)));
        PRODUCTS.forEach(product -> digest.update((product + "\n").getBytes(StandardCharsets.UTF_8)));

        assertThat(PRODUCTS).hasSize(2_410);
        assertThat(HexFormat.of().formatHex(digest.digest()))
                .isEqualTo("455cbcedfd3ed96f80c191937076538e00ed8d6870e925a4b8abe403a638add1");
        assertThat(PRODUCTS.getFirst()).isEqualTo(new SeedProduct("LAP-000001",
                "Lumora Aerion 3 Ultra 15.6-inch Gaming Laptop, 8GB Dedicated Graphics, 32GB RAM",
                "Meet the Lumora Aerion: this gaming laptop wakes in a second and keeps dozens of browser tabs responsive."
                        + " 8GB Dedicated Graphics and a 165Hz panel keep fast-paced shooters smooth at high settings."
                        + " Two USB-C ports, one USB-A port and HDMI output mean fewer dongles on your desk."
                        + " Backed by a two-year limited warranty.",
                "Lumora", "laptops", new BigDecimal("1919.00"), orderedMap("screen_size", "15.6-inch",
                        "gpu", "8GB Dedicated Graphics", "refresh_rate", "165Hz", "ram", "32GB", "storage", "1TB SSD",
                        "color", "Arctic White")));
        Map<String, SeedProduct> bySku = PRODUCTS.stream().collect(Collectors.toMap(SeedProduct::sku, Function.identity()));
        assertThat(bySku.get("PHN-000001")).extracting(SeedProduct::name, SeedProduct::brand, SeedProduct::price)
                .containsExactly("Aperon Slim Silicone Case for Aperon Prism 20 Plus, Navy", "Aperon", new BigDecimal("49.99"));
        assertThat(bySku.get("CKW-000106")).extracting(SeedProduct::name, SeedProduct::brand, SeedProduct::price)
                .containsExactly("Copperleaf Enameled Cast Iron 3.5-Quart Dutch Oven with Lid, Marine Blue", "Copperleaf",
                        new BigDecimal("64.95"));
        assertThat(PRODUCTS.getLast()).extracting(SeedProduct::sku, SeedProduct::name, SeedProduct::price)
                .containsExactly("COF-000180", "Cerro Alto Organic Sumatra Mandheling Light Roast Whole Bean Coffee, 340 g (12 oz)",
                        new BigDecimal("14.99"));
        assertThat(PRODUCTS.getLast().attributes().keySet())
                .containsExactly("origin", "roast", "weight", "tasting_notes", "certification");
    }

    @Test
    void skusAndNamesAreUnique() {
        assertThat(PRODUCTS).extracting(SeedProduct::sku).doesNotHaveDuplicates();
        assertThat(PRODUCTS).extracting(SeedProduct::name).doesNotHaveDuplicates();

        // One prefix per category, numbered 1, 2, 3 ... in generation order, so SKUs stay stable.
        Map<String, List<String>> skusByCategory = PRODUCTS.stream().collect(Collectors.groupingBy(
                SeedProduct::categorySlug, TreeMap::new, Collectors.mapping(SeedProduct::sku, Collectors.toList())));
        Set<String> prefixes = new TreeSet<>();
        skusByCategory.forEach((slug, skus) -> {
            for (int i = 0; i < skus.size(); i++) {
                var sku = SKU.matcher(skus.get(i));
                assertThat(sku.matches()).as("SKU %s of %s", skus.get(i), slug).isTrue();
                assertThat(sku.group(1)).as("prefix of %s", skus.get(i)).isEqualTo(skus.get(0).substring(0, 3));
                assertThat(Integer.parseInt(sku.group(2))).as("number of %s", skus.get(i)).isEqualTo(i + 1);
            }
            prefixes.add(skus.get(0).substring(0, 3));
        });
        assertThat(prefixes).hasSameSizeAs(skusByCategory.keySet());
        // and every one is in the format the catalog's API accepts and publishes
        assertThat(PRODUCTS).extracting(SeedProduct::sku)
                .allMatch(sku -> sku.matches(org.emporium.catalog.api.ProductRequest.SKU_PATTERN));
    }

    @Test
    void everyProductBelongsToAKnownCategoryAndEveryCategoryHasProducts() {
        List<String> slugs = CATEGORIES.stream().map(SeedCategory::slug).toList();

        assertThat(PRODUCTS).extracting(SeedProduct::categorySlug).allMatch(slugs::contains, "is a known category");
        assertThat(countBy(SeedProduct::categorySlug).keySet()).containsExactlyInAnyOrderElementsOf(slugs);
        assertThat(CATEGORIES).allSatisfy(category -> {
            assertThat(category.name()).isNotBlank();
            assertThat(category.description()).isNotBlank();
        });
    }

    @Test
    void pricesArePositiveWithTwoDecimals() {
        assertThat(PRODUCTS).allSatisfy(product -> {
            assertThat(product.price()).as(product.sku()).isPositive();
            assertThat(product.price().scale()).as(product.sku()).isEqualTo(2);
        });

        long shelfPrices = PRODUCTS.stream()
                .map(product -> product.price().toPlainString())
                .filter(price -> price.endsWith(".99") || price.endsWith(".95") || price.endsWith(".00")
                        || price.endsWith(".49"))
                .count();
        assertThat(shelfPrices).isGreaterThanOrEqualTo(PRODUCTS.size() * 9L / 10);

        // Prices follow the category: a typical laptop costs far more than a typical book.
        assertThat(medianPrice("laptops")).isGreaterThan(medianPrice("books").multiply(BigDecimal.TEN));
    }

    @Test
    void everyProductHasBrandDescriptionAndAttributes() {
        assertThat(PRODUCTS).allSatisfy(product -> {
            assertThat(product.brand()).as(product.sku()).isNotBlank();
            assertThat(SENTENCE_END.split(product.description())).as(product.description()).hasSizeBetween(2, 4);
            assertThat(product.attributes()).as(product.sku()).hasSizeBetween(3, 6);
            assertThat(product.attributes().values()).as(product.sku()).allMatch(value -> !value.isBlank());
            // A leftover brace means a template placeholder was not filled.
            assertThat(product.name() + product.description() + String.join("", product.attributes().values()))
                    .as(product.sku()).doesNotContain("{", "}");
        });
    }

    @Test
    void categoriesHaveFiveToNineBrandsAndSomeBrandsSpanCategories() {
        Map<String, Set<String>> brandsByCategory = PRODUCTS.stream().collect(Collectors.groupingBy(
                SeedProduct::categorySlug, Collectors.mapping(SeedProduct::brand, Collectors.toSet())));
        assertThat(brandsByCategory.values()).allSatisfy(brands -> assertThat(brands).hasSizeBetween(5, 9));

        Map<String, Set<String>> categoriesByBrand = PRODUCTS.stream().collect(Collectors.groupingBy(
                SeedProduct::brand, Collectors.mapping(SeedProduct::categorySlug, Collectors.toSet())));
        assertThat(categoriesByBrand.values()).filteredOn(categories -> categories.size() > 1).hasSizeGreaterThanOrEqualTo(3);
        assertThat(categoriesByBrand.values()).allSatisfy(categories -> assertThat(categories).hasSizeLessThanOrEqualTo(3));

        // Some brands are far more prolific than others within the same category.
        Map<String, Long> perBrand = countBy(product -> product.categorySlug() + "/" + product.brand());
        assertThat(perBrand.values().stream().mapToLong(Long::longValue).max().orElseThrow())
                .isGreaterThan(3 * perBrand.values().stream().mapToLong(Long::longValue).min().orElseThrow());
    }

    @Test
    void namesUseWordsShoppersSearchFor() {
        String names = PRODUCTS.stream().map(SeedProduct::name).collect(Collectors.joining("\n")).toLowerCase(Locale.ROOT);
        List<String> missing = new ArrayList<>();
        for (String word : List.of("wireless", "waterproof", "stainless", "organic", "ergonomic", "4k", "cotton",
                "leather", "cast iron", "noise-cancelling", "ultralight", "merino")) {
            if (!names.contains(word)) {
                missing.add(word);
            }
        }
        assertThat(missing).isEmpty();
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Long> countBy(Function<SeedProduct, String> key) {
        return PRODUCTS.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static BigDecimal medianPrice(String categorySlug) {
        List<BigDecimal> prices = PRODUCTS.stream()
                .filter(product -> product.categorySlug().equals(categorySlug))
                .map(SeedProduct::price)
                .sorted()
                .toList();
        assertThat(prices).as("products in " + categorySlug).isNotEmpty();
        return prices.get(prices.size() / 2);
    }
}

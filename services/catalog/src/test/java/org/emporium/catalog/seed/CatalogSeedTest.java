package org.emporium.catalog.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
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

package org.emporium.recommendations.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A catalog shaped like the one the catalog service seeds (about 2,400 products in 12 categories of
 * 125 to 290, five or six brands each of uneven weight, a few kinds per category with their own
 * attribute names), for tests of the seeded history without the catalog service.
 */
public final class TestCatalog {

    private static final int[] SIZES = {170, 140, 250, 125, 210, 190, 165, 235, 185, 290, 270, 180};
    private static final String[] VALUES = {"black", "white", "silver", "blue", "S", "M", "L", "cotton", "steel",
        "14-inch", "16-inch", "8 GB", "16 GB", "medium", "dark", "light"};

    private TestCatalog() {
    }

    /** Deterministic: the same products every call. */
    public static List<Product> products() {
        Random random = new Random(2_410L);
        List<Product> products = new ArrayList<>();
        for (int c = 0; c < SIZES.length; c++) {
            String category = "category-" + (char) ('a' + c);
            String prefix = String.format("C%02d", c);
            int brands = 5 + random.nextInt(2);
            for (int n = 1; n <= SIZES[c]; n++) {
                int brand = Math.min(brands - 1, (int) Math.floor(Math.pow(random.nextDouble(), 1.5) * brands));
                int kind = random.nextInt(3);
                Map<String, String> attributes = new LinkedHashMap<>();
                for (int a = 0; a < 4; a++) {
                    attributes.put("k" + kind + "-attribute-" + a, VALUES[random.nextInt(VALUES.length)]);
                }
                String sku = String.format("%s-%06d", prefix, n);
                products.add(new Product(sku, "Product " + sku, "Brand " + c + "-" + brand, category,
                        (10 + random.nextInt(490)) + ".99", "USD", "/images/" + sku + ".jpg", attributes));
            }
        }
        return products;
    }
}

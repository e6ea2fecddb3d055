package org.emporium.inventory.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The stock a SKU gets when inventory first hears of it from the catalog: about 5% out of stock
 * (0), 5% scarce (1–3 units), the rest 4–100, so shoppers and tests meet every kind of
 * availability. A function of the SKU alone, so the quantities are the same whatever order the
 * catalog's products arrive in, on every machine: {@code java.util.Random}'s algorithm and
 * {@code String.hashCode} are both fixed by the Java specification.
 */
public final class InitialStock {

    // Changing it reshuffles every quantity; change it deliberately, never per run.
    private static final long SEED = 20_240_612L;

    private InitialStock() {
    }

    public static int quantity(String sku) {
        Random random = new Random(SEED * 31 + sku.hashCode());
        int roll = random.nextInt(100);
        return roll < 5 ? 0 : roll < 10 ? 1 + random.nextInt(3) : 4 + random.nextInt(97);
    }

    /** {@link #quantity} of each SKU, in the given order. */
    public static Map<String, Integer> quantities(List<String> skus) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (String sku : skus) {
            quantities.put(sku, quantity(sku));
        }
        return quantities;
    }
}

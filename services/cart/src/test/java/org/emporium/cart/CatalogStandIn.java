package org.emporium.cart;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The catalog's {@code GET /api/catalog/products/sku/{sku}}: a few named products, any
 * {@code ANY-<n>} SKU priced at 1.<n mod 100>, any {@code TEE-<n>} SKU a T-shirt in sizes XS-XL
 * (its {@code options}, as the catalog derives them), and 404 for everything else.
 */
final class CatalogStandIn extends StandIn {

    static final Map<String, String[]> PRODUCTS = Map.of(
            "AUD-000001", new String[] {"Audio Thing 01", "10.99"},
            "AUD-000002", new String[] {"Audio Thing 02", "249.50"},
            "KIT-000001", new String[] {"Kettle", "24.00"});
    static final List<String> SIZES = List.of("XS", "S", "M", "L", "XL");
    private static final String PREFIX = "/api/catalog/products/sku/";

    @Override
    Answer answer(String path, Map<String, String> query) {
        if (!path.startsWith(PREFIX)) {
            return new Answer(404, Map.of("title", "Not found", "status", 404));
        }
        String sku = path.substring(PREFIX.length());
        String[] product = PRODUCTS.get(sku);
        if (product == null && sku.matches("ANY-[0-9]+")) {
            product = new String[] {"Anything " + sku, "1.%02d".formatted(Integer.parseInt(sku.substring(4)) % 100)};
        }
        boolean tee = product == null && sku.matches("TEE-[0-9]+");
        if (tee) {
            product = new String[] {"T-shirt " + sku, "15.00"};
        }
        if (product == null) {
            return new Answer(404, Map.of("type", "about:blank", "title", "Not found", "status", 404,
                    "detail", "no product " + sku));
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", UUID.nameUUIDFromBytes(sku.getBytes(StandardCharsets.UTF_8)).toString());
        p.put("sku", sku);
        p.put("name", product[0]);
        p.put("description", "All about " + sku + ".");
        p.put("brand", "Acme");
        p.put("category", "everything");
        p.put("price", Map.of("amount", product[1], "currency", "USD"));
        p.put("attributes", tee ? Map.of("sizes", "XS-XL") : Map.of());
        p.put("options", tee ? Map.of("size", SIZES) : Map.of());
        p.put("version", 1);
        return new Answer(200, p);
    }
}

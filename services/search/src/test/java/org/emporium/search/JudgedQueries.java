package org.emporium.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.emporium.search.index.Product;

/**
 * Relevance, judged: queries a shopper would type against the real seeded catalog, each with what
 * must be in the top 5. Two kinds of judgment, both decided from the catalog data, not from
 * what the search returns:
 * <ul>
 *   <li>{@code expect(q, skus…)}: these products must all be in the top 5 (when the right
 *       answers are five or fewer, or the shopper named one product);</li>
 *   <li>{@code expectOnly(q, what, predicate)}: when many products are right answers, every
 *       one of the top 5 must be one of them (for "coffee", no coffee tables).</li>
 * </ul>
 * Used by the unit test (in-memory index) and the integration test (through Kafka and HTTP).
 */
public final class JudgedQueries {

    /** A query and its judgment of a top 5: null when satisfied, else what is wrong. */
    public record Judgment(String query, Function<List<Product>, String> check) {
    }

    private final Map<String, Product> bySku = SeedCatalog.products().stream()
            .collect(Collectors.toMap(Product::sku, p -> p));
    private final List<Judgment> judgments = new ArrayList<>();

    private JudgedQueries() {
        // named products and small sets: these SKUs, all of them
        expect("ceremonial matcha", "COF-000030", "COF-000064");
        expect("ceremonal macha", "COF-000030", "COF-000064");                  // two typos
        expect("ergonia", "FUR-000018", "FUR-000020", "FUR-000132", "FUR-000136", "FUR-000141"); // brand, 5 products
        expect("ergonai", "FUR-000018", "FUR-000020", "FUR-000132", "FUR-000136", "FUR-000141"); // brand, transposed
        expect("polka action camera", "CAM-000102", "CAM-000111", "CAM-000116");
        expect("kite mobile wireless charging", "PHN-000070", "PHN-000076", "PHN-000107");
        expect("sonder reverie 900 soundbar", "AUD-000044");
        expect("AUD-000026", "AUD-000026");                                     // a SKU typed as is
        expect("aud-000026", "AUD-000026");
        expect("cast iron skillet", "CKW-000139", "CKW-000118", "CKW-000122"); // the skillet and both frying pans
        // titles, product lines and models: every product the words name (found with grep in the seed)
        expect("the ninth archive", "BOK-000020");
        expect("oath of emberfall", "BOK-000080");
        expect("oath of emberfal", "BOK-000080");                               // typo
        expect("sheet pan kitchen", "BOK-000054", "BOK-000200");
        expect("radiant protocol", "BOK-000260");
        expect("patient habit", "BOK-000140");
        expect("orange pekoe", "COF-000050");
        expect("assam golden tips", "COF-000016", "COF-000115", "COF-000170");
        expect("asam golden tips", "COF-000016", "COF-000115", "COF-000170");   // typo
        expect("cerrado dark roast", "COF-000110");
        expect("copperleaf air fryer", "KAP-000072", "KAP-000098", "KAP-000108", "KAP-000155");
        expect("trailmark switchback tent", "OUT-000005", "OUT-000044", "OUT-000087", "OUT-000170", "OUT-000190");
        expect("milecrest tempo 5", "RUN-000075", "RUN-000133", "RUN-000151");
        expect("aperon vanta 9", "CAM-000032", "CAM-000100");                   // not the Vanta 90s
        expect("tessel crest 12", "PHN-000130");
        expect("kestrel drift kids headphones", "AUD-000230");
        expect("sonder turntable", "AUD-000006", "AUD-000049", "AUD-000102", "AUD-000170");
        expect("lumora halo gaming laptop", "LAP-000018", "LAP-000019", "LAP-000060", "LAP-000129", "LAP-000137");
        expect("pinecrest camp chair", "OUT-000092", "OUT-000130", "OUT-000195");
        expect("formwell leather office chair", "FUR-000067", "FUR-000115");
        expect("formwel lether ofice chair", "FUR-000067", "FUR-000115");      // three typos

        // many right answers: the top 5 must all be right
        expectOnly("headphones", "headphones", name("Headphones"));
        expectOnly("hedphones", "headphones", name("Headphones"));              // typo
        expectOnly("noise cancelling headphones", "noise-cancelling headphones", name("Noise[- ]Cancel.*Headphones"));
        expectOnly("laptop", "laptops", category("laptops"));
        expectOnly("labtop", "laptops", category("laptops"));                   // typo
        expectOnly("gaming laptop", "gaming laptops", name("Gaming Laptop"));
        expectOnly("cameras", "cameras, not camera bags", name("(Mirrorless|Action|Instant Film) Camera"));
        expectOnly("mirrorless camera", "mirrorless cameras, not books", name("Mirrorless Camera").and(category("cameras")));
        expectOnly("furniture", "furniture", category("furniture"));            // category only
        expectOnly("books", "books", category("books"));                        // category only
        expectOnly("running shoes", "running shoes", name("Running Shoes"));
        expectOnly("trail runing shoes", "trail running shoes", name("Trail Running Shoes")); // typo
        expectOnly("coffee", "coffee, not coffee tables", name("Coffee").and(category("coffee-tea")));
        expectOnly("coffe", "coffee, not coffee tables", name("Coffee").and(category("coffee-tea"))); // typo
        expectOnly("espresso machine", "espresso machines", name("Espresso Machine"));
        expectOnly("expresso machine", "espresso machines", name("Espresso Machine")); // common misspelling
        expectOnly("dutch oven", "Dutch ovens, not cookbooks", name("Dutch Oven").and(category("cookware")));
        expectOnly("kettle", "kettles, not Kettle & Crane tea", name("Kettle,|Kettle with").and(category("kitchen-appliances")));
        expectOnly("phone case", "phone cases", name("Case for"));
        expectOnly("bluetooth speaker", "speakers", name("Speaker"));
        expectOnly("hiking backpack", "hiking backpacks", name("Hiking Backpack"));
        expectOnly("camera backpack", "camera backpacks", name("Camera Backpack"));
        expectOnly("chef knife", "chef's knives", name("Chef's Knife"));
        expectOnly("wireless earbuds", "earbuds", name("Earbuds"));
        expectOnly("standing desk", "standing desks", name("Standing Desk"));
        expectOnly("merino base layer", "merino base layers", name("Merino Wool Base Layer"));
        expectOnly("stainles steel saucepan", "saucepans", name("Saucepan"));  // typo
        expectOnly("sleeper sofa", "sleeper sofas", name("Sleeper Sofa"));
        expectOnly("sonder", "Sonder products", brand("Sonder"));              // brand only
        expectOnly("Kettle & Crane", "Kettle & Crane products", brand("Kettle & Crane"));
        expectOnly("tarnridge tent", "Tarnridge tents", brand("Tarnridge").and(name("Tent")));
        expectOnly("fantasy novel", "fantasy novels", category("books").and(p -> p.description().contains("fantasy")));

    }

    public static List<Judgment> all() {
        return List.copyOf(new JudgedQueries().judgments);
    }

    /** Runs every judgment against {@code top5} (query → SKUs of its top 5) and lists the misses. */
    public static List<String> misses(Function<String, List<String>> top5) {
        Map<String, Product> bySku = SeedCatalog.products().stream().collect(Collectors.toMap(Product::sku, p -> p));
        List<String> misses = new ArrayList<>();
        for (Judgment judgment : all()) {
            List<Product> top = top5.apply(judgment.query()).stream().map(bySku::get).toList();
            String miss = judgment.check().apply(top);
            if (miss != null) {
                misses.add("'" + judgment.query() + "': " + miss + "; top 5 were "
                        + top.stream().map(p -> p == null ? "?" : p.sku() + " " + p.name()).toList());
            }
        }
        return misses;
    }

    private void expect(String query, String... skus) {
        for (String sku : skus) {
            if (!bySku.containsKey(sku)) {
                throw new IllegalStateException("judged SKU " + sku + " is not in the seed");
            }
        }
        judgments.add(new Judgment(query, top -> {
            List<String> found = top.stream().map(p -> p == null ? "?" : p.sku()).toList();
            List<String> missing = List.of(skus).stream().filter(s -> !found.contains(s)).toList();
            return missing.isEmpty() ? null : "missing " + missing;
        }));
    }

    private void expectOnly(String query, String what, Predicate<Product> right) {
        judgments.add(new Judgment(query, top -> {
            if (top.size() < 5) {
                return "fewer than 5 results";
            }
            List<String> wrong = top.stream().filter(p -> p == null || !right.test(p))
                    .map(p -> p == null ? "?" : p.sku()).toList();
            return wrong.isEmpty() ? null : wrong + " are not " + what;
        }));
    }

    private static Predicate<Product> name(String regex) {
        Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        return p -> pattern.matcher(p.name()).find();
    }

    private static Predicate<Product> category(String slug) {
        return p -> p.category().equals(slug);
    }

    private static Predicate<Product> brand(String brand) {
        return p -> p.brand().equals(brand);
    }
}

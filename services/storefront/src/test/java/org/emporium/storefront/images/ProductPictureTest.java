package org.emporium.storefront.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.emporium.storefront.client.Money;
import org.emporium.storefront.client.catalog.Product;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ProductPictureTest {

    private static Product product(String sku, String name, String category, Map<String, Object> attributes) {
        return new Product("id-" + sku, sku, name, "", "Brand", category, new Money("10.00", "USD"),
                null, attributes);
    }

    private static Document parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static String shapeOf(String svg) throws Exception {
        return parse(svg).getElementsByTagName("g").item(0).getAttributes().getNamedItem("data-shape").getNodeValue();
    }

    @Test
    void theKindOfThingComesFromTheCategoryAndTheName() throws Exception {
        assertThat(shapeOf(ProductPicture.svg(product("KIT-000001", "Brava Pure 1.7L Electric Kettle", "kitchen-appliances", Map.of()))))
                .isEqualTo("kettle");
        assertThat(shapeOf(ProductPicture.svg(product("FUR-000001", "Oakline Haven 3-Seat Sofa", "furniture", Map.of()))))
                .isEqualTo("sofa");
        assertThat(shapeOf(ProductPicture.svg(product("APP-000001", "Northway Classic Crew Neck T-Shirt, Navy", "apparel", Map.of()))))
                .isEqualTo("t-shirt");
        assertThat(shapeOf(ProductPicture.svg(product("APP-000002", "Northway Slim-Fit Jeans", "apparel", Map.of()))))
                .isEqualTo("trousers");
        assertThat(shapeOf(ProductPicture.svg(product("PHN-000001", "Lumen Rugged Case for Lumen Nova 9, Black", "smartphones", Map.of()))))
                .isEqualTo("phone case");
        assertThat(shapeOf(ProductPicture.svg(product("PHN-000002", "Lumen Nova 9 Pro 5G Smartphone, 256GB", "smartphones", Map.of()))))
                .isEqualTo("phone");
        // a category the shop does not know (an admin's new one) still gets a drawing
        assertThat(shapeOf(ProductPicture.svg(product("DEMO-1", "Emporium demo lantern", "gadgets", Map.of()))))
                .isEqualTo("gift");
    }

    @Test
    void theColourComesFromTheColourAttribute() {
        String navy = ProductPicture.svg(product("APP-000001", "Tee", "apparel", Map.of("color", "Navy")));
        String rust = ProductPicture.svg(product("APP-000001", "Tee", "apparel", Map.of("color", "Rust")));

        assertThat(navy).contains(new Paint(225, 55, 25).css()).isNotEqualTo(rust);
        assertThat(rust).contains(new Paint(15, 65, 40).css());
        // whole words: tempered glass is not red
        assertThat(Paint.named("Tempered glass")).isEmpty();
        assertThat(Paint.named("Brushed Stainless")).contains(new Paint(210, 6, 70));
        assertThat(Paint.named(Map.of("material", "Oak veneer", "color", "Forest Green"))).contains(new Paint(140, 40, 30));
    }

    @Test
    void theSameProductAlwaysLooksTheSame() {
        Product p = product("COF-000003", "Ridge Roasters Espresso Blend", "coffee-tea", Map.of("roast", "Dark"));
        assertThat(ProductPicture.svg(p)).isEqualTo(ProductPicture.svg(p));
    }

    @Test
    void aBookCoverCarriesItsTitleAndAuthorEscaped() throws Exception {
        String svg = ProductPicture.svg(product("BOK-000001", "Salt & <Stone>: A Coastal Mystery", "books",
                Map.of("author", "Ada O'Neil", "genre", "Mystery")));
        Document doc = parse(svg);

        StringBuilder text = new StringBuilder();
        for (int i = 0; i < doc.getElementsByTagName("text").getLength(); i++) {
            text.append(doc.getElementsByTagName("text").item(i).getTextContent()).append('|');
        }
        assertThat(text.toString()).contains("Salt &|<Stone>: A|").contains("Ada O'Neil");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Salt & <Stone>: A Coastal Mystery");
    }

    @Test
    void longTitlesWrapIntoAtMostFourLines() {
        assertThat(ProductPicture.wrap("The Unbelievably Extraordinary Adventures of Somebody Quite Ordinary", 14, 4))
                .hasSizeLessThanOrEqualTo(4).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(14));
    }

    @Test
    void everyShapeInEveryColourIsWellFormed() throws Exception {
        String[][] samples = {
                {"laptops", "Aerion 14 Ultrabook Laptop"}, {"smartphones", "Wireless Charger Pad"}, {"smartphones", "Power Bank 20000"},
                {"headphones-audio", "Noise-Cancelling Headphones"}, {"headphones-audio", "True Wireless Earbuds"},
                {"headphones-audio", "Portable Speaker"}, {"headphones-audio", "Soundbar 2.1"}, {"headphones-audio", "Turntable"},
                {"cameras", "Mirrorless Camera"}, {"cameras", "50mm Prime Lens"}, {"cameras", "Travel Tripod"},
                {"cameras", "Camera Backpack"}, {"kitchen-appliances", "Blender"}, {"kitchen-appliances", "4-Slice Toaster"},
                {"kitchen-appliances", "Espresso Machine"}, {"kitchen-appliances", "Air Fryer"}, {"cookware", "Dutch Oven"},
                {"cookware", "Cast Iron Skillet"}, {"cookware", "Chef's Knife"}, {"cookware", "Baking Sheet Set"},
                {"furniture", "Office Chair"}, {"furniture", "Standing Desk"}, {"furniture", "Bookshelf"}, {"furniture", "Bed Frame"},
                {"outdoor-camping", "2-Person Tent"}, {"outdoor-camping", "Sleeping Bag"}, {"outdoor-camping", "Headlamp"},
                {"outdoor-camping", "Cooler"}, {"outdoor-camping", "Hammock"}, {"outdoor-camping", "Trekking Poles"},
                {"outdoor-camping", "Water Filter"}, {"running-shoes", "Road Running Shoe"}, {"running-shoes", "Running Socks"},
                {"running-shoes", "Recovery Slides"}, {"apparel", "Hoodie"}, {"apparel", "Running Shorts"},
                {"books", "A Book"}, {"coffee-tea", "Whole Bean Coffee"}, {"coffee-tea", "Green Tea"},
                {"coffee-tea", "French Press"}, {"coffee-tea", "Pour-Over Dripper"}};
        java.util.Set<String> shapes = new java.util.HashSet<>();
        for (String colour : new String[] {"Black", "Arctic White", "Sage Green", "", "Coral"}) {
            for (String[] sample : samples) {
                String svg = ProductPicture.svg(product("ABC-000001", sample[1], sample[0], Map.of("color", colour)));
                shapes.add(shapeOf(svg));
            }
        }
        assertThat(shapes).hasSizeGreaterThanOrEqualTo(40);
    }
}

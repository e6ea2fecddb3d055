package org.emporium.storefront.images;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.emporium.storefront.client.catalog.Product;
import org.emporium.storefront.web.layout.Markup;

/**
 * Draws a product's picture from what the catalog says about it: the kind of thing from its category
 * and name ({@link Shapes}: a kettle, a sofa, a hoodie), painted in the colour its attributes name
 * ({@link Paint}: "Midnight Blue", "Brushed Stainless"), on a background tinted by its category; a
 * book's cover carries its title and author. Pure function of the product, so the same product always
 * looks the same and the picture changes when its colour does. A SKU the catalog does not know (or
 * while it can't be asked) gets {@link PlaceholderImage} instead.
 */
public final class ProductPicture {

    private static final int SIZE = PlaceholderImage.SIZE;
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");

    private ProductPicture() {
    }

    public static String svg(Product product) {
        int hash = PlaceholderImage.fnv1a(product.sku() + '\u0000' + attributesInOrder(product.attributes()));
        int categoryHue = Math.floorMod(PlaceholderImage.fnv1a(String.valueOf(product.category())), 360);
        Paint colour = Paint.named(product.attributes()).orElseGet(() -> Paint.ofHash(hash));
        Shapes.Shape shape = Shapes.of(product.category(), product.name());

        StringBuilder svg = new StringBuilder(2600);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(SIZE).append(' ').append(SIZE)
                .append("\" width=\"").append(SIZE).append("\" height=\"").append(SIZE)
                .append("\" role=\"img\" aria-labelledby=\"t\"><title id=\"t\">").append(escape(product.name()))
                .append("</title><defs><linearGradient id=\"g\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">")
                .append("<stop offset=\"0\" stop-color=\"").append(new Paint(categoryHue, 45, 95).css()).append("\"/>")
                .append("<stop offset=\"1\" stop-color=\"").append(new Paint((categoryHue + Math.floorMod(hash, 30)) % 360, 40, 86).css())
                .append("\"/></linearGradient></defs><rect width=\"").append(SIZE).append("\" height=\"").append(SIZE)
                .append("\" fill=\"url(#g)\"/>")
                // a soft floor shadow under every drawing grounds it
                .append("<ellipse cx=\"200\" cy=\"352\" rx=\"150\" ry=\"14\" fill=\"").append(new Paint(categoryHue, 20, 70).css())
                .append("\" opacity=\".6\"/><g data-shape=\"").append(shape.name()).append("\">")
                .append(shape.svg().replace("'", "\"").replace("{c}", colour.css()).replace("{d}", colour.darker().css())
                        .replace("{l}", colour.lighter().css()))
                .append("</g>");
        if (shape == Shapes.BOOK) {
            cover(svg, product, colour);
        }
        return svg.append("</svg>").toString();
    }

    /** The title in up to four short lines, and the author, on the cover. */
    private static void cover(StringBuilder svg, Product product, Paint colour) {
        String ink = colour.lightness() > 60 ? new Paint(colour.hue(), 30, 15).css() : "hsl(0 0% 98%)";
        List<String> lines = wrap(product.name().replaceFirst("^(?i)the\\s+", "The "), 14, 4);
        int y = 140;
        for (String line : lines) {
            svg.append("<text x=\"220\" y=\"").append(y).append("\" text-anchor=\"middle\" font-family=\"Georgia, serif\" ")
                    .append("font-size=\"22\" font-weight=\"700\" fill=\"").append(ink).append("\">").append(escape(line))
                    .append("</text>");
            y += 28;
        }
        if (product.attributes().get("author") instanceof String author) {
            svg.append("<text x=\"220\" y=\"270\" text-anchor=\"middle\" font-family=\"system-ui, sans-serif\" ")
                    .append("font-size=\"16\" fill=\"").append(ink).append("\">").append(escape(author)).append("</text>");
        }
    }

    /** Words into lines of at most {@code width} characters (a longer word is cut), at most {@code max} lines. */
    static List<String> wrap(String text, int width, int max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (word.length() > width) {
                word = word.substring(0, width - 1) + "\u2026";
            }
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
                if (lines.size() == max) {
                    return lines;
                }
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty() && lines.size() < max) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static String attributesInOrder(Map<String, Object> attributes) {
        return attributes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + '=' + e.getValue()).collect(Collectors.joining(";"));
    }

    /** Escaped, and without the control characters XML 1.0 forbids (one would make the picture unreadable). */
    static String escape(String text) {
        return Markup.escape(CONTROL.matcher(text).replaceAll(""));
    }
}

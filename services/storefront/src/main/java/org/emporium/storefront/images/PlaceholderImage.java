package org.emporium.storefront.images;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Draws a product's placeholder picture from its SKU alone: colours and shapes come from a hash of
 * the SKU (the same SKU always gets the same picture, different SKUs look different), and the SKU's
 * prefix (the seed's category, such as AUD) is written large in the middle. Pure function, no I/O, so it is cheap to serve.
 */
public final class PlaceholderImage {

    static final int SIZE = 400;

    private PlaceholderImage() {
    }

    /** The SVG for a SKU already checked against the SKU format (letters, digits and a dash only). */
    public static String svg(String sku) {
        int hash = fnv1a(sku);
        int hue = Math.floorMod(hash, 360);
        int accentHue = (hue + 40 + Math.floorMod(hash >>> 9, 100)) % 360;
        String prefix = label(sku);
        StringBuilder svg = new StringBuilder(1400);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(SIZE).append(' ').append(SIZE)
                .append("\" width=\"").append(SIZE).append("\" height=\"").append(SIZE)
                .append("\" role=\"img\" aria-labelledby=\"t\">")
                .append("<title id=\"t\">Product image placeholder for ").append(sku).append("</title>")
                .append("<defs><linearGradient id=\"g\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\">")
                .append("<stop offset=\"0\" stop-color=\"").append(hsl(hue, 70, 92)).append("\"/>")
                .append("<stop offset=\"1\" stop-color=\"").append(hsl(accentHue, 65, 80)).append("\"/>")
                .append("</linearGradient></defs>")
                .append("<rect width=\"").append(SIZE).append("\" height=\"").append(SIZE).append("\" fill=\"url(#g)\"/>");
        shapes(svg, hash, hue, accentHue);
        // the text colour stays dark on the light background for contrast whatever the hue
        svg.append("<text x=\"200\" y=\"218\" text-anchor=\"middle\" font-family=\"system-ui, sans-serif\" ")
                .append("font-size=\"84\" font-weight=\"700\" letter-spacing=\"4\" fill=\"").append(hsl(hue, 45, 22))
                .append("\">").append(prefix).append("</text>")
                .append("<text x=\"200\" y=\"262\" text-anchor=\"middle\" font-family=\"ui-monospace, monospace\" ")
                .append("font-size=\"20\" fill=\"").append(hsl(hue, 30, 30)).append("\">").append(sku).append("</text>")
                .append("</svg>");
        return svg.toString();
    }

    /**
     * What is written large: the part before the first dash (the seed's category prefix, an admin's
     * DEMO), at most five characters so it fits the picture; a SKU without a dash gives its start.
     */
    static String label(String sku) {
        int dash = sku.indexOf('-');
        String prefix = dash > 0 ? sku.substring(0, dash) : sku;
        return prefix.length() > 5 ? prefix.substring(0, 5) : prefix;
    }

    /** Three translucent shapes whose kind, place and size come from successive bits of the hash. */
    private static void shapes(StringBuilder svg, int hash, int hue, int accentHue) {
        int bits = hash;
        for (int i = 0; i < 3; i++) {
            int kind = Math.floorMod(bits, 3);
            int x = 40 + Math.floorMod(bits >>> 2, 320);
            int y = 40 + Math.floorMod(bits >>> 11, 320);
            int r = 30 + Math.floorMod(bits >>> 20, 70);
            String fill = hsl(i % 2 == 0 ? accentHue : hue, 60, 60 + 8 * i);
            switch (kind) {
                case 0 -> svg.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"").append(r);
                case 1 -> svg.append("<rect x=\"").append(x - r).append("\" y=\"").append(y - r).append("\" width=\"")
                        .append(2 * r).append("\" height=\"").append(2 * r).append("\" rx=\"").append(r / 4)
                        .append("\" transform=\"rotate(").append(Math.floorMod(bits >>> 5, 90)).append(' ').append(x)
                        .append(' ').append(y).append(")");
                default -> svg.append("<polygon points=\"").append(x).append(',').append(y - r).append(' ')
                        .append(x + r).append(',').append(y + r).append(' ').append(x - r).append(',').append(y + r);
            }
            svg.append("\" fill=\"").append(fill).append("\" fill-opacity=\"0.45\"/>");
            bits = Integer.rotateLeft(bits * 0x9E3779B1, 13);
        }
    }

    private static String hsl(int hue, int saturation, int lightness) {
        return String.format(Locale.ROOT, "hsl(%d %d%% %d%%)", hue, saturation, lightness);
    }

    /** FNV-1a: tiny, stable across JVMs and releases (unlike relying on String.hashCode's spread). */
    static int fnv1a(String s) {
        int h = 0x811c9dc5;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return h;
    }
}

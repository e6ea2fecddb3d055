package org.emporium.storefront.images;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A colour as hue, saturation and lightness, and the reading of a product's colour words ("Midnight
 * Blue", "Heather Gray", "Brushed Stainless") into one. Words are matched by their last known word
 * first, so "Rose Gold" is gold-ish pink by its own entry, "Slate Blue" blue.
 */
record Paint(int hue, int saturation, int lightness) {

    /** The attributes that say what colour a product is, most telling first. */
    static final List<String> COLOUR_ATTRIBUTES = List.of("color", "colour", "finish", "upholstery", "frame", "material");

    private record Word(String word, Paint paint) {
    }

    private static Word word(String word, int hue, int saturation, int lightness) {
        return new Word(word, new Paint(hue, saturation, lightness));
    }

    // longer phrases before the words they contain
    private static final List<Word> WORDS = List.of(
            word("rose gold", 12, 45, 72), word("sky blue", 200, 70, 68), word("forest green", 140, 40, 30),
            word("safety orange", 25, 95, 52), word("heather gray", 0, 0, 62), word("slate blue", 215, 30, 45),
            word("black", 220, 8, 16), word("obsidian", 230, 12, 14), word("charcoal", 210, 6, 25), word("graphite", 210, 6, 28),
            word("gunmetal", 210, 10, 32), word("shadow", 220, 8, 18), word("midnight", 230, 45, 20), word("onyx", 0, 0, 12),
            word("white", 40, 20, 94), word("pearl", 40, 30, 92), word("ivory", 45, 50, 90), word("cream", 42, 55, 88),
            word("oatmeal", 38, 30, 80), word("sand", 38, 40, 74), word("beige", 36, 40, 76), word("natural", 34, 35, 70),
            word("oak", 32, 45, 55), word("walnut", 25, 40, 32), word("espresso", 20, 40, 20), word("wood", 30, 45, 45),
            word("bamboo", 45, 50, 62), word("leather", 22, 50, 35), word("cognac", 22, 60, 40), word("linen", 40, 25, 82),
            word("silver", 210, 8, 72), word("platinum", 210, 10, 78), word("titanium", 210, 6, 55), word("stainless", 210, 6, 70),
            word("steel", 210, 8, 60), word("chrome", 210, 10, 75), word("aluminum", 210, 8, 74), word("cast iron", 210, 5, 22),
            word("copper", 22, 60, 50), word("bronze", 30, 50, 40), word("gold", 44, 70, 55), word("champagne", 40, 45, 75),
            word("gray", 210, 5, 50), word("grey", 210, 5, 50), word("clear", 200, 20, 88),
            word("navy", 225, 55, 25), word("blue", 215, 65, 48), word("ocean", 200, 70, 40), word("glacier", 195, 60, 75),
            word("icy", 195, 60, 78), word("teal", 180, 55, 38), word("cyan", 185, 70, 50),
            word("mint", 150, 45, 72), word("sage", 100, 18, 58), word("olive", 75, 35, 35), word("green", 140, 45, 38),
            word("red", 2, 70, 45), word("burgundy", 345, 55, 28), word("coral", 10, 75, 65), word("rust", 15, 65, 40),
            word("blush", 350, 55, 82), word("pink", 340, 65, 72), word("rose", 345, 50, 65), word("lavender", 265, 45, 75),
            word("purple", 275, 45, 42), word("plum", 300, 35, 32), word("orange", 28, 90, 55), word("yellow", 50, 90, 58),
            word("mustard", 45, 70, 45), word("brown", 25, 40, 32), word("tan", 32, 40, 62));

    private static final java.util.regex.Pattern NOT_LETTERS = java.util.regex.Pattern.compile("[^a-z]+");

    /** The colour a product's own words name, if any of its colour attributes names one we know. */
    static Optional<Paint> named(java.util.Map<String, Object> attributes) {
        for (String attribute : COLOUR_ATTRIBUTES) {
            Object value = attributes.get(attribute);
            if (value instanceof String text) {
                Optional<Paint> paint = named(text);
                if (paint.isPresent()) {
                    return paint;
                }
            }
        }
        return Optional.empty();
    }

    static Optional<Paint> named(String text) {
        // whole words only: "Tempered glass" is not red, "Stainless" not tan
        String words = " " + NOT_LETTERS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ") + " ";
        for (Word w : WORDS) {
            if (words.contains(" " + w.word() + " ")) {
                return Optional.of(w.paint());
            }
        }
        return Optional.empty();
    }

    /** A pleasant, saturated colour picked by a hash, for things whose words name none. */
    static Paint ofHash(int hash) {
        return new Paint(Math.floorMod(hash, 360), 55 + Math.floorMod(hash >>> 9, 20), 45 + Math.floorMod(hash >>> 14, 12));
    }

    /** A darker shade, for outlines and parts: still visibly darker when the colour is near black. */
    Paint darker() {
        return new Paint(hue, saturation, lightness < 25 ? Math.min(lightness + 18, 40) : Math.max(lightness - 22, 8));
    }

    /** A light shade, for screens, glass and highlights. */
    Paint lighter() {
        return new Paint(hue, Math.min(saturation, 40), lightness > 80 ? Math.max(lightness - 30, 40) : 90);
    }

    String css() {
        return String.format(Locale.ROOT, "hsl(%d %d%% %d%%)", hue, saturation, lightness);
    }
}

package org.emporium.storefront.images;

import java.util.List;
import java.util.Map;

/**
 * The drawings a product picture is made of: one flat silhouette per kind of thing the shop sells,
 * on a 400 × 400 canvas, as SVG with three paint slots ({@code {c}} the product's colour,
 * {@code {d}} a darker shade of it, {@code {l}} a light one). Which one a product gets is decided by
 * its category and the words of its name ({@link #of}).
 */
final class Shapes {

    private Shapes() {
    }

    /** A drawing's name and its SVG with the paint slots. */
    record Shape(String name, String svg) {
    }

    private static Shape shape(String name, String svg) {
        return new Shape(name, svg);
    }

    static final Shape LAPTOP = shape("laptop",
            "<rect x='88' y='96' width='224' height='154' rx='10' fill='{d}'/>"
                    + "<rect x='100' y='108' width='200' height='130' rx='4' fill='{l}'/>"
                    + "<path d='M56 262h288l-22 30H78z' fill='{c}'/><rect x='176' y='266' width='48' height='6' rx='3' fill='{d}'/>");
    static final Shape PHONE = shape("phone",
            "<rect x='138' y='66' width='124' height='262' rx='24' fill='{c}'/>"
                    + "<rect x='149' y='90' width='102' height='212' rx='8' fill='{l}'/><circle cx='200' cy='78' r='4' fill='{d}'/>");
    static final Shape PHONE_CASE = shape("phone case",
            "<rect x='138' y='66' width='124' height='262' rx='26' fill='{c}'/>"
                    + "<rect x='156' y='84' width='46' height='62' rx='14' fill='{d}'/><circle cx='172' cy='102' r='9' fill='{l}'/>"
                    + "<circle cx='186' cy='128' r='9' fill='{l}'/>");
    static final Shape CHARGER = shape("charger",
            "<circle cx='200' cy='200' r='110' fill='{c}'/><circle cx='200' cy='200' r='74' fill='{l}'/>"
                    + "<path d='M206 150l-34 58h26l-8 44 36-62h-27z' fill='{d}'/><path d='M200 310v40' stroke='{d}' stroke-width='10'/>");
    static final Shape POWER_BANK = shape("power bank",
            "<rect x='120' y='90' width='160' height='230' rx='22' fill='{c}'/>"
                    + "<rect x='150' y='130' width='100' height='14' rx='7' fill='{l}'/><rect x='150' y='152' width='70' height='14' rx='7' fill='{l}'/>"
                    + "<rect x='184' y='300' width='32' height='10' rx='4' fill='{d}'/>");
    static final Shape HEADPHONES = shape("headphones",
            "<path d='M108 236v-44a92 92 0 0 1 184 0v44' fill='none' stroke='{d}' stroke-width='16' stroke-linecap='round'/>"
                    + "<rect x='84' y='212' width='54' height='96' rx='22' fill='{c}'/><rect x='262' y='212' width='54' height='96' rx='22' fill='{c}'/>");
    static final Shape EARBUDS = shape("earbuds",
            "<rect x='112' y='214' width='176' height='104' rx='46' fill='{l}' stroke='{d}' stroke-width='5'/>"
                    + "<path d='M112 258h176' stroke='{d}' stroke-width='4'/>"
                    + "<circle cx='160' cy='150' r='28' fill='{c}'/><rect x='150' y='152' width='18' height='62' rx='9' fill='{c}'/>"
                    + "<circle cx='240' cy='150' r='28' fill='{c}'/><rect x='232' y='152' width='18' height='62' rx='9' fill='{c}'/>");
    static final Shape SPEAKER = shape("speaker",
            "<rect x='128' y='76' width='144' height='248' rx='26' fill='{c}'/><circle cx='200' cy='246' r='48' fill='{d}'/>"
                    + "<circle cx='200' cy='246' r='18' fill='{l}'/><circle cx='200' cy='138' r='26' fill='{d}'/><circle cx='200' cy='138' r='9' fill='{l}'/>");
    static final Shape SOUNDBAR = shape("soundbar",
            "<rect x='40' y='170' width='320' height='70' rx='24' fill='{c}'/>"
                    + "<g fill='{d}'><circle cx='90' cy='205' r='14'/><circle cx='150' cy='205' r='14'/><circle cx='250' cy='205' r='14'/><circle cx='310' cy='205' r='14'/></g>"
                    + "<rect x='182' y='198' width='36' height='14' rx='7' fill='{l}'/>");
    static final Shape TURNTABLE = shape("turntable",
            "<rect x='64' y='100' width='272' height='210' rx='14' fill='{c}'/><circle cx='178' cy='205' r='86' fill='{d}'/>"
                    + "<circle cx='178' cy='205' r='22' fill='{l}'/><path d='M306 120v110l-70 30' fill='none' stroke='{l}' stroke-width='8' stroke-linecap='round'/>");
    static final Shape CAMERA = shape("camera",
            "<rect x='78' y='130' width='244' height='164' rx='18' fill='{c}'/><rect x='108' y='106' width='74' height='34' rx='6' fill='{c}'/>"
                    + "<circle cx='200' cy='212' r='60' fill='{d}'/><circle cx='200' cy='212' r='40' fill='{l}'/><circle cx='200' cy='212' r='20' fill='{d}'/>"
                    + "<circle cx='286' cy='156' r='9' fill='{l}'/>");
    static final Shape LENS = shape("lens",
            "<rect x='120' y='110' width='160' height='200' rx='16' fill='{c}'/>"
                    + "<rect x='112' y='150' width='176' height='26' fill='{d}'/><rect x='112' y='230' width='176' height='18' fill='{d}'/>"
                    + "<ellipse cx='200' cy='110' rx='80' ry='20' fill='{l}'/><ellipse cx='200' cy='110' rx='46' ry='11' fill='{d}'/>");
    static final Shape TRIPOD = shape("tripod",
            "<rect x='150' y='70' width='100' height='40' rx='8' fill='{c}'/><rect x='192' y='108' width='16' height='90' fill='{d}'/>"
                    + "<path d='M200 196L110 340M200 196v150M200 196l90 144' stroke='{c}' stroke-width='12' stroke-linecap='round'/>");
    static final Shape BACKPACK = shape("backpack",
            "<path d='M160 100a40 40 0 0 1 80 0' fill='none' stroke='{d}' stroke-width='12'/>"
                    + "<rect x='110' y='96' width='180' height='240' rx='46' fill='{c}'/><rect x='140' y='220' width='120' height='88' rx='18' fill='{d}'/>"
                    + "<path d='M150 238h100' stroke='{l}' stroke-width='6'/>");
    static final Shape KETTLE = shape("kettle",
            "<path d='M138 320l18-176h88l18 176z' fill='{c}'/><path d='M262 160q64 10 48 110' fill='none' stroke='{d}' stroke-width='16'/>"
                    + "<path d='M156 144l-46-34' stroke='{c}' stroke-width='16' stroke-linecap='round'/><rect x='120' y='316' width='160' height='22' rx='8' fill='{d}'/>"
                    + "<rect x='176' y='126' width='48' height='18' rx='6' fill='{d}'/>");
    static final Shape BLENDER = shape("blender",
            "<path d='M140 80h120l-16 170h-88z' fill='{l}' stroke='{d}' stroke-width='5'/><rect x='132' y='66' width='136' height='20' rx='6' fill='{d}'/>"
                    + "<path d='M256 110h28v80h-34' fill='none' stroke='{d}' stroke-width='8'/><rect x='128' y='250' width='144' height='84' rx='14' fill='{c}'/>"
                    + "<circle cx='200' cy='292' r='14' fill='{l}'/>");
    static final Shape TOASTER = shape("toaster",
            "<rect x='84' y='150' width='232' height='160' rx='40' fill='{c}'/><rect x='128' y='140' width='60' height='16' rx='6' fill='{d}'/>"
                    + "<rect x='212' y='140' width='60' height='16' rx='6' fill='{d}'/><rect x='300' y='210' width='30' height='14' rx='5' fill='{d}'/>"
                    + "<path d='M110 250h180' stroke='{l}' stroke-width='8' stroke-linecap='round'/>");
    static final Shape COFFEE_MACHINE = shape("coffee machine",
            "<rect x='110' y='70' width='180' height='270' rx='14' fill='{c}'/><rect x='130' y='90' width='140' height='60' rx='8' fill='{d}'/>"
                    + "<rect x='150' y='200' width='100' height='120' fill='{l}'/><path d='M180 250h40v46a8 8 0 0 1-8 8h-24a8 8 0 0 1-8-8z' fill='{d}'/>"
                    + "<rect x='176' y='170' width='48' height='20' rx='4' fill='{d}'/>");
    static final Shape COOKER = shape("cooker",
            "<rect x='96' y='150' width='208' height='170' rx='60' fill='{c}'/><path d='M100 170a100 60 0 0 1 200 0z' fill='{d}'/>"
                    + "<rect x='184' y='100' width='32' height='30' rx='10' fill='{d}'/><rect x='160' y='232' width='80' height='40' rx='10' fill='{l}'/>");
    static final Shape POT = shape("pot",
            "<rect x='104' y='160' width='192' height='150' rx='26' fill='{c}'/><path d='M96 168a104 40 0 0 1 208 0z' fill='{d}'/>"
                    + "<rect x='184' y='116' width='32' height='22' rx='10' fill='{d}'/><rect x='62' y='188' width='46' height='18' rx='9' fill='{d}'/>"
                    + "<rect x='292' y='188' width='46' height='18' rx='9' fill='{d}'/>");
    static final Shape PAN = shape("pan",
            "<circle cx='160' cy='210' r='106' fill='{d}'/><circle cx='160' cy='210' r='86' fill='{c}'/>"
                    + "<rect x='256' y='198' width='120' height='26' rx='13' fill='{d}'/>");
    static final Shape KNIFE = shape("knife",
            "<path d='M60 250L270 170q36-8 36 22v20L60 262z' fill='{l}' stroke='{d}' stroke-width='4'/>"
                    + "<rect x='290' y='196' width='84' height='30' rx='12' fill='{c}' transform='rotate(-8 290 210)'/>");
    static final Shape TRAY = shape("tray",
            "<rect x='70' y='120' width='260' height='180' rx='10' fill='{d}'/><rect x='86' y='136' width='228' height='148' rx='6' fill='{c}'/>"
                    + "<rect x='96' y='150' width='90' height='120' rx='4' fill='{l}' transform='skewX(-8)'/>");
    static final Shape SOFA = shape("sofa",
            "<rect x='90' y='130' width='220' height='100' rx='22' fill='{d}'/><rect x='60' y='190' width='280' height='90' rx='22' fill='{c}'/>"
                    + "<rect x='48' y='170' width='50' height='120' rx='20' fill='{d}'/><rect x='302' y='170' width='50' height='120' rx='20' fill='{d}'/>"
                    + "<path d='M80 290v24M320 290v24' stroke='{d}' stroke-width='10'/>");
    static final Shape CHAIR = shape("chair",
            "<rect x='140' y='70' width='120' height='140' rx='30' fill='{c}'/><rect x='120' y='204' width='160' height='40' rx='16' fill='{d}'/>"
                    + "<path d='M200 244v60M130 330h140M200 304l-60 26M200 304l60 26' stroke='{d}' stroke-width='10' stroke-linecap='round'/>");
    static final Shape TABLE = shape("table",
            "<rect x='50' y='150' width='300' height='28' rx='6' fill='{c}'/>"
                    + "<path d='M80 178v150M320 178v150' stroke='{d}' stroke-width='16' stroke-linecap='round'/>");
    static final Shape SHELF = shape("shelf",
            "<rect x='110' y='60' width='180' height='280' rx='6' fill='{d}'/><rect x='124' y='74' width='152' height='252' fill='{l}'/>"
                    + "<path d='M124 136h152M124 200h152M124 264h152' stroke='{d}' stroke-width='10'/>"
                    + "<g fill='{c}'><rect x='134' y='92' width='14' height='44'/><rect x='152' y='100' width='14' height='36'/><rect x='210' y='214' width='16' height='50'/><rect x='230' y='222' width='14' height='42'/></g>");
    static final Shape BED = shape("bed",
            "<rect x='54' y='120' width='40' height='200' rx='8' fill='{d}'/><rect x='90' y='220' width='270' height='64' rx='10' fill='{c}'/>"
                    + "<rect x='104' y='188' width='80' height='36' rx='14' fill='{l}'/><path d='M90 284v36M350 284v36' stroke='{d}' stroke-width='12'/>");
    static final Shape TENT = shape("tent",
            "<path d='M200 80L50 320h300z' fill='{c}'/><path d='M200 80L160 320h80z' fill='{d}'/><path d='M30 322h340' stroke='{d}' stroke-width='8'/>");
    static final Shape SLEEPING_BAG = shape("sleeping bag",
            "<rect x='120' y='60' width='160' height='290' rx='70' fill='{c}'/><ellipse cx='200' cy='120' rx='50' ry='34' fill='{d}'/>"
                    + "<path d='M128 200h144M124 260h152' stroke='{d}' stroke-width='6'/>");
    static final Shape LAMP = shape("lamp",
            "<path d='M70 200q130-120 260 0' fill='none' stroke='{d}' stroke-width='14'/><rect x='150' y='150' width='100' height='90' rx='20' fill='{c}'/>"
                    + "<circle cx='200' cy='195' r='28' fill='{l}'/><path d='M200 240l-60 90h120z' fill='{l}' opacity='.55'/>");
    static final Shape COOLER = shape("cooler",
            "<rect x='80' y='150' width='240' height='170' rx='16' fill='{c}'/><rect x='70' y='130' width='260' height='40' rx='10' fill='{d}'/>"
                    + "<path d='M150 130v-30h100v30' fill='none' stroke='{d}' stroke-width='10'/><rect x='180' y='180' width='40' height='14' rx='5' fill='{l}'/>");
    static final Shape HAMMOCK = shape("hammock",
            "<path d='M60 110v220M340 110v220' stroke='{d}' stroke-width='12'/><path d='M60 140q140 200 280 0' fill='{c}'/>"
                    + "<path d='M60 140q140 150 280 0' fill='none' stroke='{l}' stroke-width='6'/>");
    static final Shape BOTTLE = shape("bottle",
            "<rect x='150' y='110' width='100' height='230' rx='30' fill='{c}'/><rect x='172' y='70' width='56' height='46' rx='8' fill='{d}'/>"
                    + "<rect x='150' y='190' width='100' height='60' fill='{l}'/>");
    static final Shape POLES = shape("poles",
            "<path d='M150 70l-30 270M250 70l30 270' stroke='{c}' stroke-width='12' stroke-linecap='round'/>"
                    + "<rect x='136' y='60' width='30' height='70' rx='10' fill='{d}' transform='rotate(6 150 95)'/>"
                    + "<rect x='234' y='60' width='30' height='70' rx='10' fill='{d}' transform='rotate(-6 250 95)'/>");
    static final Shape SHOE = shape("shoe",
            "<path d='M60 270q0-70 40-100l60 40q60 30 140 40q50 8 50 40v20H60z' fill='{c}'/>"
                    + "<path d='M56 300h300v18q0 12-12 12H68q-12 0-12-12z' fill='{l}' stroke='{d}' stroke-width='4'/>"
                    + "<path d='M130 200l20 14M150 188l20 14M170 176l20 14' stroke='{l}' stroke-width='6' stroke-linecap='round'/>");
    static final Shape SOCKS = shape("socks",
            "<path d='M130 70h70v170q0 30 30 40l40 14q30 12 18 42t-46 20l-90-36q-22-10-22-40z' fill='{c}'/>"
                    + "<rect x='130' y='70' width='70' height='30' fill='{d}'/><path d='M130 120h70' stroke='{l}' stroke-width='8'/>");
    static final Shape SLIDES = shape("slides",
            "<ellipse cx='200' cy='230' rx='150' ry='60' fill='{d}'/><ellipse cx='200' cy='222' rx='140' ry='52' fill='{l}'/>"
                    + "<path d='M140 180h120v70H140z' fill='{c}'/>");
    static final Shape T_SHIRT = shape("t-shirt",
            "<path d='M150 70l-90 44 30 62 40-18v172h140V158l40 18 30-62-90-44q-20 30-50 30t-50-30z' fill='{c}'/>"
                    + "<path d='M150 70q50 50 100 0' fill='none' stroke='{d}' stroke-width='6'/>");
    static final Shape JACKET = shape("jacket",
            "<path d='M150 64l-70 36-36 210 46 8 34-150v172h152V168l34 150 46-8-36-210-70-36q-20 26-50 26t-50-26z' fill='{c}'/>"
                    + "<path d='M200 92v246' stroke='{d}' stroke-width='6'/><path d='M150 64q50 60 100 0' fill='{d}'/>");
    static final Shape TROUSERS = shape("trousers",
            "<path d='M130 60h140l20 280h-64l-26-200-26 200h-64z' fill='{c}'/><rect x='130' y='60' width='140' height='22' fill='{d}'/>");
    static final Shape SHORTS = shape("shorts",
            "<path d='M110 120h180l28 160h-100l-18-90-18 90H82z' fill='{c}'/><rect x='110' y='120' width='180' height='22' fill='{d}'/>");
    static final Shape BAG = shape("bag",
            "<path d='M120 110h160l20 230H100z' fill='{c}'/><path d='M120 110l20-40h120l20 40z' fill='{d}'/>"
                    + "<rect x='140' y='190' width='120' height='80' rx='8' fill='{l}'/><circle cx='200' cy='230' r='22' fill='{d}'/>");
    static final Shape TEA_BOX = shape("tea box",
            "<path d='M90 150l110-50 110 50v160l-110 40-110-40z' fill='{c}'/><path d='M90 150l110 40 110-40' fill='none' stroke='{d}' stroke-width='6'/>"
                    + "<path d='M200 190v160' stroke='{d}' stroke-width='6'/><path d='M140 240q20-40 40 0t-40 40' fill='{l}'/>");
    static final Shape MUG = shape("mug",
            "<rect x='110' y='150' width='160' height='180' rx='20' fill='{c}'/><path d='M270 190q66 0 66 50t-66 50' fill='none' stroke='{d}' stroke-width='18'/>"
                    + "<path d='M160 130q-16-26 0-50M200 130q-16-26 0-50M240 130q-16-26 0-50' fill='none' stroke='{d}' stroke-width='7' stroke-linecap='round'/>");
    static final Shape PRESS = shape("press",
            "<rect x='140' y='110' width='130' height='220' rx='10' fill='{l}' stroke='{d}' stroke-width='8'/><rect x='146' y='200' width='118' height='124' fill='{c}'/>"
                    + "<path d='M205 110V60M178 60h54' stroke='{d}' stroke-width='10' stroke-linecap='round'/><path d='M270 150h34v140h-34' fill='none' stroke='{d}' stroke-width='12'/>");
    static final Shape BOOK = shape("book",
            "<rect x='110' y='60' width='200' height='280' rx='6' fill='{c}'/><rect x='110' y='60' width='22' height='280' fill='{d}'/>"
                    + "<rect x='150' y='96' width='136' height='4' fill='{l}'/><rect x='150' y='292' width='136' height='4' fill='{l}'/>");
    static final Shape GIFT = shape("gift",
            "<rect x='90' y='160' width='220' height='170' rx='8' fill='{c}'/><rect x='80' y='130' width='240' height='44' rx='6' fill='{d}'/>"
                    + "<rect x='188' y='130' width='24' height='200' fill='{l}'/><path d='M200 130q-60-60-70-10t70 10q60-60 70-10t-70 10' fill='{l}'/>");

    /** Name words to drawing, per category, the first match wins; then the category's own drawing. */
    private record Rule(String word, Shape shape) {
    }

    private static Rule when(String word, Shape shape) {
        return new Rule(word, shape);
    }

    private static final Map<String, List<Rule>> BY_CATEGORY = Map.ofEntries(
            Map.entry("laptops", List.of(when("", LAPTOP))),
            Map.entry("smartphones", List.of(when(" case ", PHONE_CASE), when("charg", CHARGER), when("power bank", POWER_BANK),
                    when("", PHONE))),
            Map.entry("headphones-audio", List.of(when("earbud", EARBUDS), when("soundbar", SOUNDBAR), when("speaker", SPEAKER),
                    when("turntable", TURNTABLE), when("", HEADPHONES))),
            Map.entry("cameras", List.of(when("lens", LENS), when("tripod", TRIPOD), when("backpack", BACKPACK), when("", CAMERA))),
            Map.entry("kitchen-appliances", List.of(when("kettle", KETTLE), when("blender", BLENDER), when("toaster", TOASTER),
                    when("mixer", BLENDER), when("coffee", COFFEE_MACHINE), when("espresso", COFFEE_MACHINE),
                    when("grinder", COFFEE_MACHINE), when("", COOKER))),
            Map.entry("cookware", List.of(when("knife", KNIFE), when("skillet", PAN), when("grill pan", PAN), when("frying", PAN),
                    when("baking", TRAY), when("sheet", TRAY), when("", POT))),
            Map.entry("furniture", List.of(when("sofa", SOFA), when("couch", SOFA), when("chair", CHAIR), when("desk", TABLE),
                    when("table", TABLE), when("nightstand", TABLE), when("bookshelf", SHELF), when("bookcase", SHELF),
                    when("bed", BED), when("", SOFA))),
            Map.entry("outdoor-camping", List.of(when("tent", TENT), when("sleeping bag", SLEEPING_BAG), when("backpack", BACKPACK),
                    when("headlamp", LAMP), when("lantern", LAMP), when("cooler", COOLER), when("hammock", HAMMOCK),
                    when("chair", CHAIR), when("pole", POLES), when("filter", BOTTLE), when("bottle", BOTTLE),
                    when("stove", POT), when("", TENT))),
            Map.entry("running-shoes", List.of(when("sock", SOCKS), when("slide", SLIDES), when("", SHOE))),
            Map.entry("apparel", List.of(when("t-shirt", T_SHIRT), when("tee", T_SHIRT), when("base layer", T_SHIRT),
                    when("jean", TROUSERS), when("chino", TROUSERS), when("tights", TROUSERS), when("pants", TROUSERS),
                    when("shorts", SHORTS), when("", JACKET))),
            Map.entry("books", List.of(when("", BOOK))),
            Map.entry("coffee-tea", List.of(when("french press", PRESS), when("dripper", MUG), when("matcha", TEA_BOX),
                    when("tea", TEA_BOX), when("", BAG))));

    /** The drawing for a product of this category and name; a category the shop does not know gets a gift box. */
    static Shape of(String category, String name) {
        List<Rule> rules = BY_CATEGORY.get(category);
        if (rules == null) {
            return GIFT;
        }
        // spaces around the name so " case " matches the word alone, not "showcase"
        String words = " " + (name == null ? "" : name.toLowerCase(java.util.Locale.ROOT)).replace(',', ' ') + " ";
        for (Rule rule : rules) {
            if (words.contains(rule.word())) {
                return rule.shape();
            }
        }
        return GIFT;
    }
}

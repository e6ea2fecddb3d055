package org.emporium.catalog.seed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A generated catalog of about 2,400 products in 12 categories, realistic enough that search
 * and recommendations have something to work with: shoppers' words in names, brands spanning
 * related categories, product lines, prices that follow specs.
 *
 * <p>Every category is described by a vocabulary (brands, product kinds with name templates,
 * attribute values and description sentences) and expanded by a seeded {@link Random}.
 * {@code java.util.Random} is used, and only its {@code nextInt(bound)}, because its algorithm is
 * fixed by the Java specification: the output is the same on every JDK and machine.
 *
 * <p>Templates use {@code {key}} placeholders resolved against the brand, the kind's noun, the
 * drawn words and attributes; {@code {key_lc}} gives the value in lower case.
 */
public final class CatalogSeed {

    // Changing the seed reshuffles every product; change it deliberately, never per run.
    private static final long SEED = 20_240_611L;
    // Retries per product when a drawn name is already taken; vocabularies are sized so a few suffice.
    private static final int MAX_ATTEMPTS = 200;
    // Most shelf prices end in .99; .95, .49 and round prices are less common.
    private static final int[] CENTS = {99, 99, 99, 99, 95, 95, 49, 0};

    private CatalogSeed() {
    }

    public static List<SeedCategory> categories() {
        List<SeedCategory> categories = new ArrayList<>();
        for (CategoryPlan plan : plans()) {
            categories.add(plan.category());
        }
        return List.copyOf(categories);
    }

    /**
     * Deterministic: same list, same order, every call, on every machine and JDK. Generated afresh
     * on each call (it takes milliseconds), so callers that need it repeatedly should keep it.
     */
    public static List<SeedProduct> products() {
        Set<String> takenNames = new HashSet<>(); // membership only; its order is never used
        List<SeedProduct> products = new ArrayList<>(2_500);
        for (CategoryPlan plan : plans()) {
            plan.generate(takenNames, products);
        }
        return List.copyOf(products);
    }

    private static List<CategoryPlan> plans() {
        return List.of(laptops(), smartphones(), headphonesAudio(), cameras(), kitchenAppliances(),
                cookware(), furniture(), outdoorCamping(), runningShoes(), apparel(), books(), coffeeTea());
    }

    // ---------------------------------------------------------------------------------------------
    // Vocabularies, one method per category. Price ranges are whole dollars; the generator adds
    // cents and moves a price to a shelf-like ending (…9, …4), so maxima end in 9 or 4.
    // ---------------------------------------------------------------------------------------------

    private static CategoryPlan laptops() {
        return category("laptops", "Laptops", "LAP", 170,
                "Ultrabooks, gaming laptops, 2-in-1 convertibles and business notebooks for work, study and play.")
                .brands(
                        brand("Lumora", 5, 118).lines("Aerion", "Zenara", "Halo"),
                        brand("Vantrix", 4, 100).lines("Vector", "Strata", "Vortex"),
                        brand("Corvane", 3, 88).lines("Quill", "Orbit"),
                        brand("Helix Computing", 3, 105).lines("Meridian", "Spire", "Axiom"),
                        brand("Arkwright", 2, 125).lines("Sovereign", "Ledger")
                                .only("business laptop", "creator laptop", "ultrabook laptop"),
                        brand("Nimbus Tech", 3, 85).lines("Cirrus", "Breeze")
                                .only("everyday laptop", "2-in-1 laptop", "ultrabook laptop"))
                .words("num", "3", "5", "7", "9", "13", "14", "15", "16")
                .words("edition", "", " Pro", " Plus", " Air", " Ultra")
                .kinds(
                        kind("ultrabook laptop", 699, 1899).weight(4)
                                .names("{brand} {line} {num}{edition} {screen_size} Ultrabook Laptop, {ram} RAM, {storage}",
                                        "{brand} {line} {num}{edition} Thin and Light Laptop with {display} Display, {ram} RAM")
                                .attr("screen_size", "13.3-inch", "14-inch", "15.6-inch")
                                .attr("processor", "8-core 4.4 GHz", "10-core 4.6 GHz", "12-core 5.0 GHz")
                                .attr("ram", "8GB", "16GB", "32GB")
                                .attr("storage", "256GB SSD", "512GB SSD", "1TB SSD", "2TB SSD")
                                .attr("display", "Full HD IPS", "QHD+ IPS", "2.8K OLED")
                                .attr("battery_life", "12 hours", "15 hours", "18 hours", "20 hours")
                                .pricedBy("ram", "storage", "processor")
                                .features("With up to {battery_life} of battery life, it lasts through a full day of classes or meetings away from an outlet.",
                                        "The {screen_size} {display} display is bright enough for a sunny café and sharp enough for dense spreadsheets.",
                                        "An aluminum unibody chassis under 1.4 kg slips into a backpack sleeve without adding bulk."),
                        kind("gaming laptop", 999, 2899).weight(3)
                                .names("{brand} {line} {num}{edition} {screen_size} Gaming Laptop, {gpu}, {ram} RAM",
                                        "{brand} {line} {num}{edition} {refresh_rate} Gaming Laptop with {storage}")
                                .attr("screen_size", "15.6-inch", "16-inch", "17.3-inch")
                                .attr("gpu", "8GB Dedicated Graphics", "12GB Dedicated Graphics", "16GB Dedicated Graphics")
                                .attr("refresh_rate", "144Hz", "165Hz", "240Hz")
                                .attr("ram", "16GB", "32GB", "64GB")
                                .attr("storage", "512GB SSD", "1TB SSD", "2TB SSD")
                                .attr("color", "Shadow Black", "Gunmetal Gray", "Arctic White")
                                .pricedBy("gpu", "ram")
                                .features("{gpu} and a {refresh_rate} panel keep fast-paced shooters smooth at high settings.",
                                        "Dual-fan vapor-chamber cooling holds clock speeds steady through long sessions, and per-key RGB lighting sets the mood.",
                                        "A {storage} drive has room for a large game library, with a spare slot for expansion."),
                        kind("2-in-1 laptop", 549, 1499).weight(3)
                                .names("{brand} {line} {num}{edition} {screen_size} 2-in-1 Touchscreen Laptop with Stylus, {ram} RAM",
                                        "{brand} {line} Flip {num}{edition} Convertible Touchscreen Laptop, {storage}, {color}")
                                .attr("screen_size", "13.3-inch", "14-inch")
                                .attr("ram", "8GB", "16GB", "32GB")
                                .attr("storage", "256GB SSD", "512GB SSD", "1TB SSD")
                                .attr("color", "Platinum Silver", "Midnight Blue", "Graphite")
                                .attr("weight", "1.2 kg", "1.35 kg", "1.5 kg")
                                .pricedBy("ram", "storage")
                                .features("The 360-degree hinge folds it from laptop to tablet to tent mode for sketching, note-taking or watching a film.",
                                        "The included active stylus has 4,096 pressure levels and magnetically clips to the side."),
                        kind("everyday laptop", 399, 749).weight(2)
                                .names("{brand} {line} {num} {screen_size} Everyday Laptop, {ram} RAM, {storage}, {color}",
                                        "{brand} {line} {num} {screen_size} Student Laptop, {storage}, {color}")
                                .attr("screen_size", "14-inch", "15.6-inch")
                                .attr("ram", "4GB", "8GB", "16GB")
                                .attr("storage", "128GB SSD", "256GB SSD", "512GB SSD")
                                .attr("color", "Silver", "Slate Blue", "Rose Gold", "Charcoal")
                                .attr("battery_life", "10 hours", "12 hours", "14 hours")
                                .pricedBy("ram", "storage")
                                .features("It handles homework, video calls and streaming with ease, and {battery_life} of battery life outlasts the school day.",
                                        "A spill-resistant keyboard and reinforced hinges are built for life in a school bag."),
                        kind("business laptop", 799, 2199).weight(2)
                                .names("{brand} {line} {num}{edition} {screen_size} Business Laptop, {processor}, {ram} RAM, {storage}")
                                .attr("screen_size", "13.3-inch", "14-inch", "15.6-inch")
                                .attr("processor", "8-core 4.4 GHz", "10-core 4.6 GHz", "12-core 5.0 GHz")
                                .attr("ram", "16GB", "32GB", "64GB")
                                .attr("storage", "512GB SSD", "1TB SSD", "2TB SSD")
                                .attr("security", "Fingerprint reader", "IR camera and fingerprint reader", "Smart card reader and fingerprint reader")
                                .attr("weight", "1.15 kg", "1.3 kg", "1.6 kg")
                                .pricedBy("processor", "ram", "storage")
                                .features("Enterprise-grade security, including a TPM chip, keeps company data safe, and biometric sign-in takes a second.",
                                        "A MIL-STD-tested magnesium chassis at {weight} survives daily commutes and airport security lines."),
                        kind("creator laptop", 1499, 2899).weight(1)
                                .names("{brand} {line} {num}{edition} {screen_size} Creator Laptop, {display}, {ram} RAM, {storage}")
                                .attr("screen_size", "16-inch", "18-inch")
                                .attr("display", "4K IPS 100% DCI-P3", "3.2K Mini-LED", "4K OLED")
                                .attr("ram", "32GB", "64GB")
                                .attr("storage", "1TB SSD", "2TB SSD", "4TB SSD")
                                .attr("gpu", "8GB Dedicated Graphics", "12GB Dedicated Graphics", "16GB Dedicated Graphics")
                                .pricedBy("display", "ram", "storage", "gpu")
                                .features("The factory-calibrated {display} panel shows accurate color for photo grading and video editing.",
                                        "{gpu} accelerates 4K timeline scrubbing, 3D rendering and AI upscaling."))
                .intros("The {brand} {line} balances performance, portability and price in one {noun}.",
                        "{brand} designed this {noun} for people who want dependable speed without fuss.",
                        "Meet the {brand} {line}: this {noun} wakes in a second and keeps dozens of browser tabs responsive.",
                        "This {brand} {noun} pairs a modern multi-core processor with fast solid-state storage.")
                .features("A full-size backlit keyboard, a precision glass touchpad and a 1080p webcam with privacy shutter come standard.",
                        "USB-C charging, Wi-Fi 6E and Bluetooth 5.3 keep it connected at home or on the road.",
                        "Two USB-C ports, one USB-A port and HDMI output mean fewer dongles on your desk.")
                .closings("Backed by a two-year limited warranty.",
                        "Ships with a 65 W USB-C charger.",
                        "A smart pick for students, remote workers and small businesses.");
    }

    private static CategoryPlan smartphones() {
        return category("smartphones", "Smartphones & Accessories", "PHN", 140,
                "Unlocked 5G smartphones, foldables and rugged phones, plus cases, chargers and power banks.")
                .brands(
                        brand("Lumora", 5, 120).lines("Lyra", "Aura", "Solis"),
                        brand("Voltari", 4, 88).lines("Pulse", "Flux"),
                        brand("Aperon", 3, 105).lines("Prism", "Lens"),
                        brand("Tessel", 3, 95).lines("Crest", "Orion", "Terra"),
                        brand("Qorra", 2, 80).lines("Q", "Qi"),
                        brand("Kite Mobile", 2, 75).lines("Glide", "Soar")
                                .only("mid-range smartphone", "budget smartphone", "phone case", "wireless charger", "power bank"))
                .words("num", "7", "8", "9", "10", "11", "12", "20", "30", "50")
                .words("edition", "", " Pro", " Plus", " Lite", " Max", " Mini")
                .kinds(
                        kind("flagship smartphone", 699, 1399).weight(3)
                                .names("{brand} {line} {num}{edition} 5G Smartphone, {storage}, {color}",
                                        "{brand} {line} {num}{edition} Unlocked 5G Phone with {camera} Camera, {storage}")
                                .attr("storage", "128GB", "256GB", "512GB", "1TB")
                                .attr("color", "Obsidian", "Glacier Blue", "Sage Green", "Titanium Gray", "Pearl White")
                                .attr("screen_size", "6.1-inch OLED", "6.4-inch OLED", "6.7-inch OLED")
                                .attr("camera", "50MP Triple-Lens", "108MP Triple-Lens", "200MP Quad-Lens")
                                .attr("battery", "4,500 mAh", "5,000 mAh", "5,500 mAh")
                                .attr("network", "5G")
                                .pricedBy("storage", "camera")
                                .features("The {camera} camera system shoots crisp night photos and stabilized 4K video at 60 fps.",
                                        "A {screen_size} display with 120Hz refresh makes scrolling feel effortless, even in direct sunlight.",
                                        "A {battery} battery charges to 50% in about 20 minutes with a compatible fast charger."),
                        kind("mid-range smartphone", 299, 649).weight(3)
                                .names("{brand} {line} {num}{edition} Unlocked Smartphone, {storage}, {color}",
                                        "{brand} {line} {num}{edition} Dual-SIM Smartphone with {battery} Battery")
                                .attr("storage", "64GB", "128GB", "256GB")
                                .attr("color", "Midnight Black", "Ocean Blue", "Mint", "Lavender", "Coral")
                                .attr("screen_size", "6.5-inch AMOLED", "6.6-inch LCD", "6.7-inch AMOLED")
                                .attr("camera", "48MP Dual-Lens", "64MP Triple-Lens")
                                .attr("battery", "5,000 mAh", "6,000 mAh")
                                .pricedBy("storage", "camera")
                                .features("A {battery} battery easily lasts two days of typical use.",
                                        "The {camera} camera and {screen_size} screen deliver flagship features for far less."),
                        kind("budget smartphone", 129, 279).weight(2)
                                .names("{brand} {line} {num} Budget Smartphone with Dual SIM, {storage}, {color}")
                                .attr("storage", "32GB", "64GB", "128GB")
                                .attr("color", "Black", "Blue", "Green", "Silver")
                                .attr("screen_size", "6.1-inch LCD", "6.5-inch LCD")
                                .attr("battery", "4,000 mAh", "5,000 mAh")
                                .pricedBy("storage")
                                .features("A simple, reliable first phone with a microSD slot for extra photos and music.",
                                        "Face unlock, a {battery} battery and two years of security updates at an easy price."),
                        kind("foldable smartphone", 999, 1899).weight(1)
                                .names("{brand} {line} Fold {num}{edition} Foldable 5G Smartphone, {storage}, {color}",
                                        "{brand} {line} Flip {num}{edition} Foldable Smartphone, {storage}, {color}")
                                .attr("storage", "256GB", "512GB", "1TB")
                                .attr("color", "Obsidian", "Champagne", "Icy Blue", "Forest Green")
                                .attr("screen_size", "7.6-inch inner OLED", "6.7-inch inner OLED")
                                .attr("hinge", "Gapless titanium hinge", "Dual-rail steel hinge")
                                .pricedBy("storage")
                                .features("It unfolds into a {screen_size} canvas for split-screen multitasking, and the {hinge_lc} is rated for 400,000 folds.",
                                        "Prop it half-open for hands-free video calls and low-angle photos."),
                        kind("rugged smartphone", 249, 649).weight(1)
                                .names("{brand} {line} {num} Rugged Waterproof Smartphone, IP68, {storage}, {color}")
                                .attr("storage", "64GB", "128GB", "256GB")
                                .attr("color", "Tactical Black", "Olive", "Safety Orange")
                                .attr("battery", "6,000 mAh", "8,000 mAh", "10,000 mAh")
                                .attr("drop_rating", "1.5 m", "1.8 m")
                                .pricedBy("storage", "battery")
                                .features("IP68 waterproofing and a {drop_rating} drop rating make it at home on job sites, trails and boats.",
                                        "A glove-friendly touchscreen and a big {battery} battery keep working through long shifts in the cold."),
                        kind("phone case", 14, 49).weight(3)
                                .names("{brand} {case_style} Case for {brand} {line} {num}{edition}, {color}")
                                .word("case_style", "Slim Silicone", "Clear Protective", "Leather Folio", "Rugged Armor", "Ultra-Thin")
                                .attr("material", "Silicone", "Clear Polycarbonate", "Vegan Leather", "Recycled TPU", "Aramid Fiber")
                                .attr("color", "Black", "Clear", "Sand", "Navy", "Blush")
                                .attr("drop_protection", "1.2 m", "2 m", "3 m")
                                .attr("compatibility", "{brand} {line} {num}{edition}")
                                .pricedBy("drop_protection")
                                .features("Raised edges protect the screen and camera, and the case is drop-tested to {drop_protection}.",
                                        "It is precisely cut for the {compatibility} and supports wireless charging without removal."),
                        kind("wireless charger", 19, 79).weight(2)
                                .names("{brand} {output} Fast Wireless Charging {form}, {color}")
                                .attr("output", "15W", "25W", "30W")
                                .attr("form", "Pad", "Stand", "3-in-1 Station")
                                .attr("color", "Black", "White", "Walnut", "Stone Gray")
                                .attr("cable", "1.5 m USB-C cable included")
                                .pricedBy("output", "form")
                                .features("It charges phones, earbuds and watches at up to {output} through most cases up to 5 mm thick.",
                                        "Foreign-object detection and temperature control keep overnight charging safe."),
                        kind("power bank", 24, 89).weight(1)
                                .names("{brand} {capacity} Portable Power Bank with {output} USB-C PD, {color}")
                                .attr("capacity", "10,000 mAh", "20,000 mAh", "26,800 mAh")
                                .attr("output", "20W", "45W", "65W")
                                .attr("color", "Black", "White", "Sky Blue")
                                .attr("ports", "1 USB-C, 1 USB-A", "2 USB-C, 1 USB-A")
                                .pricedBy("capacity", "output")
                                .features("The {capacity} cell recharges a phone several times, and {output} output can even top up a small laptop.",
                                        "A built-in display shows exactly how much charge is left."))
                .intros("The {brand} {line} lineup gets this {noun}, designed for everyday reliability.",
                        "{brand} built this {noun} for people who want speed and battery life without compromise.",
                        "This {noun} from {brand} is ready to use straight out of the box.")
                .features("It works on all major carriers and comes unlocked.",
                        "Every unit passes a 48-hour quality check before it ships.",
                        "The packaging is plastic-free and made from recycled fiber.")
                .closings("Covered by a one-year limited warranty.",
                        "Free returns within 30 days.",
                        "Pairs well with a protective case and a fast charger.");
    }

    private static CategoryPlan headphonesAudio() {
        return category("headphones-audio", "Headphones & Audio", "AUD", 250,
                "Noise-cancelling headphones, wireless earbuds, Bluetooth speakers, soundbars and turntables.")
                .brands(
                        brand("Kestrel Audio", 5, 110).lines("Drift", "Glide", "Hover"),
                        brand("Voltari", 4, 85).lines("Spark", "Surge", "Volt"),
                        brand("Sonder", 4, 100).lines("Reverie", "Contour", "Solace"),
                        brand("Fjell Acoustics", 2, 135).lines("Fjord", "Vidde", "Tind"),
                        brand("Bramble", 3, 70).lines("Sprout", "Twig", "Burrow")
                                .only("pair of kids headphones", "portable speaker", "set of true wireless earbuds", "pair of sports earbuds"),
                        brand("Tidewave", 3, 95).lines("Swell", "Reef", "Current")
                                .only("portable speaker", "pair of sports earbuds", "set of true wireless earbuds", "soundbar"))
                .words("num", "100", "200", "300", "500", "700", "900")
                .words("edition", "", " II", " Pro", " SE", " Max")
                .kinds(
                        kind("pair of noise-cancelling headphones", 79, 449).weight(4)
                                .names("{brand} {line} {num}{edition} Wireless Noise-Cancelling Headphones",
                                        "{brand} {line} {num}{edition} Over-Ear Bluetooth Headphones with Active Noise Cancellation, {color}")
                                .attr("color", "Midnight Black", "Glacier White", "Sandstone", "Navy")
                                .attr("battery_life", "30 hours", "40 hours", "50 hours", "60 hours")
                                .attr("connectivity", "Bluetooth 5.2", "Bluetooth 5.3 with multipoint", "Bluetooth 5.4 with LE Audio")
                                .attr("driver", "40 mm", "45 mm", "50 mm")
                                .attr("weight", "250 g", "270 g", "290 g")
                                .pricedBy("connectivity", "battery_life")
                                .features("Adaptive noise cancellation silences engines, traffic and office chatter, and transparency mode lets the world back in with a tap.",
                                        "Custom {driver} drivers deliver deep bass and clear vocals, and {battery_life} of playback covers a week of commuting.",
                                        "Memory-foam ear cushions and a {weight} frame stay comfortable on long flights."),
                        kind("set of true wireless earbuds", 29, 279).weight(4)
                                .names("{brand} {line} Buds {num}{edition} True Wireless Earbuds, {color}",
                                        "{brand} {line} {num}{edition} Noise-Cancelling Wireless Earbuds with Charging Case")
                                .attr("color", "Black", "White", "Sage", "Lilac", "Graphite")
                                .attr("battery_life", "6 hours (24 with case)", "8 hours (32 with case)", "10 hours (40 with case)")
                                .attr("water_resistance", "IPX4", "IPX5", "IP57")
                                .attr("connectivity", "Bluetooth 5.2", "Bluetooth 5.3 with multipoint", "Bluetooth 5.4 with LE Audio")
                                .pricedBy("connectivity", "battery_life")
                                .features("Each bud weighs under 5 grams and the case slips into a coin pocket.",
                                        "{water_resistance} sweat and splash resistance means they handle workouts and rainy commutes.",
                                        "Battery life is {battery_life}, and five minutes in the case gives another hour of listening."),
                        kind("pair of sports earbuds", 24, 149).weight(2)
                                .names("{brand} {line} Sport {num} Waterproof Running Earbuds with {fit}, {color}")
                                .attr("color", "Volt Yellow", "Black", "Coral", "Electric Blue")
                                .attr("water_resistance", "IPX7", "IP68")
                                .attr("battery_life", "8 hours", "10 hours", "12 hours")
                                .attr("fit", "Ear Hooks", "Wing Tips", "Neckband")
                                .pricedBy("battery_life")
                                .features("Secure {fit_lc} keep them in place on sprints, burpees and trail runs.",
                                        "Rated {water_resistance}, they can be rinsed under the tap after a sweaty session."),
                        kind("pair of studio headphones", 49, 299).weight(2)
                                .names("{brand} {line} {num}{edition} {design} Wired Studio Monitor Headphones, {impedance}")
                                .attr("design", "Closed-Back", "Open-Back")
                                .attr("impedance", "32 ohm", "80 ohm", "250 ohm")
                                .attr("driver", "40 mm", "45 mm", "50 mm")
                                .attr("cable", "Detachable 3 m coiled cable", "Detachable 1.2 m straight cable")
                                .attr("frequency_response", "5 Hz - 35 kHz", "10 Hz - 30 kHz", "15 Hz - 28 kHz")
                                .pricedBy("impedance")
                                .features("A flat, honest frequency response of {frequency_response} makes them a reference for mixing and mastering.",
                                        "The {design_lc} design with {driver} drivers suits tracking, editing and late-night listening.")
                                ,
                        kind("portable speaker", 29, 249).weight(3)
                                .names("{brand} {line} {num} Portable Waterproof Bluetooth Speaker, {color}",
                                        "{brand} {line} {num}{edition} Rugged Outdoor Bluetooth Speaker, {output}, {color}")
                                .attr("color", "Black", "Teal", "Sunset Orange", "Stone", "Forest Green")
                                .attr("water_resistance", "IP67", "IPX7")
                                .attr("battery_life", "12 hours", "20 hours", "24 hours")
                                .attr("output", "10 W", "20 W", "40 W")
                                .attr("weight", "0.5 kg", "0.9 kg", "1.6 kg")
                                .pricedBy("output", "battery_life")
                                .features("It is {water_resistance} waterproof and floats, so a drop in the pool or a sandy beach is no problem.",
                                        "{output} of 360-degree sound fills a campsite, and two speakers pair for stereo."),
                        kind("soundbar", 149, 899).weight(2)
                                .names("{brand} {line} {num} {channels} Soundbar with Wireless Subwoofer, {color}")
                                .attr("channels", "2.1-Channel", "3.1-Channel", "5.1-Channel", "7.1.2-Channel")
                                .attr("output", "240 W", "400 W", "600 W")
                                .attr("connectivity", "HDMI eARC, optical and Bluetooth")
                                .attr("color", "Black", "White")
                                .pricedBy("channels", "output")
                                .features("A dedicated center channel keeps dialogue clear, and {output} of power brings films and sports to life.",
                                        "It connects to the TV with a single HDMI eARC cable and works with the TV remote."),
                        kind("pair of kids headphones", 19, 49).weight(1)
                                .names("{brand} {line} Kids Volume-Limited Headphones, {connectivity}, {color}")
                                .attr("color", "Berry Pink", "Ocean Blue", "Lime Green", "Sunny Yellow")
                                .attr("volume_limit", "85 dB", "94 dB")
                                .attr("age_range", "3-7 years", "6-12 years")
                                .attr("connectivity", "Wired 3.5 mm", "Bluetooth 5.0")
                                .pricedBy("connectivity")
                                .features("Volume is capped at {volume_limit} to protect young ears, and the bendable headband survives being sat on.",
                                        "Sized for ages {age_range}, with soft cushions and a built-in sharing port for road trips."),
                        kind("turntable", 149, 599).weight(1)
                                .names("{brand} {line} {num} Belt-Drive Turntable with Bluetooth Output, {finish}")
                                .attr("speeds", "33/45 RPM", "33/45/78 RPM")
                                .attr("cartridge", "Pre-mounted moving magnet cartridge")
                                .attr("preamp", "Built-in switchable phono preamp")
                                .attr("finish", "Walnut", "Matte Black", "White Oak")
                                .features("A built-in phono preamp and Bluetooth output connect it to powered speakers or headphones without extra gear.",
                                        "The {finish_lc} plinth and aluminum platter damp vibration at {speeds}."))
                .intros("The {brand} {line} is a {noun} tuned for rich, detailed sound.",
                        "{brand} built this {noun} for listeners who care about every detail of their music.",
                        "This {noun} from {brand} is ready to enjoy straight out of the box.")
                .features("Its balanced tuning flatters everything from podcasts to orchestral recordings.",
                        "Every unit is tuned and measured in our acoustics lab before it ships.",
                        "It works with phones, tablets, laptops and TVs.")
                .closings("Free shipping and 30-day returns.",
                        "Backed by a one-year warranty.",
                        "Great for commuting, travel and working from home.");
    }

    private static CategoryPlan cameras() {
        return category("cameras", "Cameras & Photography", "CAM", 125,
                "Mirrorless and action cameras, instant cameras, lenses, tripods and camera bags.")
                .brands(
                        brand("Aperon", 4, 110).lines("Prism", "Vanta"),
                        brand("Halcyon Imaging", 3, 125).lines("Aurora", "Zephyr"),
                        brand("Ridgeway", 3, 90).lines("Trail", "Summit")
                                .only("action camera", "tripod", "camera backpack"),
                        brand("Lumen & Grain", 2, 105).lines("Classic", "Folio")
                                .only("instant camera", "camera backpack", "tripod", "prime lens"),
                        brand("Polka", 2, 75).lines("Snap", "Mini")
                                .only("instant camera", "action camera", "tripod"))
                .words("num", "3", "5", "7", "9", "10", "50", "70", "90")
                .words("edition", "", " II", " III", " Mark II")
                .kinds(
                        kind("mirrorless camera", 599, 2899).weight(3)
                                .names("{brand} {line} {num}{edition} {megapixels} {sensor} Mirrorless Camera, {kit}")
                                .attr("sensor", "APS-C", "Full-Frame")
                                .attr("megapixels", "24MP", "33MP", "45MP", "61MP")
                                .attr("video", "4K 30p", "4K 60p", "6K 30p", "8K 24p")
                                .attr("kit", "Body Only", "18-55 mm Kit Lens", "24-105 mm Kit Lens")
                                .attr("stabilization", "5-axis in-body stabilization", "Digital stabilization")
                                .pricedBy("sensor", "megapixels", "video")
                                .features("The {megapixels} {sensor} sensor captures clean images in low light, and {video} video suits serious filmmaking.",
                                        "Subject-detection autofocus tracks eyes, animals and vehicles across the frame.",
                                        "{stabilization} lets you shoot handheld at slow shutter speeds."),
                        kind("action camera", 149, 499).weight(3)
                                .names("{brand} {line} {num}{edition} Waterproof 4K Action Camera, {video}")
                                .attr("video", "4K 60fps", "4K 120fps", "5.3K 60fps")
                                .attr("waterproof_depth", "10 m", "18 m")
                                .attr("battery_life", "90 min", "120 min", "155 min")
                                .attr("weight", "125 g", "150 g", "160 g")
                                .pricedBy("video")
                                .features("It is waterproof to {waterproof_depth} without a housing, ready for surfing, snorkeling and muddy trails.",
                                        "Horizon-leveling stabilization keeps {video} footage smooth on a bike or a ski run."),
                        kind("instant camera", 59, 149).weight(2)
                                .names("{brand} {line} {num} Instant Film Camera with Selfie Mirror, {color}")
                                .attr("color", "Blush Pink", "Mint", "Cream", "Charcoal", "Sky Blue")
                                .attr("film_format", "Mini", "Square", "Wide")
                                .attr("flash", "Automatic flash")
                                .attr("lens", "60 mm f/12.7")
                                .pricedBy("film_format")
                                .features("Prints develop in about 90 seconds on {film_format_lc} film, perfect for parties and scrapbooks.",
                                        "Automatic exposure picks the right settings, so every shot is a one-button affair."),
                        kind("prime lens", 199, 1299).weight(2)
                                .names("{brand} {focal_length} f/{aperture} {mount} Prime Lens")
                                .attr("focal_length", "24 mm", "35 mm", "50 mm", "85 mm")
                                .attr("aperture", "2.8", "1.8", "1.4", "1.2")
                                .attr("mount", "Full-Frame Mirrorless", "APS-C Mirrorless")
                                .attr("weight", "180 g", "420 g", "650 g")
                                .pricedBy("aperture")
                                .features("A bright f/{aperture} aperture blurs backgrounds beautifully for portraits and low-light street scenes.",
                                        "Weather-sealed metal construction and a quiet stepping motor suit both photos and video."),
                        kind("zoom lens", 299, 1899).weight(1)
                                .names("{brand} {zoom_range} f/{aperture} Zoom Lens with Optical Stabilization")
                                .attr("zoom_range", "16-35 mm", "24-70 mm", "70-200 mm", "100-400 mm")
                                .attr("aperture", "4-5.6", "4", "2.8")
                                .attr("mount", "Full-Frame Mirrorless")
                                .attr("weight", "520 g", "890 g", "1.4 kg")
                                .pricedBy("aperture")
                                .features("The {zoom_range} range covers landscapes, events and wildlife with one lens.",
                                        "Optical stabilization gives up to five stops of shake reduction."),
                        kind("tripod", 29, 249).weight(2)
                                .names("{brand} {line} {material} Travel Tripod with Ball Head, {max_height}")
                                .attr("material", "Aluminum", "Carbon Fiber")
                                .attr("max_height", "150 cm", "160 cm", "170 cm")
                                .attr("load_capacity", "5 kg", "8 kg", "12 kg")
                                .attr("weight", "1.2 kg", "1.5 kg", "1.9 kg")
                                .pricedBy("material", "load_capacity")
                                .features("The {material_lc} legs fold to 40 cm and extend to {max_height}, holding up to {load_capacity}.",
                                        "One leg unscrews into a monopod for hikes where every gram counts."),
                        kind("camera backpack", 39, 199).weight(2)
                                .names("{brand} {line} {capacity} Camera Backpack, {material}, {color}")
                                .attr("capacity", "15 L", "20 L", "25 L", "30 L")
                                .attr("material", "Recycled Nylon", "Waxed Canvas", "Ripstop Polyester")
                                .attr("color", "Black", "Olive", "Tan", "Slate")
                                .attr("laptop_sleeve", "Fits 14-inch laptop", "Fits 16-inch laptop")
                                .pricedBy("capacity")
                                .features("Padded, adjustable dividers hold a camera body and three lenses, with a side door for quick access.",
                                        "The weather-resistant {material_lc} shell and rain cover protect gear on wet days."))
                .intros("The {brand} {noun} is made for photographers who want to capture more and carry less.",
                        "{brand} designed this {noun} for travel, family moments and creative projects.",
                        "Whether you are just starting out or upgrading, this {noun} from {brand} is a dependable companion.")
                .features("It is compatible with standard accessories and tripod mounts.",
                        "Every unit is inspected and calibrated before it leaves the factory.",
                        "The free companion app transfers photos to your phone over Bluetooth and Wi-Fi.")
                .closings("Backed by a two-year warranty.",
                        "A great gift for budding photographers.",
                        "Register it online to extend the warranty by a year.");
    }

    private static final String[] KITCHEN_COLORS = {
            "Matte Black", "Brushed Stainless", "Cream", "Sage Green", "Cherry Red", "Slate Blue"};

    private static CategoryPlan kitchenAppliances() {
        return category("kitchen-appliances", "Kitchen Appliances", "KAP", 210,
                "Blenders, stand mixers, air fryers, espresso machines, grinders, kettles and toasters.")
                .brands(
                        brand("Brasswick", 4, 100),
                        brand("Halden", 3, 115)
                                .only("espresso machine", "coffee grinder", "drip coffee maker", "electric kettle"),
                        brand("Copperleaf", 2, 130),
                        brand("Kitchora", 4, 82),
                        brand("Pantrio", 3, 90)
                                .only("air fryer", "toaster", "multi-cooker", "stand mixer", "blender"),
                        brand("Marlow Home", 3, 105))
                .words("series", "Essential", "Studio", "Signature", "Prime", "Elite", "Compact")
                .words("num", "300", "500", "700", "900")
                .kinds(
                        kind("blender", 39, 449).weight(3)
                                .names("{brand} {series} {num} High-Speed Blender, {capacity} {jar}, {color}")
                                .attr("capacity", "48 oz", "64 oz", "72 oz")
                                .attr("power", "900 W", "1,200 W", "1,500 W", "1,800 W")
                                .attr("jar", "BPA-Free Tritan Jar", "Glass Jar", "Stainless Steel Jar")
                                .attr("color", KITCHEN_COLORS)
                                .attr("programs", "3 presets", "5 presets", "8 presets")
                                .pricedBy("power", "programs")
                                .features("A {power} motor crushes ice and frozen fruit for smoothies in under a minute.",
                                        "Presets for smoothies, soups and nut butters ({programs}) take the guesswork out of blending, and the blade assembly is dishwasher-safe."),
                        kind("stand mixer", 149, 649).weight(2)
                                .names("{brand} {series} {capacity} Tilt-Head Stand Mixer, {color}")
                                .attr("capacity", "4.5-Quart", "5-Quart", "6-Quart", "7-Quart")
                                .attr("power", "300 W", "500 W", "800 W", "1,000 W")
                                .attr("bowl", "Stainless steel", "Glass", "Ceramic")
                                .attr("color", KITCHEN_COLORS)
                                .attr("speeds", "6 speeds", "10 speeds", "12 speeds")
                                .pricedBy("capacity", "power")
                                .features("The {capacity_lc} {bowl_lc} bowl handles a double batch of cookie dough or two loaves of bread.",
                                        "It comes with a flat beater, dough hook and wire whisk, and {speeds} cover everything from folding to whipping."),
                        kind("air fryer", 59, 249).weight(3)
                                .names("{brand} {series} {capacity} Digital Air Fryer, {color}")
                                .attr("capacity", "4-Quart", "6-Quart", "8-Quart", "10-Quart Dual-Basket")
                                .attr("power", "1,500 W", "1,700 W", "2,000 W")
                                .attr("color", KITCHEN_COLORS)
                                .attr("presets", "6 presets", "8 presets", "12 presets")
                                .attr("basket", "Ceramic nonstick basket", "Stainless steel basket")
                                .pricedBy("capacity")
                                .features("It crisps fries, wings and vegetables with little or no oil, and the {basket_lc} is dishwasher-safe.",
                                        "The {capacity_lc} capacity feeds a family of four, and {presets} cover roasting, reheating and dehydrating."),
                        kind("espresso machine", 149, 1299).weight(2)
                                .names("{brand} {series} {num} Espresso Machine with Steam Wand, {finish}",
                                        "{brand} {series} {num} Semi-Automatic Espresso Machine with Built-In Grinder, {finish}")
                                .attr("pressure", "15 bar", "19 bar")
                                .attr("boiler", "Thermoblock", "Single boiler", "Dual boiler")
                                .attr("water_tank", "1.5 L", "2 L", "2.5 L")
                                .attr("finish", "Brushed Stainless Steel", "Matte Black", "Polished Chrome")
                                .pricedBy("boiler")
                                .features("A {boiler_lc} heating system and {pressure} pump pull café-quality shots with rich crema.",
                                        "The commercial-style steam wand textures milk for latte art, and the {water_tank} tank lifts out for refilling."),
                        kind("coffee grinder", 29, 299).weight(2)
                                .names("{brand} {series} Conical Burr Coffee Grinder with {grind_settings} Grind Settings, {color}")
                                .attr("grind_settings", "18", "40", "60")
                                .attr("burr", "Stainless steel conical", "Ceramic conical", "Flat steel")
                                .attr("hopper", "250 g", "350 g", "450 g")
                                .attr("color", KITCHEN_COLORS)
                                .pricedBy("grind_settings")
                                .features("{grind_settings} settings go from fine espresso to coarse French press and cold brew.",
                                        "{burr} burrs grind evenly and quietly without heating the beans."),
                        kind("electric kettle", 24, 149).weight(2)
                                .names("{brand} {series} {capacity} Gooseneck Electric Kettle with Temperature Control, {color}",
                                        "{brand} {series} {capacity} Stainless Steel Electric Kettle, {color}")
                                .attr("capacity", "0.9 L", "1.2 L", "1.7 L")
                                .attr("material", "Stainless steel", "Borosilicate glass")
                                .attr("color", KITCHEN_COLORS)
                                .attr("temperature", "Fixed boil", "5 presets", "Variable 40-100 °C")
                                .pricedBy("temperature")
                                .features("It boils {capacity} in about four minutes and shuts off automatically when the water is ready.",
                                        "Temperature control ({temperature_lc}) means green tea, pour-over coffee and formula each get the right heat."),
                        kind("toaster", 24, 199).weight(2)
                                .names("{brand} {series} {slots} Toaster with Bagel and Defrost Settings, {color}")
                                .attr("slots", "2-Slice", "4-Slice", "2-Slice Long-Slot")
                                .attr("material", "Brushed stainless steel", "Enameled steel")
                                .attr("color", KITCHEN_COLORS)
                                .attr("shade_settings", "6", "7", "9")
                                .pricedBy("slots")
                                .features("Extra-wide slots fit thick sourdough and bagels, and {shade_settings} shade settings go from golden to dark.",
                                        "A slide-out crumb tray and cool-touch {material_lc} housing make cleanup easy."),
                        kind("drip coffee maker", 29, 249).weight(2)
                                .names("{brand} {series} {capacity} Programmable Drip Coffee Maker with {carafe} Carafe")
                                .attr("capacity", "10-Cup", "12-Cup", "14-Cup")
                                .attr("carafe", "Glass", "Thermal Stainless Steel")
                                .attr("color", KITCHEN_COLORS)
                                .attr("features", "Auto-start timer", "Bloom cycle and auto-start timer", "Brew strength control")
                                .pricedBy("carafe")
                                .features("A showerhead and bloom cycle extract evenly, and the {carafe_lc} carafe keeps coffee hot.",
                                        "Program it the night before and wake up to a fresh pot."),
                        kind("multi-cooker", 59, 229).weight(2)
                                .names("{brand} {series} {capacity} 9-in-1 Electric Pressure Cooker, {pot}")
                                .attr("capacity", "3-Quart", "6-Quart", "8-Quart")
                                .attr("pot", "Stainless Steel Pot", "Ceramic Nonstick Pot")
                                .attr("presets", "12 presets", "16 presets", "24 presets")
                                .attr("power", "700 W", "1,000 W", "1,200 W")
                                .pricedBy("capacity")
                                .features("It pressure cooks, slow cooks, steams, sautés and makes yogurt, replacing half a cupboard of gadgets.",
                                        "Stews that take hours on the stove are ready in 40 minutes in the {capacity_lc} pot."))
                .intros("The {brand} {series} {noun} brings café and restaurant results to a home kitchen.",
                        "{brand} designed this {noun} to be simple to use, easy to clean and good-looking on the counter.",
                        "This {noun} from {brand} is built to handle daily use for years.")
                .features("Removable parts are dishwasher-safe.",
                        "A compact footprint leaves room on the counter.",
                        "Intuitive controls mean you do not need the manual to get started.")
                .closings("Covered by a two-year limited warranty.",
                        "Includes a recipe booklet to get you started.",
                        "A thoughtful housewarming or wedding gift.");
    }

    private static CategoryPlan cookware() {
        return category("cookware", "Cookware & Cutlery", "CKW", 190,
                "Dutch ovens, skillets, saucepans, stockpots, cookware sets, chef's knives and bakeware.")
                .brands(
                        brand("Brasswick", 4, 100),
                        brand("Nordvik", 3, 105),
                        brand("Copperleaf", 2, 135),
                        brand("Ironhearth", 3, 90).only("Dutch oven", "skillet", "grill pan"),
                        brand("Marlow Home", 3, 95),
                        brand("Sable & Stone", 2, 120).only("chef's knife", "skillet", "cookware set", "saucepan"))
                .words("series", "Everyday", "Professional", "Heritage", "Signature", "Tri-Ply", "Classic")
                .kinds(
                        kind("Dutch oven", 39, 399).weight(3)
                                .names("{brand} {material} {capacity} Dutch Oven with Lid, {color}",
                                        "{brand} {series} {capacity} Round {material} Dutch Oven")
                                .attr("material", "Enameled Cast Iron", "Cast Iron", "Stainless Steel")
                                .attr("capacity", "3.5-Quart", "5-Quart", "5.5-Quart", "7-Quart")
                                .attr("color", "Flame Orange", "Marine Blue", "Cream", "Cherry Red", "Matte Black", "Sage")
                                .attr("oven_safe", "Oven-safe to 260 °C", "Oven-safe to 290 °C")
                                .attr("stovetops", "Gas, electric, induction")
                                .pricedBy("capacity")
                                .features("{material} holds and spreads heat evenly, ideal for braises, stews, chili and no-knead bread.",
                                        "The tight-fitting lid locks in moisture, and the {capacity_lc} size feeds four to six people."),
                        kind("skillet", 19, 199).weight(3)
                                .names("{brand} {series} {size} {material} Skillet",
                                        "{brand} {size} {material} Frying Pan with Helper Handle")
                                .attr("size", "8-inch", "10-inch", "12-inch")
                                .attr("material", "Cast Iron", "Tri-Ply Stainless Steel", "Carbon Steel", "Ceramic Nonstick", "Hard-Anodized Nonstick")
                                .attr("stovetops", "Gas, electric, induction")
                                .attr("oven_safe", "Oven-safe to 230 °C", "Oven-safe to 260 °C")
                                .pricedBy("size")
                                .features("This {size} {material_lc} pan sears steak, fries eggs and bakes cornbread with equal ease.",
                                        "The flared sides make flipping and sliding food onto a plate effortless."),
                        kind("saucepan", 24, 179).weight(2)
                                .names("{brand} {series} {capacity} {material} Saucepan with Glass Lid")
                                .attr("capacity", "1.5-Quart", "2-Quart", "3-Quart", "4-Quart")
                                .attr("material", "Tri-Ply Stainless Steel", "Hard-Anodized Nonstick", "Copper-Core Stainless Steel")
                                .attr("stovetops", "Gas, electric, induction")
                                .attr("dishwasher_safe", "Yes", "Hand wash recommended")
                                .pricedBy("material", "capacity")
                                .features("Pour spouts on both sides and a tempered glass lid make sauces, grains and custards easy to watch.",
                                        "The {capacity_lc} size is right for oatmeal, rice or a small batch of soup."),
                        kind("cookware set", 99, 799).weight(2)
                                .names("{brand} {series} {pieces} {material} Cookware Set")
                                .attr("pieces", "5-Piece", "8-Piece", "10-Piece", "12-Piece")
                                .attr("material", "Tri-Ply Stainless Steel", "Ceramic Nonstick", "Hard-Anodized Nonstick", "Copper-Core Stainless Steel")
                                .attr("stovetops", "Gas, electric, induction")
                                .attr("oven_safe", "Oven-safe to 200 °C", "Oven-safe to 260 °C")
                                .attr("dishwasher_safe", "Yes", "Hand wash recommended")
                                .pricedBy("pieces", "material")
                                .features("The {pieces_lc} set covers everything from morning eggs to holiday stock, with lids that fit across pieces.",
                                        "PFAS-free {material_lc} construction heats evenly with no hot spots."),
                        kind("stockpot", 29, 199).weight(1)
                                .names("{brand} {series} {capacity} Stainless Steel Stockpot with Lid")
                                .attr("capacity", "8-Quart", "12-Quart", "16-Quart", "20-Quart")
                                .attr("material", "Stainless steel with aluminum-core base")
                                .attr("stovetops", "Gas, electric, induction")
                                .attr("dishwasher_safe", "Yes")
                                .pricedBy("capacity")
                                .features("The {capacity_lc} pot is big enough for stock, pasta for a crowd or a batch of canning.",
                                        "The heavy encapsulated base prevents scorching on long simmers."),
                        kind("chef's knife", 29, 249).weight(2)
                                .names("{brand} {series} {length} {steel} Chef's Knife, {handle} Handle")
                                .attr("length", "6-inch", "8-inch", "10-inch")
                                .attr("steel", "German Stainless Steel", "Japanese High-Carbon Steel", "Damascus-Clad Steel")
                                .attr("handle", "Pakkawood", "Olive Wood", "Black Polymer")
                                .attr("hardness", "56 HRC", "58 HRC", "60 HRC")
                                .pricedBy("steel", "hardness")
                                .features("The {steel_lc} blade is hardened to {hardness} and sharpened to a 15-degree edge for clean cuts.",
                                        "A full-tang, balanced {handle_lc} handle stays comfortable through an afternoon of prep."),
                        kind("grill pan", 29, 129).weight(1)
                                .names("{brand} {size} Reversible {material} Grill Pan and Griddle")
                                .attr("size", "Single-Burner", "Double-Burner")
                                .attr("material", "Cast Iron", "Enameled Cast Iron")
                                .attr("stovetops", "Gas, electric, induction, campfire")
                                .attr("finish", "Pre-seasoned", "Matte black enamel")
                                .pricedBy("size")
                                .features("One side grills steaks and vegetables with proper sear marks, the other makes pancakes for a crowd.",
                                        "It works on the stove, in the oven or over a campfire."),
                        kind("baking sheet set", 14, 59).weight(1)
                                .names("{brand} {series} {pieces} Nonstick Baking Sheet Set, {material}")
                                .attr("pieces", "2-Piece", "3-Piece", "4-Piece")
                                .attr("material", "Aluminized Steel", "Heavy-Gauge Aluminum")
                                .attr("coating", "Ceramic nonstick", "Silicone-based nonstick")
                                .attr("oven_safe", "Oven-safe to 230 °C")
                                .pricedBy("pieces")
                                .features("Rolled edges resist warping, so cookies and roasted vegetables brown evenly.",
                                        "{coating} releases food cleanly and wipes clean in seconds."))
                .intros("The {brand} {noun} is built to be the one you reach for every day.",
                        "{brand} makes this {noun} for home cooks who want professional results.",
                        "This {noun} from {brand} is made to last for decades, not seasons.")
                .features("Riveted, stay-cool handles give a secure grip.",
                        "Every piece is inspected by hand before it ships.",
                        "It is free of PFOA and PTFE.")
                .closings("Backed by a limited lifetime warranty.",
                        "A gift that gets used for years.",
                        "Care instructions are included in the box.");
    }

    private static CategoryPlan furniture() {
        return category("furniture", "Furniture", "FUR", 165,
                "Sofas, ergonomic office chairs, standing desks, dining tables, bookshelves and bed frames.")
                .brands(
                        brand("Nordvik", 4, 105),
                        brand("Oakhaven", 3, 130)
                                .only("dining table", "bookshelf", "bed frame", "coffee table", "nightstand", "sofa"),
                        brand("Lindqvist", 2, 120),
                        brand("Hearth & Row", 3, 100),
                        brand("Formwell", 4, 85),
                        brand("Ergonia", 2, 115).only("office chair", "standing desk"))
                .words("collection", "Aspen", "Fjord", "Harlow", "Bristol", "Juniper", "Saltbox", "Linden",
                        "Marlowe", "Ashby", "Solvik")
                .kinds(
                        kind("sofa", 499, 2899).weight(2)
                                .names("{brand} {collection} {seats} Sofa in {upholstery}, {color}")
                                .attr("seats", "Loveseat", "3-Seat", "Sleeper", "L-Shaped Sectional")
                                .attr("upholstery", "Linen Blend", "Performance Velvet", "Boucle", "Top-Grain Leather")
                                .attr("color", "Oatmeal", "Charcoal", "Forest Green", "Rust", "Ivory", "Dusty Blue")
                                .attr("frame", "Kiln-dried solid hardwood")
                                .attr("seat_depth", "56 cm", "60 cm", "64 cm")
                                .pricedBy("seats", "upholstery")
                                .features("Deep {seat_depth} seats and feather-wrapped foam cushions invite long movie nights.",
                                        "The {upholstery_lc} cover resists stains and pet hair, and the cushions are reversible."),
                        kind("office chair", 129, 899).weight(3)
                                .names("{brand} {collection} Ergonomic {material} Office Chair with {support}, {color}")
                                .attr("support", "Adjustable Lumbar Support", "Headrest and Lumbar Support", "4D Armrests")
                                .attr("material", "Mesh", "Leather", "Fabric")
                                .attr("color", "Black", "Gray", "White", "Navy")
                                .attr("max_load", "120 kg", "136 kg", "150 kg")
                                .attr("warranty", "5 years", "10 years", "12 years")
                                .pricedBy("warranty", "support")
                                .features("{support} and a synchro-tilt mechanism keep your posture healthy through long workdays.",
                                        "Breathable {material_lc} and a waterfall seat edge reduce pressure on the legs, supporting up to {max_load}."),
                        kind("standing desk", 249, 1199).weight(3)
                                .names("{brand} {collection} {motor} Electric Standing Desk, {width}, {finish}")
                                .attr("motor", "Single-Motor", "Dual-Motor")
                                .attr("width", "120 cm", "140 cm", "160 cm", "180 cm")
                                .attr("finish", "Walnut", "White Oak", "Bamboo", "Black")
                                .attr("height_range", "72-120 cm", "62-127 cm")
                                .attr("memory_presets", "3", "4")
                                .pricedBy("motor", "width")
                                .features("A quiet {motor_lc} lift moves from sitting to standing height ({height_range}) in seconds.",
                                        "{memory_presets} memory presets and an anti-collision sensor make switching positions a one-touch habit."),
                        kind("dining table", 299, 1899).weight(2)
                                .names("{brand} {collection} {seats} {shape} {material} Dining Table")
                                .attr("seats", "4-Seat", "6-Seat", "8-Seat")
                                .attr("material", "Acacia Wood", "Solid Oak", "Solid Walnut", "Marble-Top")
                                .attr("shape", "Rectangular", "Round", "Extendable")
                                .attr("finish", "Natural oil", "Matte lacquer")
                                .pricedBy("seats", "material")
                                .features("The {material_lc} top is finished with {finish_lc} that shows off the grain and wipes clean.",
                                        "Sturdy joinery keeps it wobble-free through years of family dinners."),
                        kind("bookshelf", 79, 499).weight(2)
                                .names("{brand} {collection} {shelves} {material} Bookshelf")
                                .attr("shelves", "3-Shelf", "5-Shelf", "Ladder")
                                .attr("material", "Solid Pine", "Oak Veneer", "Steel and Mango Wood")
                                .attr("finish", "Natural", "Black", "White", "Walnut stain")
                                .attr("height", "90 cm", "150 cm", "180 cm")
                                .pricedBy("material")
                                .features("Each shelf holds up to 25 kg of books, plants or records, and wall anchors are included.",
                                        "At {height} tall, it fits under windows or fills an empty corner."),
                        kind("bed frame", 249, 1499).weight(2)
                                .names("{brand} {collection} {size} Upholstered Platform Bed Frame, {color}")
                                .attr("size", "Full", "Queen", "King", "California King")
                                .attr("upholstery", "Linen blend", "Performance velvet", "Boucle")
                                .attr("color", "Oatmeal", "Charcoal", "Sage", "Ivory")
                                .attr("headboard_height", "110 cm", "130 cm")
                                .pricedBy("size")
                                .features("Solid wood slats support any mattress without a box spring, and there is room for storage underneath.",
                                        "A padded {headboard_height} headboard in {upholstery_lc} makes reading in bed comfortable."),
                        kind("coffee table", 129, 699).weight(2)
                                .names("{brand} {collection} {shape} {material} Coffee Table")
                                .attr("shape", "Round", "Oval", "Rectangular", "Nesting")
                                .attr("material", "Solid Oak", "Walnut", "Travertine", "Tempered Glass")
                                .attr("storage", "Lower shelf", "Hidden drawer", "None")
                                .attr("width", "80 cm", "100 cm", "120 cm")
                                .pricedBy("material")
                                .features("Its {material_lc} surface is sealed against rings and spills.",
                                        "Rounded edges make it friendly for small children and tight walkways."),
                        kind("nightstand", 79, 349).weight(1)
                                .names("{brand} {collection} {drawers} Nightstand, {finish}")
                                .attr("drawers", "1-Drawer", "2-Drawer", "Open-Shelf")
                                .attr("finish", "White Oak", "Walnut", "Black", "Natural Pine")
                                .attr("material", "Solid wood", "Wood veneer")
                                .attr("charging", "Built-in USB-C port", "None")
                                .pricedBy("material")
                                .features("Soft-close runners keep late-night trips to the drawer quiet.",
                                        "It is sized to sit level with most mattresses."))
                .intros("The {brand} {collection} {noun} brings warm, modern design to any room.",
                        "{brand} designed this {noun} to be comfortable, sturdy and easy to live with.",
                        "Part of the {collection} collection, this {noun} from {brand} mixes well with other pieces.")
                .features("Responsibly sourced materials and low-VOC finishes are used throughout.",
                        "Assembly takes about 30 minutes with the included tools.",
                        "It ships flat-packed to your door.")
                .closings("Backed by a five-year warranty.",
                        "Free delivery and 100-night returns.",
                        "Fabric and finish samples are available on request.");
    }

    private static CategoryPlan outdoorCamping() {
        return category("outdoor-camping", "Outdoor & Camping", "OUT", 235,
                "Tents, sleeping bags, hiking backpacks, camp stoves, headlamps, coolers and camp furniture.")
                .brands(
                        brand("Tarnridge", 5, 110).lines("Trailblazer", "Ridgeline", "Skyward"),
                        brand("Pinecrest", 3, 90).lines("Basecamp", "Lakeside"),
                        brand("Trailmark", 4, 100).lines("Pathfinder", "Switchback", "Cairn"),
                        brand("Summit & Sparrow", 2, 125).lines("Alpine", "Cirrus"),
                        brand("Kodiak Ridge", 3, 85).lines("Frontier", "Yukon", "Timber")
                                .only("cooler", "camp chair", "camping stove", "tent", "hammock", "headlamp"))
                .kinds(
                        kind("tent", 89, 699).weight(4)
                                .names("{brand} {line} {capacity} {season} Backpacking Tent",
                                        "{brand} {line} {capacity} Ultralight Tent with Footprint",
                                        "{brand} {line} {capacity} Waterproof Dome Tent, {color}")
                                .attr("capacity", "1-Person", "2-Person", "3-Person", "4-Person", "6-Person")
                                .attr("season", "3-Season", "4-Season")
                                .attr("waterproof_rating", "1,500 mm", "3,000 mm", "5,000 mm")
                                .attr("doors", "1 door", "2 doors")
                                .attr("color", "Olive", "Sand", "Orange", "Slate Blue")
                                .pricedBy("capacity", "season", "waterproof_rating")
                                .features("A {waterproof_rating} rainfly with taped seams keeps you dry in a mountain downpour.",
                                        "Color-coded aluminum poles make pitching fast, even in the dark, and {doors_lc} mean no climbing over your partner.",
                                        "Mesh walls cut condensation on warm nights, and the fly rolls back for stargazing."),
                        kind("sleeping bag", 49, 449).weight(3)
                                .names("{brand} {line} {temperature} {fill} Mummy Sleeping Bag, {length}")
                                .attr("temperature", "4 °C", "-1 °C", "-7 °C", "-15 °C")
                                .attr("fill", "Synthetic", "650-Fill Down", "800-Fill Down")
                                .attr("length", "Regular", "Long")
                                .attr("weight", "0.9 kg", "1.3 kg", "1.8 kg")
                                .attr("shell", "Water-resistant recycled nylon")
                                .pricedBy("fill", "temperature")
                                .features("Rated to {temperature}, it keeps you warm from spring trips to early winter nights.",
                                        "{fill} insulation packs small into the included compression sack and lofts back quickly."),
                        kind("hiking backpack", 59, 349).weight(3)
                                .names("{brand} {line} {capacity} Hiking Backpack with Rain Cover, {fit}, {color}")
                                .attr("capacity", "28 L", "40 L", "55 L", "65 L")
                                .attr("fit", "Men's", "Women's", "Unisex")
                                .attr("material", "Recycled ripstop nylon", "Waterproof coated polyester")
                                .attr("frame", "Internal aluminum frame", "Frameless")
                                .attr("color", "Forest Green", "Black", "Rust", "Glacier Blue")
                                .pricedBy("capacity")
                                .features("An adjustable torso and ventilated back panel keep a {capacity} load comfortable over long miles.",
                                        "Hydration-sleeve compatible, with hip-belt pockets for snacks and a phone."),
                        kind("camping stove", 29, 199).weight(2)
                                .names("{brand} {line} {burners} Camping Stove with Piezo Ignition")
                                .attr("burners", "Single-Burner Backpacking", "Two-Burner Propane", "Wood-Burning")
                                .attr("fuel", "Isobutane canister", "Propane", "Twigs and pellets")
                                .attr("boil_time", "3 min per liter", "4 min per liter")
                                .attr("weight", "85 g", "2.1 kg", "4.5 kg")
                                .pricedBy("burners")
                                .features("It boils a liter of water in about {boil_time}, even in a breeze.",
                                        "Fold-out pot supports fit everything from a small mug to a cast iron skillet."),
                        kind("headlamp", 14, 79).weight(3)
                                .names("{brand} {line} {lumens} Rechargeable Waterproof Headlamp, {color}")
                                .attr("lumens", "350-Lumen", "500-Lumen", "900-Lumen", "1,200-Lumen")
                                .attr("battery", "USB-C rechargeable", "USB-C rechargeable with AAA backup")
                                .attr("water_resistance", "IPX4", "IPX7")
                                .attr("color", "Black", "Orange", "Teal")
                                .pricedBy("lumens")
                                .features("The {lumens_lc} beam lights a trail far ahead, and a red night mode preserves your night vision.",
                                        "{water_resistance} water resistance handles rain, sweat and river crossings."),
                        kind("pair of trekking poles", 29, 179).weight(1)
                                .names("{brand} {line} {material} Collapsible Trekking Poles with {grip} Grips")
                                .attr("material", "Aluminum", "Carbon Fiber")
                                .attr("grip", "Cork", "EVA Foam")
                                .attr("lock", "Flick-lock", "Twist-lock")
                                .attr("weight", "230 g per pole", "310 g per pole")
                                .pricedBy("material")
                                .features("{lock} adjustment sets the length in seconds, and the poles collapse to fit inside a pack.",
                                        "They take strain off knees on steep descents."),
                        kind("water filter", 19, 99).weight(1)
                                .names("{brand} {line} Portable {form} Water Filter")
                                .attr("form", "Squeeze", "Gravity", "Straw", "Pump")
                                .attr("filtration", "0.1 micron hollow fiber")
                                .attr("capacity", "1 L", "4 L", "10 L")
                                .attr("lifespan", "1,000 L", "4,000 L")
                                .pricedBy("form")
                                .features("{filtration} removes bacteria and protozoa from streams and lakes.",
                                        "It filters up to {lifespan} before the cartridge needs replacing."),
                        kind("camp chair", 29, 149).weight(2)
                                .names("{brand} {line} {style} Camp Chair with Cup Holder, {color}")
                                .attr("style", "Folding", "Ultralight", "Rocking", "High-Back")
                                .attr("max_load", "113 kg", "136 kg", "181 kg")
                                .attr("material", "600D polyester", "Breathable mesh")
                                .attr("color", "Navy", "Olive", "Red", "Heather Gray")
                                .pricedBy("style")
                                .features("A powder-coated steel frame supports {max_load} and folds into a carry bag.",
                                        "Perfect for campfires, soccer sidelines and backyard concerts."),
                        kind("cooler", 39, 399).weight(2)
                                .names("{brand} {line} {capacity} {build} Cooler, {color}")
                                .attr("capacity", "20-Quart", "45-Quart", "65-Quart")
                                .attr("build", "Hard-Sided Rotomolded", "Soft-Sided")
                                .attr("ice_retention", "2 days", "5 days", "7 days")
                                .attr("color", "White", "Sandstone", "Sky Blue", "Olive")
                                .pricedBy("build", "capacity")
                                .features("Thick insulation keeps ice for up to {ice_retention}, so drinks stay cold through a long weekend.",
                                        "Bear-resistant latches and non-slip feet make it at home in a truck bed or a boat."),
                        kind("hammock", 24, 129).weight(1)
                                .names("{brand} {line} {size} Camping Hammock with Tree Straps, {color}")
                                .attr("size", "Single", "Double")
                                .attr("material", "Ripstop nylon")
                                .attr("max_load", "180 kg", "225 kg")
                                .attr("color", "Forest", "Sunset", "Charcoal", "Ocean")
                                .pricedBy("size")
                                .features("Tree-friendly straps and aluminum carabiners set it up in under two minutes.",
                                        "It packs down to the size of a grapefruit."))
                .intros("From the {brand} {line} collection, this {noun} is built for weekend campers and long-distance hikers alike.",
                        "{brand} designed this {noun} to be light, tough and simple to use in the backcountry.",
                        "Tested on real trips, this {noun} from {brand} earns its place in your gear.")
                .features("Durable materials shrug off rain, mud and rough handling.",
                        "Every component is field-repairable with common tools.",
                        "Recycled materials and PFC-free coatings reduce its environmental footprint.")
                .closings("Backed by a lifetime warranty.",
                        "Leave no trace, and enjoy the outdoors.",
                        "Pairs well with the rest of the {line} collection.");
    }

    private static final String[] SHOE_COLORS = {
            "Black/White", "Volt Yellow/Navy", "Coral/Sand", "Triple Black", "Glacier Blue/Silver",
            "Forest Green/Orange", "White/Pink"};

    private static CategoryPlan runningShoes() {
        return category("running-shoes", "Running Shoes", "RUN", 185,
                "Road, trail, stability and carbon-plate racing shoes for runners of every level, plus recovery footwear.")
                .brands(
                        brand("Milecrest", 5, 100).lines("Tempo", "Glide", "Pace"),
                        brand("Tarnridge", 3, 105).lines("Scree", "Ridgeline")
                                .only("trail running shoe", "pair of recovery slides"),
                        brand("Velocita", 4, 115).lines("Veloce", "Razzo", "Corsa"),
                        brand("Fleetfoot", 4, 85).lines("Dash", "Breeze", "Comet"),
                        brand("Korrin", 2, 95).lines("Steady", "Anchor")
                                .only("stability running shoe", "road running shoe", "pack of running socks"),
                        brand("Aeromile", 3, 110).lines("Lift", "Float", "Apex"))
                .words("num", "2", "3", "4", "5", "6", "7", "8", "9", "10")
                .kinds(
                        kind("road running shoe", 79, 189).weight(4)
                                .names("{brand} {line} {num} {gender} Road Running Shoes, {color}")
                                .attr("gender", "Men's", "Women's")
                                .attr("color", SHOE_COLORS)
                                .attr("cushioning", "Responsive", "Balanced", "Max cushion")
                                .attr("drop", "4 mm", "8 mm", "10 mm", "12 mm")
                                .attr("weight", "215 g", "245 g", "280 g")
                                .attr("width", "Standard", "Standard and Wide")
                                .pricedBy("cushioning")
                                .features("{cushioning} foam with {drop} of heel-to-toe drop makes easy miles feel easier and long runs less punishing.",
                                        "An engineered-knit upper breathes on hot days and hugs the midfoot without pressure points."),
                        kind("trail running shoe", 89, 199).weight(3)
                                .names("{brand} {line} {num} {gender} {upper} Trail Running Shoes, {color}")
                                .attr("gender", "Men's", "Women's")
                                .attr("upper", "Waterproof", "Breathable Mesh")
                                .attr("color", SHOE_COLORS)
                                .attr("lug_depth", "4 mm", "5 mm", "6 mm")
                                .attr("drop", "4 mm", "6 mm", "8 mm")
                                .pricedBy("upper", "lug_depth")
                                .features("{lug_depth} multidirectional lugs grip mud, wet rock and loose gravel.",
                                        "A rock plate and toe bumper protect your feet on technical descents."),
                        kind("racing shoe", 159, 279).weight(1)
                                .names("{brand} {line} {num} {gender} Carbon-Plate Racing Shoes, {color}")
                                .attr("gender", "Men's", "Women's")
                                .attr("color", SHOE_COLORS)
                                .attr("plate", "Full-length carbon plate")
                                .attr("drop", "6 mm", "8 mm")
                                .attr("weight", "185 g", "205 g")
                                .features("A full-length carbon plate and supercritical foam return energy for race-day personal bests.",
                                        "At just {weight}, it is built for 5K sprints through to the marathon."),
                        kind("stability running shoe", 99, 179).weight(2)
                                .names("{brand} {line} {num} {gender} Stability Running Shoes for Overpronation, {color}")
                                .attr("gender", "Men's", "Women's")
                                .attr("color", SHOE_COLORS)
                                .attr("support", "Medial guide rails", "Dual-density midsole")
                                .attr("drop", "8 mm", "10 mm", "12 mm")
                                .attr("width", "Standard", "Wide", "Extra Wide")
                                .pricedBy("support")
                                .features("{support} gently guide the foot without feeling stiff, ideal for runners who overpronate.",
                                        "A wide base and firm heel counter keep every stride stable."),
                        kind("pair of recovery slides", 39, 69).weight(1)
                                .names("{brand} {line} {gender} Recovery Slides, {color}")
                                .attr("gender", "Men's", "Women's", "Unisex")
                                .attr("color", SHOE_COLORS)
                                .attr("material", "Closed-cell foam")
                                .attr("arch_support", "Contoured footbed")
                                .features("Soft, rocker-shaped foam soaks up impact so tired legs recover after a long run.",
                                        "They are waterproof and easy to rinse clean."),
                        kind("pack of running socks", 12, 24).weight(1)
                                .names("{brand} {line} {height} Cushioned Running Socks, {count}, {color}")
                                .attr("height", "No-Show", "Quarter", "Crew")
                                .attr("count", "3-Pack", "6-Pack")
                                .attr("color", "White", "Black", "Assorted")
                                .attr("material", "Merino wool blend", "Recycled polyester blend")
                                .pricedBy("count")
                                .features("Targeted cushioning and a seamless toe help prevent blisters on long runs.",
                                        "The {material_lc} wicks sweat and resists odor."))
                .intros("The {brand} {line} is a {noun} built for runners who log real miles.",
                        "{brand} designed this {noun} for everyday training, from easy jogs to tempo runs.",
                        "Lightweight and dependable, this {noun} from {brand} is ready for your next run.")
                .features("A durable rubber outsole is placed where runners wear through shoes fastest.",
                        "Reflective details improve visibility at dawn and dusk.",
                        "A gusseted tongue keeps out debris.")
                .closings("True to size; order a half size up if between sizes.",
                        "Free exchanges within 60 days, even if worn.",
                        "Lab-tested for 500 km of use.");
    }

    private static final String[] APPAREL_COLORS = {
            "Heather Gray", "Navy", "Black", "Olive", "Oatmeal", "Rust", "Forest Green", "Sky Blue",
            "Burgundy", "Sand"};

    private static CategoryPlan apparel() {
        return category("apparel", "Apparel", "APP", 290,
                "T-shirts, hoodies, jeans, rain and down jackets, merino base layers, sweaters and activewear.")
                .brands(
                        brand("Tarnridge", 4, 110)
                                .only("rain jacket", "down jacket", "fleece jacket", "merino base layer"),
                        brand("Milecrest", 3, 90)
                                .only("pair of running tights", "pair of running shorts", "t-shirt", "hoodie"),
                        brand("Wren & Weaver", 4, 115),
                        brand("Common Thread", 5, 78),
                        brand("Maison Lark", 2, 135).only("sweater", "dress shirt", "pair of chinos", "pair of jeans"),
                        brand("Harbor Supply", 3, 95))
                .kinds(
                        kind("t-shirt", 12, 49).weight(4)
                                .names("{brand} {gender} {fit} {material} T-Shirt, {color}",
                                        "{brand} {gender} {material} Crew Neck Tee, {color}")
                                .attr("gender", "Men's", "Women's", "Unisex")
                                .attr("material", "Organic Cotton", "Pima Cotton", "Cotton-Modal Blend", "Recycled Cotton")
                                .attr("fit", "Slim-Fit", "Regular-Fit", "Relaxed-Fit")
                                .attr("color", APPAREL_COLORS)
                                .attr("sizes", "XS-XXL", "S-XL", "XS-3XL")
                                .pricedBy("material")
                                .features("Soft {material_lc} jersey gets better with every wash and keeps its shape.",
                                        "A {fit_lc} cut that layers under a jacket or stands on its own."),
                        kind("hoodie", 39, 119).weight(3)
                                .names("{brand} {gender} {style} {material} Hoodie, {color}")
                                .attr("gender", "Men's", "Women's", "Unisex")
                                .attr("style", "Pullover", "Full-Zip")
                                .attr("material", "Organic Cotton Fleece", "French Terry", "Recycled Polyester Fleece")
                                .attr("color", APPAREL_COLORS)
                                .attr("sizes", "XS-XXL", "S-3XL")
                                .pricedBy("material")
                                .features("Brushed {material_lc} is warm without being heavy, with ribbed cuffs and a lined hood.",
                                        "Just right for cool mornings, couch weekends and post-run layering."),
                        kind("pair of jeans", 39, 149).weight(3)
                                .names("{brand} {gender} {fit}-Fit {rise} Jeans, {wash}")
                                .attr("gender", "Men's", "Women's")
                                .attr("fit", "Slim", "Straight", "Relaxed", "Skinny", "Bootcut", "Tapered")
                                .attr("rise", "Mid-Rise", "High-Rise")
                                .attr("wash", "Dark Indigo", "Light Wash", "Black Rinse", "Vintage Blue")
                                .attr("material", "98% cotton stretch denim", "100% cotton rigid selvedge denim")
                                .pricedBy("material")
                                .features("The {material_lc} softens and fades with wear into a pair that is truly yours.",
                                        "A {fit_lc} leg and {rise_lc} waist work with sneakers or boots."),
                        kind("rain jacket", 79, 349).weight(2)
                                .names("{brand} {gender} {style} Waterproof Rain Jacket, {color}")
                                .attr("gender", "Men's", "Women's")
                                .attr("style", "Packable", "Hooded 3-Layer", "2.5-Layer Shell")
                                .attr("waterproof_rating", "10,000 mm", "20,000 mm", "28,000 mm")
                                .attr("color", APPAREL_COLORS)
                                .attr("weight", "210 g", "320 g", "410 g")
                                .pricedBy("waterproof_rating")
                                .features("A {waterproof_rating} waterproof, breathable membrane and fully taped seams keep out driving rain.",
                                        "Pit zips dump heat on climbs, and it packs into its own pocket."),
                        kind("down jacket", 119, 449).weight(2)
                                .names("{brand} {gender} {fill} Down Puffer Jacket, {hood}, {color}")
                                .attr("gender", "Men's", "Women's")
                                .attr("fill", "600-Fill", "700-Fill", "800-Fill")
                                .attr("hood", "Hooded", "Non-Hooded")
                                .attr("shell", "Recycled nylon ripstop with water-repellent finish")
                                .attr("color", APPAREL_COLORS)
                                .pricedBy("fill")
                                .features("Responsibly sourced {fill_lc} down traps heat in cold, dry weather.",
                                        "Compressible enough to stuff into a backpack, warm enough for a winter city commute."),
                        kind("fleece jacket", 49, 149).weight(2)
                                .names("{brand} {gender} {weight} Full-Zip Fleece Jacket, {color}")
                                .attr("gender", "Men's", "Women's")
                                .attr("weight", "Lightweight", "Midweight", "Heavyweight")
                                .attr("material", "Recycled polyester fleece")
                                .attr("color", APPAREL_COLORS)
                                .pricedBy("weight")
                                .features("{weight} fleece made from recycled bottles breathes on the trail and layers under a shell.",
                                        "Zippered hand pockets and a stand-up collar seal out the wind."),
                        kind("merino base layer", 49, 129).weight(2)
                                .names("{brand} {gender} {fabric_weight} Merino Wool Base Layer {piece}, {color}")
                                .attr("gender", "Men's", "Women's")
                                .attr("fabric_weight", "150 g/m²", "200 g/m²", "250 g/m²")
                                .attr("piece", "Crew Top", "Leggings", "Quarter-Zip")
                                .attr("material", "100% merino wool", "Merino-nylon blend")
                                .attr("color", APPAREL_COLORS)
                                .pricedBy("fabric_weight")
                                .features("Naturally odor-resistant merino regulates temperature on cold hikes and ski days.",
                                        "Flatlock seams and a {fabric_weight} knit sit comfortably under a pack."),
                        kind("pair of running tights", 29, 99).weight(2)
                                .names("{brand} {gender} {length} Running Tights with Phone Pocket, {color}")
                                .attr("gender", "Men's", "Women's")
                                .attr("length", "7/8-Length", "Full-Length", "Half-Length")
                                .attr("material", "Recycled nylon-spandex")
                                .attr("color", APPAREL_COLORS)
                                .attr("sizes", "XS-XL", "XS-XXL")
                                .features("Sweat-wicking, four-way-stretch fabric moves with you and never goes see-through.",
                                        "A zip pocket at the back holds a phone without bouncing."),
                        kind("pair of running shorts", 24, 69).weight(2)
                                .names("{brand} {gender} {inseam} Lined Running Shorts, {color}")
                                .attr("gender", "Men's", "Women's")
                                .attr("inseam", "3-Inch", "5-Inch", "7-Inch")
                                .attr("material", "Recycled polyester")
                                .attr("color", APPAREL_COLORS)
                                .features("A built-in liner and quick-dry fabric keep you comfortable on hot-weather runs.",
                                        "Reflective trims and a key pocket come standard."),
                        kind("sweater", 49, 199).weight(2)
                                .names("{brand} {gender} {material} {neck} Sweater, {color}")
                                .attr("gender", "Men's", "Women's")
                                .attr("material", "Organic Cotton", "Lambswool", "Merino Wool", "Cashmere")
                                .attr("neck", "Crew-Neck", "V-Neck", "Cardigan", "Turtleneck")
                                .attr("color", APPAREL_COLORS)
                                .attr("care", "Hand wash cold", "Machine wash cold, lay flat to dry")
                                .pricedBy("material")
                                .features("Fine-gauge {material_lc} is soft against the skin and warm without bulk.",
                                        "A timeless {neck_lc} shape that dresses up or down."),
                        kind("dress shirt", 39, 129).weight(2)
                                .names("{brand} {gender} {fit} Non-Iron {fabric} Dress Shirt, {color}")
                                .attr("gender", "Men's", "Women's")
                                .attr("fit", "Slim-Fit", "Classic-Fit")
                                .attr("fabric", "Oxford Cotton", "Poplin", "Twill", "Linen-Cotton")
                                .attr("color", "White", "Light Blue", "Pink", "Navy Stripe", "Gingham")
                                .attr("collar", "Spread collar", "Button-down collar")
                                .pricedBy("fabric")
                                .features("Non-iron {fabric_lc} comes out of the dryer crisp, ready for the office.",
                                        "A {collar_lc} looks sharp with or without a tie."),
                        kind("pair of chinos", 39, 119).weight(2)
                                .names("{brand} {gender} {fit} Stretch Cotton Chinos, {color}")
                                .attr("gender", "Men's", "Women's")
                                .attr("fit", "Slim-Fit", "Straight-Fit", "Relaxed-Fit")
                                .attr("color", "Khaki", "Navy", "Olive", "Stone", "Black")
                                .attr("inseam", "30-inch", "32-inch", "34-inch")
                                .features("Stretch cotton twill moves through a busy day and holds a clean crease.",
                                        "A {fit_lc} cut goes from desk to dinner."))
                .intros("This {noun} from {brand} is a wardrobe staple made to be worn often.",
                        "{brand} designed this {noun} with better fabrics and a fit that works on real bodies.",
                        "Comfortable from the first wear, this {noun} from {brand} is made to last.")
                .features("It is produced in audited factories with fair labor practices.",
                        "Every seam is double-stitched for durability.",
                        "Pre-washed to minimize shrinkage.")
                .closings("Free returns and exchanges within 60 days.",
                        "Check the size chart for the best fit.",
                        "Machine washable unless noted otherwise.");
    }

    private static CategoryPlan books() {
        return category("books", "Books", "BOK", 270,
                "Fiction and nonfiction: mysteries, science fiction, fantasy, cookbooks, trail guides, picture books and more.")
                .brands(
                        brand("Harrow & Finch", 5, 110),
                        brand("Bluewater Press", 4, 95),
                        brand("Lanternfield Books", 3, 100),
                        brand("Quill & Compass", 3, 105),
                        brand("Northlight Editions", 3, 90),
                        brand("Paper Kite", 2, 85).only("picture book", "fantasy novel", "cookbook"))
                .words("first", "Amara", "Julian", "Nora", "Theo", "Priya", "Elias", "Mara", "Owen", "Lena",
                        "Tobias", "Iris", "Mateo", "Clara", "Felix", "Hana", "Rowan", "Sofia", "Declan", "Maya",
                        "Anselm", "Greta", "Kofi", "Ingrid", "Rafael", "Yara", "Silas", "Beatrix", "Callum", "Noor", "Ezra")
                .words("last", "Whitlock", "Okafor", "Marchetti", "Haverford", "Sato", "Castellanos", "Brennan",
                        "Adeyemi", "Holloway", "Nakamura", "Ferrante", "Ashdown", "Kowalski", "Delacroix", "Abara",
                        "Rasmussen", "Quinlan", "Varga", "Okonkwo", "Sterling", "Moreau", "Thistlewood", "Iyer",
                        "Calloway", "Dunmore", "Reyes", "Falk", "Penhallow", "Wexford", "Lindgren")
                .words("place", "Harrowgate", "Saltmere", "Ashford Hollow", "Kingsbridge", "Wrenfield", "Calder Bay",
                        "Blackwater", "Elderglen", "Port Ansel", "Millbrook", "Greyhaven", "Larkspur Point")
                .kinds(
                        kind("mystery novel", 9, 29).weight(4)
                                .names("The {t_adj} {t_noun}", "The {t_adj} {t_noun}: A {sleuth} Mystery",
                                        "{t_adj} {t_noun} at {place}")
                                .word("t_adj", "Silent", "Drowned", "Last", "Hollow", "Quiet", "Vanishing", "Cold",
                                        "Burning", "Hidden", "Broken", "Crooked", "Midnight", "Forgotten", "Glass", "Pale")
                                .word("t_noun", "Harbor", "Witness", "Orchard", "Lighthouse", "Confession", "Ledger",
                                        "Alibi", "Ferry", "Archive", "Inheritance", "Garden", "Key", "Window", "Verdict", "Tide")
                                .word("sleuth", "Detective Ruth Calder", "DCI Mara Penrose", "Sergeant Amos Reed",
                                        "Harriet Lowe", "Tom Kestle")
                                .attr("author", "{first} {last}")
                                .attr("genre", "Mystery & Thriller")
                                .attr("format", "Paperback", "Hardcover")
                                .attr("pages", steps(288, 480, 16))
                                .attr("publication_year", steps(2015, 2024, 1))
                                .pricedBy("format")
                                .features("When a body surfaces in {place}, a detective with secrets of her own must find the truth before the tide turns again.",
                                        "Twisty, atmospheric and impossible to put down, it is the perfect late-night thriller."),
                        kind("science fiction novel", 9, 29).weight(3)
                                .names("The {t_adj} {t_noun}", "Children of the {t_adj} {t_noun}",
                                        "{t_adj} {t_noun}: Book {book_no} of the {series} Cycle")
                                .word("t_adj", "Distant", "Binary", "Quantum", "Final", "Fractured", "Radiant", "Outer",
                                        "Sleeping", "Red", "Ninth", "Silent", "Iron", "Hollow")
                                .word("t_noun", "Orbit", "Colony", "Signal", "Meridian", "Drift", "Horizon", "Engine",
                                        "Protocol", "Frontier", "Relay", "Ark", "Moon", "Archive")
                                .word("book_no", "One", "Two", "Three")
                                .word("series", "Helios", "Andromeda", "Cinder", "Long Dark", "Tycho")
                                .attr("author", "{first} {last}")
                                .attr("genre", "Science Fiction")
                                .attr("format", "Paperback", "Hardcover")
                                .attr("pages", steps(320, 560, 16))
                                .attr("publication_year", steps(2015, 2024, 1))
                                .pricedBy("format")
                                .features("Aboard a generation ship far from Earth, a young engineer uncovers a signal that should not exist.",
                                        "Big ideas about artificial intelligence and first contact meet a deeply human story.")
                                ,
                        kind("fantasy novel", 9, 34).weight(3)
                                .names("The {t_adj} {t_noun}", "{t_noun} of {realm}", "The {t_adj} {t_noun}: {realm} Book {book_no}")
                                .word("t_adj", "Ember", "Thorn", "Winter", "Ash", "Gilded", "Shadow", "Crimson", "Starlit",
                                        "Wild", "Sunken", "Hollow", "Iron")
                                .word("t_noun", "Crown", "Throne", "Blade", "Grove", "Oath", "Wolf", "Tower", "Heir",
                                        "Witch", "Song", "Forge", "Queen")
                                .word("realm", "Emberfall", "Thornwick", "Duskmere", "Silverholt", "Ravenmoor",
                                        "Highcairn", "Stormreach")
                                .word("book_no", "One", "Two", "Three")
                                .attr("author", "{first} {last}")
                                .attr("genre", "Fantasy")
                                .attr("format", "Paperback", "Hardcover")
                                .attr("pages", steps(352, 720, 16))
                                .attr("publication_year", steps(2015, 2024, 1))
                                .pricedBy("format")
                                .features("An exiled heir, a bargain with a forest spirit and a kingdom on the edge of war set this epic in motion.",
                                        "Rich world-building, a clever magic system and a slow-burn romance make it a favorite for fantasy readers.")
                                ,
                        kind("literary novel", 9, 29).weight(3)
                                .names("The {t_adj} {t_noun}", "All the {t_adj} {t_noun}", "A Season of {t_adj} {t_noun}")
                                .word("t_adj", "Quiet", "Small", "Borrowed", "Lost", "Late", "Bright", "Tender",
                                        "Unfinished", "Salt", "Long", "Paper", "Ordinary")
                                .word("t_noun", "Years", "Rooms", "Summers", "Letters", "Rivers", "Hours", "Gardens",
                                        "Mornings", "Daughters", "Islands", "Songs", "Winters")
                                .attr("author", "{first} {last}")
                                .attr("genre", "Literary Fiction")
                                .attr("format", "Paperback", "Hardcover")
                                .attr("pages", steps(224, 416, 16))
                                .attr("publication_year", steps(2015, 2024, 1))
                                .pricedBy("format")
                                .features("Spanning three generations of one family in {place}, it is a moving story about memory, home and forgiveness.",
                                        "Luminous prose and unforgettable characters make it a natural book-club pick."),
                        kind("cookbook", 19, 39).weight(3)
                                .names("The {t_adj} Kitchen: {count} Recipes for {t_for}", "{t_adj} Cooking: Recipes from {first}'s Table")
                                .word("t_adj", "Cast Iron", "Dutch Oven", "One-Pan", "Weeknight", "Slow Sunday",
                                        "Plant-Forward", "Sheet Pan", "Mediterranean", "Seasonal", "Small-Batch",
                                        "Sourdough", "Five-Ingredient")
                                .word("t_for", "Busy Weeknights", "Family Dinners", "Slow Weekends", "Every Season",
                                        "Cooking for Two", "Feeding a Crowd")
                                .word("count", "75", "100", "101", "120", "125", "150")
                                .attr("author", "{first} {last}")
                                .attr("genre", "Cookbooks")
                                .attr("format", "Paperback", "Hardcover")
                                .attr("pages", steps(224, 352, 16))
                                .attr("publication_year", steps(2015, 2024, 1))
                                .pricedBy("format")
                                .features("Clear, tested recipes and full-color photography make weeknight cooking simple and satisfying.",
                                        "Chapters on pantry staples, one-pot meals and baking help you get the most from your cookware."),
                        kind("trail guide", 14, 29).weight(2)
                                .names("{region}: {count} Best Day Hikes", "The {region} Backpacking Guide",
                                        "Wild Camping: {region}", "{region} Trail Guide, {edition} Edition")
                                .word("region", "Pacific Northwest", "Scottish Highlands", "Dolomites", "Patagonia",
                                        "Appalachian Trail", "Colorado Rockies", "Lake District", "Norwegian Fjords",
                                        "Sierra Nevada", "Canadian Rockies", "Swiss Alps", "Pyrenees")
                                .word("count", "40", "50", "60", "75", "100")
                                .word("edition", "2nd", "3rd", "4th")
                                .attr("author", "{first} {last}")
                                .attr("genre", "Travel & Outdoors")
                                .attr("format", "Paperback")
                                .attr("pages", steps(192, 320, 16))
                                .attr("publication_year", steps(2018, 2024, 1))
                                .features("Detailed maps, elevation profiles and honest difficulty ratings help you pick the right route.",
                                        "Tips on permits, camping, water sources and gear make it indispensable for planning a trip."),
                        kind("running guide", 14, 29).weight(1)
                                .names("Run {t_adj}: {t_for}", "{t_adj} Miles: {t_for}")
                                .word("t_adj", "Farther", "Stronger", "Smarter", "Happier", "Faster", "Easy", "Forever")
                                .word("t_for", "A Training Plan for Your First Marathon", "The Science of Endurance",
                                        "Strength Training for Runners", "From 5K to Ultra", "Injury-Free Running for Life",
                                        "The Mindset of Distance")
                                .attr("author", "{first} {last}")
                                .attr("genre", "Health & Fitness")
                                .attr("format", "Paperback", "Hardcover")
                                .attr("pages", steps(208, 320, 16))
                                .attr("publication_year", steps(2015, 2024, 1))
                                .pricedBy("format")
                                .features("Written by a coach and former competitive runner, it covers training plans, nutrition, shoes and recovery.",
                                        "Week-by-week schedules take you from the couch to the start line without injury."),
                        kind("photography guide", 19, 39).weight(1)
                                .names("The {t_adj} Frame: {t_for}", "Seeing in {t_adj} Light: {t_for}")
                                .word("t_adj", "Patient", "Honest", "Quiet", "Golden-Hour", "Street", "Wild", "Natural", "Northern")
                                .word("t_for", "A Field Guide to Landscape Photography", "Mastering Light and Composition",
                                        "Portraits in Natural Light", "Street Photography for Beginners",
                                        "Shooting Wildlife with Any Camera", "The Mirrorless Camera Handbook")
                                .attr("author", "{first} {last}")
                                .attr("genre", "Photography")
                                .attr("format", "Paperback", "Hardcover")
                                .attr("pages", steps(192, 288, 16))
                                .attr("publication_year", steps(2015, 2024, 1))
                                .pricedBy("format")
                                .features("Hundreds of example photographs explain exposure, composition and lenses in plain language.",
                                        "Practical assignments help you get more from the camera you already own."),
                        kind("coffee and tea book", 14, 29).weight(1)
                                .names("The {t_adj} Cup: {t_for}", "{t_adj} Brew: {t_for}")
                                .word("t_adj", "Slow", "Better", "Perfect", "Daily", "Single-Origin", "Morning")
                                .word("t_for", "Espresso, Pour-Over and Beyond", "A Guide to Brewing at Home",
                                        "The World of Loose Leaf Tea", "Roasting, Brewing and Tasting", "From Bean to Cup")
                                .attr("author", "{first} {last}")
                                .attr("genre", "Food & Drink")
                                .attr("format", "Paperback", "Hardcover")
                                .attr("pages", steps(176, 272, 16))
                                .attr("publication_year", steps(2015, 2024, 1))
                                .pricedBy("format")
                                .features("From choosing beans and grinders to dialing in espresso and steeping tea, it demystifies the perfect cup.",
                                        "Profiles of growers and roasters around the world add depth to the brewing guides."),
                        kind("picture book", 8, 19).weight(2)
                                .names("{hero} and the {thing}", "Where Is {hero}?", "Goodnight, {hero}")
                                .word("hero", "Little Fox", "Pip the Penguin", "Otto the Otter", "Hazel the Hedgehog",
                                        "Moss the Mouse", "Juniper the Giraffe", "Barnaby Bear", "Luna the Owl",
                                        "Ziggy the Zebra", "Clementine Cat")
                                .word("thing", "Big Red Balloon", "Missing Moon", "Rainy Day", "Lost Mitten",
                                        "Very Busy Garden", "Midnight Picnic", "Wobbly Tooth", "Snowy Hill")
                                .attr("author", "{first} {last}")
                                .attr("genre", "Children's Books")
                                .attr("format", "Paperback", "Board Book", "Hardcover")
                                .attr("pages", "24", "32", "40")
                                .attr("age_range", "0-3 years", "3-5 years", "4-8 years")
                                .attr("publication_year", steps(2015, 2024, 1))
                                .pricedBy("format")
                                .features("Warm, gentle illustrations and a rhythmic read-aloud text make it a bedtime favorite.",
                                        "A sweet story about friendship, courage and trying new things for ages {age_range}."),
                        kind("business book", 12, 29).weight(2)
                                .names("The {t_adj} {t_noun}: {t_for}")
                                .word("t_adj", "Focused", "Deliberate", "Quiet", "Generous", "Resilient", "Curious", "Patient")
                                .word("t_noun", "Leader", "Team", "Habit", "Week", "Mind", "Startup")
                                .word("t_for", "How Small Choices Compound", "Building Work That Lasts", "Doing Less, Better",
                                        "A Practical Guide to Hard Conversations", "Lessons from Twenty Years of Founders")
                                .attr("author", "{first} {last}")
                                .attr("genre", "Business & Self-Help")
                                .attr("format", "Paperback", "Hardcover")
                                .attr("pages", steps(208, 336, 16))
                                .attr("publication_year", steps(2015, 2024, 1))
                                .pricedBy("format")
                                .features("Drawing on research and hundreds of interviews, it offers practical tools you can use on Monday morning.",
                                        "Short chapters and clear takeaways make it ideal for busy professionals."),
                        kind("history book", 14, 34).weight(2)
                                .names("The {t_adj} {t_noun}: {t_for}")
                                .word("t_adj", "Long", "Great", "Forgotten", "Iron", "Silk", "Salt", "Northern", "Last")
                                .word("t_noun", "Road", "Voyage", "Empire", "Winter", "Crossing", "Harvest", "Republic")
                                .word("t_for", "A History of the Spice Trade", "How Maps Changed the World",
                                        "The Rise and Fall of Trading Cities", "Voyages That Redrew the Map",
                                        "Life on the Medieval Coast")
                                .attr("author", "{first} {last}")
                                .attr("genre", "History")
                                .attr("format", "Paperback", "Hardcover")
                                .attr("pages", steps(320, 576, 16))
                                .attr("publication_year", steps(2015, 2024, 1))
                                .pricedBy("format")
                                .features("Vivid storytelling brings merchants, sailors and mapmakers to life across five centuries.",
                                        "Meticulously researched, with maps, illustrations and extensive notes."))
                .intros("From {author} comes this {noun}, published by {brand} in {publication_year}.",
                        "{author} delivers a {pages}-page {noun}, available here in {format_lc}.",
                        "Published by {brand}, this {noun} by {author} has quickly become a staff favorite.")
                .features("Readers and critics alike have praised its warmth and clarity.",
                        "It is printed on responsibly sourced paper.",
                        "An e-book edition is also available.")
                .closings("A thoughtful gift for any reader.",
                        "Perfect for a quiet afternoon with a cup of tea.",
                        "Ships in protective packaging.");
    }

    private static CategoryPlan coffeeTea() {
        return category("coffee-tea", "Coffee & Tea", "COF", 180,
                "Single-origin and blended coffee, organic loose leaf tea, matcha and brewing gear.")
                .brands(
                        brand("Halden", 4, 110),
                        brand("Cerro Alto", 3, 100)
                                .only("bag of whole bean coffee", "bag of organic whole bean coffee", "bag of ground coffee",
                                        "espresso blend", "cold brew coffee"),
                        brand("Kettle & Crane", 3, 105),
                        brand("Mokara", 4, 85),
                        brand("Blue Fern Tea", 3, 95)
                                .only("black tea", "green tea", "herbal tea", "matcha", "tea sampler"),
                        brand("Saltmarsh Roasters", 2, 125)
                                .only("bag of whole bean coffee", "bag of organic whole bean coffee", "espresso blend",
                                        "cold brew coffee", "pour-over dripper"))
                .words("blend", "Morning Ritual", "House", "Breakfast", "Harbor Fog", "Night Owl", "Sunday", "Foundry",
                        "Lighthouse")
                .kinds(
                        kind("bag of whole bean coffee", 12, 29).weight(3)
                                .names("{brand} {origin} {roast} Roast Whole Bean Coffee, {weight}")
                                .attr("origin", COFFEE_ORIGINS)
                                .attr("roast", "Light", "Medium", "Medium-Dark", "Dark")
                                .attr("weight", "340 g (12 oz)", "454 g (1 lb)", "907 g (2 lb)")
                                .attr("process", "Washed", "Natural", "Honey")
                                .attr("tasting_notes", TASTING_NOTES)
                                .attr("certification", "Direct Trade", "Rainforest-friendly farm")
                                .pricedBy("weight")
                                .features("This single-origin {origin} coffee is {process_lc}-processed and roasted to order, with notes of {tasting_notes_lc}.",
                                        "A {roast_lc} roast that shines as pour-over, drip or French press."),
                        kind("bag of organic whole bean coffee", 14, 34).weight(2)
                                .names("{brand} Organic {origin} {roast} Roast Whole Bean Coffee, {weight}")
                                .attr("origin", COFFEE_ORIGINS)
                                .attr("roast", "Light", "Medium", "Medium-Dark", "Dark")
                                .attr("weight", "340 g (12 oz)", "454 g (1 lb)", "907 g (2 lb)")
                                .attr("tasting_notes", TASTING_NOTES)
                                .attr("certification", "Certified Organic", "Certified Organic, Direct Trade")
                                .pricedBy("weight")
                                .features("Grown without synthetic pesticides, this organic {origin} coffee tastes of {tasting_notes_lc}.",
                                        "Small-batch roasted to a {roast_lc} profile for balance and sweetness."),
                        kind("bag of ground coffee", 9, 24).weight(2)
                                .names("{brand} {blend} {roast} Roast Ground Coffee, {grind} Grind, {weight}")
                                .attr("roast", "Medium", "Medium-Dark", "Dark")
                                .attr("grind", "Drip", "Espresso", "French Press")
                                .attr("weight", "340 g (12 oz)", "454 g (1 lb)")
                                .attr("tasting_notes", TASTING_NOTES)
                                .pricedBy("weight")
                                .features("Pre-ground for {grind_lc} brewing, the {blend} blend is smooth and forgiving every morning.",
                                        "Notes of {tasting_notes_lc} hold up well with milk."),
                        kind("espresso blend", 14, 29).weight(2)
                                .names("{brand} {blend} Espresso Blend Whole Bean Coffee, {weight}")
                                .attr("roast", "Medium-Dark", "Dark")
                                .attr("weight", "340 g (12 oz)", "454 g (1 lb)", "907 g (2 lb)")
                                .attr("tasting_notes", TASTING_NOTES)
                                .attr("components", "Brazil and Colombia", "Brazil, Ethiopia and Guatemala", "Sumatra and Honduras")
                                .pricedBy("weight")
                                .features("Built from {components} beans, it pulls syrupy shots with thick crema.",
                                        "It cuts beautifully through milk in lattes and flat whites."),
                        kind("cold brew coffee", 12, 24).weight(1)
                                .names("{brand} {blend} Cold Brew Coarse Ground Coffee, {weight}")
                                .attr("roast", "Medium", "Dark")
                                .attr("weight", "454 g (1 lb)", "907 g (2 lb)")
                                .attr("grind", "Extra coarse")
                                .attr("tasting_notes", TASTING_NOTES)
                                .pricedBy("weight")
                                .features("Coarsely ground for cold brewing: steep overnight for a smooth, low-acid concentrate.",
                                        "One bag makes up to 30 servings of iced coffee."),
                        kind("black tea", 8, 29).weight(2)
                                .names("{brand} {tea} Loose Leaf Black Tea, {weight} {packaging}",
                                        "{brand} Organic {tea} Black Tea, {weight}")
                                .attr("tea", "Earl Grey", "English Breakfast", "Darjeeling First Flush", "Assam Golden Tips",
                                        "Lapsang Souchong", "Masala Chai", "Ceylon Orange Pekoe", "Irish Breakfast")
                                .attr("weight", "50 g", "100 g", "250 g")
                                .attr("packaging", "Tin", "Resealable Pouch", "Glass Jar")
                                .attr("caffeine", "High")
                                .attr("steeping", "95 °C for 3-5 minutes")
                                .pricedBy("weight")
                                .features("Full-bodied {tea} leaves brew a bright, brisk cup that takes milk well.",
                                        "Steep at {steeping} for a perfect cup."),
                        kind("green tea", 9, 29).weight(2)
                                .names("{brand} {tea} Loose Leaf Green Tea, {weight} {packaging}",
                                        "{brand} Organic {tea} Green Tea, {weight}")
                                .attr("tea", "Jasmine Pearl", "Sencha", "Gyokuro", "Dragon Well", "Genmaicha", "Mint Green")
                                .attr("weight", "50 g", "100 g", "250 g")
                                .attr("packaging", "Tin", "Resealable Pouch", "Glass Jar")
                                .attr("caffeine", "Moderate")
                                .attr("steeping", "80 °C for 2-3 minutes")
                                .pricedBy("weight")
                                .features("Delicate {tea} leaves give a fresh, grassy cup with a sweet finish.",
                                        "Steep at {steeping}; the leaves can be infused two or three times."),
                        kind("herbal tea", 8, 24).weight(2)
                                .names("{brand} {tea} Caffeine-Free Herbal Tea, {weight} {packaging}",
                                        "{brand} Organic {tea} Herbal Infusion, {weight}")
                                .attr("tea", "Chamomile Blossom", "Rooibos Vanilla", "Peppermint", "Lemon Ginger",
                                        "Hibiscus Berry", "Lavender Dream")
                                .attr("weight", "50 g", "100 g", "250 g")
                                .attr("packaging", "Tin", "Resealable Pouch", "Glass Jar")
                                .attr("caffeine", "Caffeine-free")
                                .pricedBy("weight")
                                .features("This soothing {tea} infusion is naturally caffeine-free, perfect for evenings.",
                                        "Whole flowers and herbs give a vivid, aromatic cup, hot or iced."),
                        kind("matcha", 18, 39).weight(1)
                                .names("{brand} {grade} Grade Organic Matcha Green Tea Powder, {weight}")
                                .attr("grade", "Culinary", "Premium", "Ceremonial")
                                .attr("weight", "30 g", "100 g")
                                .attr("origin", "Uji, Japan", "Kagoshima, Japan", "Nishio, Japan")
                                .attr("caffeine", "Moderate")
                                .pricedBy("grade")
                                .features("Stone-ground shade-grown leaves from {origin} whisk into a vivid, creamy bowl of matcha.",
                                        "Use it for traditional tea, lattes or baking."),
                        kind("tea sampler", 24, 59).weight(1)
                                .names("{brand} {theme} Tea Sampler Gift Set, {count} Varieties")
                                .attr("theme", "Around the World", "Calm Evenings", "Breakfast Classics", "Green and White", "Spiced Winter")
                                .attr("count", "6", "9", "12")
                                .attr("packaging", "Gift box with individual tins")
                                .pricedBy("count")
                                .features("{count} small-batch teas in a gift box make it easy to find a new favorite.",
                                        "A tasting card explains each tea's origin and brewing temperature."),
                        kind("pour-over dripper", 19, 59).weight(1)
                                .names("{brand} {material} Pour-Over Coffee Dripper, {size}, {color}")
                                .attr("material", "Ceramic", "Borosilicate Glass", "Stainless Steel")
                                .attr("size", "1-Cup", "2-4 Cup")
                                .attr("filter", "Cone paper filters", "Reusable mesh filter")
                                .attr("color", "White", "Matte Black", "Speckled Sand", "Clear")
                                .features("A spiral-ribbed cone and single large hole give full control over flow and extraction.",
                                        "The {material_lc} body holds heat for an even brew."),
                        kind("French press", 19, 59).weight(1)
                                .names("{brand} {capacity} {material} French Press, {color}")
                                .attr("capacity", "350 ml", "1 L", "1.5 L")
                                .attr("material", "Glass and Stainless Steel", "Double-Wall Stainless Steel")
                                .attr("color", "Silver", "Matte Black", "Copper")
                                .attr("filter", "Four-level stainless steel mesh")
                                .pricedBy("capacity")
                                .features("A four-level mesh filter keeps grounds out of the cup for a clean, full-bodied brew.",
                                        "The {capacity} carafe serves one to several people, and it is great for loose leaf tea too."))
                .intros("Made for home brewing, this {noun} from {brand} brings café quality to your morning routine.",
                        "{brand} sources this {noun} directly from growers and makers it has worked with for years.",
                        "This {noun} from {brand} is made for slow mornings and afternoon breaks.")
                .features("It ships within two business days.",
                        "Everything in our range is chosen and tested by an in-house tasting team.",
                        "The packaging is compostable or recyclable.")
                .closings("Free shipping on orders over $35.",
                        "A lovely gift for coffee and tea lovers.",
                        "Our tasting team answers brewing questions by email.");
    }

    private static final String[] COFFEE_ORIGINS = {
            "Ethiopia Yirgacheffe", "Colombia Huila", "Guatemala Antigua", "Kenya Nyeri", "Sumatra Mandheling",
            "Brazil Cerrado", "Costa Rica Tarrazú", "Peru Cajamarca", "Honduras Marcala", "Rwanda Huye"};

    private static final String[] TASTING_NOTES = {
            "Blueberry, jasmine and lemon", "Milk chocolate, caramel and almond", "Dark cocoa and toasted walnut",
            "Brown sugar, red apple and cinnamon", "Cherry, honey and black tea", "Molasses, cedar and dark chocolate"};

    // ---------------------------------------------------------------------------------------------
    // The generator.
    // ---------------------------------------------------------------------------------------------

    private static CategoryPlan category(String slug, String name, String skuPrefix, int size, String description) {
        return new CategoryPlan(slug, name, skuPrefix, size, description);
    }

    private static Brand brand(String name, int weight, int pricePercent) {
        return new Brand(name, weight, pricePercent, List.of(), List.of());
    }

    private static ProductKind kind(String noun, int minDollars, int maxDollars) {
        return new ProductKind(noun, minDollars, maxDollars);
    }

    /** Whole numbers from {@code from} to {@code to} inclusive, as attribute values. */
    private static String[] steps(int from, int to, int step) {
        List<String> values = new ArrayList<>();
        for (int value = from; value <= to; value += step) {
            values.add(Integer.toString(value));
        }
        return values.toArray(new String[0]);
    }

    /**
     * A brand as it appears in one category: how prolific it is ({@code weight}), how it prices
     * against the category ({@code pricePercent}, 100 = middle of the market), its own product
     * lines, and optionally the only kinds it makes there.
     */
    private record Brand(String name, int weight, int pricePercent, List<String> lines, List<String> onlyNouns) {

        Brand lines(String... names) {
            return new Brand(name, weight, pricePercent, List.of(names), onlyNouns);
        }

        Brand only(String... nouns) {
            return new Brand(name, weight, pricePercent, lines, List.of(nouns));
        }

        boolean makes(ProductKind kind) {
            return onlyNouns.isEmpty() || onlyNouns.contains(kind.noun);
        }
    }

    /** One kind of product within a category, with everything needed to name, describe and price it. */
    private static final class ProductKind {
        final String noun;
        final int minDollars;
        final int maxDollars;
        int weight = 1;
        final List<String> names = new ArrayList<>();
        final Map<String, List<String>> words = new LinkedHashMap<>();
        final Map<String, List<String>> attributes = new LinkedHashMap<>();
        final List<String> pricedBy = new ArrayList<>();
        final List<String> features = new ArrayList<>();

        ProductKind(String noun, int minDollars, int maxDollars) {
            this.noun = noun;
            this.minDollars = minDollars;
            this.maxDollars = maxDollars;
        }

        ProductKind weight(int value) {
            weight = value;
            return this;
        }

        ProductKind names(String... templates) {
            names.addAll(List.of(templates));
            return this;
        }

        /** A placeholder pool used in templates only; unlike attributes it is not stored on the product. */
        ProductKind word(String key, String... pool) {
            words.put(key, List.of(pool));
            return this;
        }

        ProductKind attr(String key, String... values) {
            attributes.put(key, List.of(values));
            return this;
        }

        /** Attributes whose values are listed cheapest first; they pull the price up the range. */
        ProductKind pricedBy(String... keys) {
            pricedBy.addAll(List.of(keys));
            return this;
        }

        ProductKind features(String... sentences) {
            features.addAll(List.of(sentences));
            return this;
        }
    }

    private static final class CategoryPlan {
        final String slug;
        final String name;
        final String skuPrefix;
        final int size;
        final String description;
        final List<Brand> brands = new ArrayList<>();
        final Map<String, List<String>> words = new LinkedHashMap<>();
        final List<ProductKind> kinds = new ArrayList<>();
        final List<String> intros = new ArrayList<>();
        final List<String> features = new ArrayList<>();
        final List<String> closings = new ArrayList<>();

        CategoryPlan(String slug, String name, String skuPrefix, int size, String description) {
            this.slug = slug;
            this.name = name;
            this.skuPrefix = skuPrefix;
            this.size = size;
            this.description = description;
        }

        CategoryPlan brands(Brand... values) {
            brands.addAll(List.of(values));
            return this;
        }

        CategoryPlan words(String key, String... pool) {
            words.put(key, List.of(pool));
            return this;
        }

        CategoryPlan kinds(ProductKind... values) {
            kinds.addAll(List.of(values));
            return this;
        }

        CategoryPlan intros(String... sentences) {
            intros.addAll(List.of(sentences));
            return this;
        }

        CategoryPlan features(String... sentences) {
            features.addAll(List.of(sentences));
            return this;
        }

        CategoryPlan closings(String... sentences) {
            closings.addAll(List.of(sentences));
            return this;
        }

        SeedCategory category() {
            return new SeedCategory(slug, name, description);
        }

        void generate(Set<String> takenNames, List<SeedProduct> out) {
            checkVocabulary();
            // Each category draws from its own stream, so editing one category's vocabulary leaves
            // every other category's products exactly as they were.
            Random random = new Random(SEED * 31 + slug.hashCode());
            for (int number = 1; number <= size; number++) {
                out.add(draw(sku(number), random, takenNames));
            }
        }

        private String sku(int number) {
            String digits = Integer.toString(number);
            return skuPrefix + "-" + "000000".substring(digits.length()) + digits;
        }

        private SeedProduct draw(String sku, Random random, Set<String> takenNames) {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                ProductKind kind = kinds.get(pickWeighted(kindWeights(), random));
                List<Brand> makers = makersOf(kind);
                Brand brand = makers.get(pickWeighted(brandWeights(makers), random));

                Map<String, String> values = new HashMap<>(); // lookup only, never iterated
                values.put("brand", brand.name());
                values.put("noun", kind.noun);
                for (Map.Entry<String, List<String>> word : words.entrySet()) {
                    values.put(word.getKey(), pick(word.getValue(), random));
                }
                if (!brand.lines().isEmpty()) {
                    values.put("line", pick(brand.lines(), random));
                }
                for (Map.Entry<String, List<String>> word : kind.words.entrySet()) {
                    values.put(word.getKey(), pick(word.getValue(), random));
                }

                Map<String, String> attributes = new LinkedHashMap<>();
                int pricedPermilleSum = 0;
                for (Map.Entry<String, List<String>> attribute : kind.attributes.entrySet()) {
                    List<String> pool = attribute.getValue();
                    int index = random.nextInt(pool.size());
                    String value = fill(pool.get(index), values);
                    attributes.put(attribute.getKey(), value);
                    values.put(attribute.getKey(), value);
                    if (kind.pricedBy.contains(attribute.getKey())) {
                        pricedPermilleSum += pool.size() == 1 ? 500 : index * 1000 / (pool.size() - 1);
                    }
                }

                String productName = tidy(fill(pick(kind.names, random), values));
                if (!takenNames.add(productName)) {
                    continue;
                }
                int pricedPermille = kind.pricedBy.isEmpty() ? -1 : pricedPermilleSum / kind.pricedBy.size();
                BigDecimal price = price(kind, brand, pricedPermille, random);
                String description = describe(kind, values, random);
                return new SeedProduct(sku, productName, description, brand.name(), slug, price, attributes);
            }
            throw new IllegalStateException("Vocabulary of " + slug + " is too small for " + size
                    + " unique product names");
        }

        private int[] kindWeights() {
            int[] weights = new int[kinds.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = kinds.get(i).weight;
            }
            return weights;
        }

        private List<Brand> makersOf(ProductKind kind) {
            List<Brand> makers = new ArrayList<>(brands.size());
            for (Brand brand : brands) {
                if (brand.makes(kind)) {
                    makers.add(brand);
                }
            }
            return makers;
        }

        private static int[] brandWeights(List<Brand> makers) {
            int[] weights = new int[makers.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = makers.get(i).weight();
            }
            return weights;
        }

        /**
         * Specs decide roughly where in the kind's range a price falls, with some noise; without
         * specs, cheaper prices are more common. The brand then nudges it up or down.
         */
        private static BigDecimal price(ProductKind kind, Brand brand, int pricedPermille, Random random) {
            int noise = random.nextInt(1001);
            int position = pricedPermille >= 0
                    ? (3 * pricedPermille + noise) / 4
                    : Math.min(noise, random.nextInt(1001));
            int span = kind.maxDollars - kind.minDollars;
            int dollars = kind.minDollars + span * position / 1000;
            dollars = Math.clamp((long) dollars * brand.pricePercent() / 100, kind.minDollars, kind.maxDollars);
            int cents;
            if (dollars >= 100) {
                dollars = dollars / 10 * 10 + 9;      // 1,299 rather than 1,284
                cents = random.nextInt(3) == 0 ? 0 : 99;
            } else {
                if (dollars >= 20) {
                    dollars = dollars / 5 * 5 + 4;    // 24, 29, 34 ...
                }
                cents = CENTS[random.nextInt(CENTS.length)];
            }
            return BigDecimal.valueOf(dollars * 100L + cents, 2);
        }

        /** Intro, one kind-specific feature, then maybe a general feature and a closing: 2 to 4 sentences. */
        private String describe(ProductKind kind, Map<String, String> values, Random random) {
            List<String> sentences = new ArrayList<>(4);
            sentences.add(pick(intros, random));
            sentences.add(pick(kind.features, random));
            if (random.nextInt(3) > 0) {
                sentences.add(pick(features, random));
            }
            if (random.nextInt(2) == 0) {
                sentences.add(pick(closings, random));
            }
            StringBuilder text = new StringBuilder(400);
            for (String sentence : sentences) {
                String filled = fill(sentence, values);
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(Character.toUpperCase(filled.charAt(0))).append(filled, 1, filled.length());
            }
            return text.toString();
        }

        // Typos in the tables should fail the first run loudly rather than produce odd data.
        private void checkVocabulary() {
            List<String> nouns = new ArrayList<>();
            for (ProductKind kind : kinds) {
                String where = slug + "/" + kind.noun;
                if (kind.attributes.size() < 3 || kind.attributes.size() > 6) {
                    throw new IllegalStateException(where + " must have 3 to 6 attributes");
                }
                if (kind.names.isEmpty() || kind.features.isEmpty()) {
                    throw new IllegalStateException(where + " needs name templates and features");
                }
                if (!kind.attributes.keySet().containsAll(kind.pricedBy)) {
                    throw new IllegalStateException(where + " is priced by an unknown attribute");
                }
                if (makersOf(kind).isEmpty()) {
                    throw new IllegalStateException(where + " has no brand");
                }
                nouns.add(kind.noun);
            }
            for (Brand brand : brands) {
                if (!nouns.containsAll(brand.onlyNouns())) {
                    throw new IllegalStateException(slug + "/" + brand.name() + " names an unknown kind");
                }
            }
        }
    }

    private static <T> T pick(List<T> pool, Random random) {
        return pool.get(random.nextInt(pool.size()));
    }

    /** The index of a randomly chosen entry, each as likely as its weight. */
    private static int pickWeighted(int[] weights, Random random) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int ticket = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            ticket -= weights[i];
            if (ticket < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable: the ticket is below the total weight");
    }

    /**
     * Replaces each {@code {key}} with its value; {@code {key_lc}} gives the value in lower case.
     * Hand-rolled rather than a regex: it runs some 30,000 times and must stay cheap when cold.
     */
    private static String fill(String template, Map<String, String> values) {
        int open = template.indexOf('{');
        if (open < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 48);
        int from = 0;
        while (open >= 0) {
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalStateException("Unclosed placeholder in: " + template);
            }
            out.append(template, from, open).append(resolve(template.substring(open + 1, close), values, template));
            from = close + 1;
            open = template.indexOf('{', from);
        }
        return out.append(template, from, template.length()).toString();
    }

    private static String resolve(String key, Map<String, String> values, String template) {
        boolean lowerCase = key.endsWith("_lc") && !values.containsKey(key);
        String value = values.get(lowerCase ? key.substring(0, key.length() - 3) : key);
        if (value == null) {
            throw new IllegalStateException("Unknown placeholder {" + key + "} in: " + template);
        }
        return lowerCase ? value.toLowerCase(Locale.ROOT) : value;
    }

    /** Removes the double spaces an empty word (such as a blank edition) leaves behind. */
    private static String tidy(String name) {
        String tidied = name.strip();
        while (tidied.contains("  ")) {
            tidied = tidied.replace("  ", " ");
        }
        return tidied;
    }
}

package org.emporium.storefront.web.checkout;

import java.util.List;

/** The countries the shop delivers to, as the checkout's select offers them (ISO 3166-1 alpha-2). */
final class Countries {

    /** One option: the code the orders service takes, and its English name. */
    public record Country(String code, String name) {
    }

    static final List<Country> ALL = List.of(
            new Country("AU", "Australia"),
            new Country("AT", "Austria"),
            new Country("BE", "Belgium"),
            new Country("CA", "Canada"),
            new Country("DK", "Denmark"),
            new Country("FI", "Finland"),
            new Country("FR", "France"),
            new Country("DE", "Germany"),
            new Country("IE", "Ireland"),
            new Country("IT", "Italy"),
            new Country("JP", "Japan"),
            new Country("LU", "Luxembourg"),
            new Country("NL", "Netherlands"),
            new Country("NZ", "New Zealand"),
            new Country("NO", "Norway"),
            new Country("PL", "Poland"),
            new Country("PT", "Portugal"),
            new Country("SG", "Singapore"),
            new Country("ES", "Spain"),
            new Country("SE", "Sweden"),
            new Country("CH", "Switzerland"),
            new Country("GB", "United Kingdom"),
            new Country("US", "United States"));

    private Countries() {
    }

    static boolean known(String code) {
        return ALL.stream().anyMatch(c -> c.code().equals(code));
    }

    /** The country's name, or the code itself when it isn't one of ours. */
    static String name(String code) {
        return ALL.stream().filter(c -> c.code().equals(code)).map(Country::name).findFirst().orElse(code);
    }
}

package org.emporium.notifications.message;

import java.util.ArrayList;
import java.util.List;

public record ShippingAddress(String name, String line1, String line2, String city, String region,
                              String postalCode, String country) {

    /** The address as printed on an envelope, one line each, blank parts left out. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        add(lines, name);
        add(lines, line1);
        add(lines, line2);
        add(lines, String.join(" ", nonBlank(postalCode), nonBlank(city)).strip());
        add(lines, region);
        add(lines, country);
        return lines;
    }

    private static void add(List<String> lines, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(value.strip());
        }
    }

    private static String nonBlank(String value) {
        return value == null ? "" : value.strip();
    }
}

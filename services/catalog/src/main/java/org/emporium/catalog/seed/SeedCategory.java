package org.emporium.catalog.seed;

import java.util.Objects;

/** A catalog category as seeded; {@code slug} is lowercase-hyphenated and doubles as its stable key. */
public record SeedCategory(String slug, String name, String description) {

    public SeedCategory {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }
}

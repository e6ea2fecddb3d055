package org.emporium.catalog.api;

import java.util.Map;
import org.emporium.platform.defaults.ProblemException;

/**
 * Refuses control characters in text a client sends. PostgreSQL cannot store a NUL byte in
 * text at all (it would surface as a 500), and no product field has a use for the others.
 */
final class Text {

    private Text() {
    }

    static void requirePrintable(String field, String value) {
        if (value != null && value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
            throw ProblemException.invalid(field, "must not contain control characters");
        }
    }

    static void requirePrintable(ProductRequest request) {
        requirePrintable("sku", request.sku());
        requirePrintable("name", request.name());
        requirePrintable("description", request.description());
        requirePrintable("brand", request.brand());
        requirePrintable("category", request.category());
        requirePrintable("imageUrl", request.imageUrl());
        if (request.attributes() != null) {
            for (Map.Entry<String, String> attribute : request.attributes().entrySet()) {
                requirePrintable("attributes", attribute.getKey());
                requirePrintable("attributes." + attribute.getKey(), attribute.getValue());
            }
        }
    }
}

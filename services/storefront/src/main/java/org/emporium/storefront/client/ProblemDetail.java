package org.emporium.storefront.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;

/** Reads the {@code detail} of a problem+json answer, for a message the shopper can act on. */
public final class ProblemDetail {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LENGTH = 300;

    private ProblemDetail() {
    }

    public static String read(Response response) {
        try {
            if (!response.hasEntity()) {
                return null;
            }
            String body = response.readEntity(String.class);
            return detailOf(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static String detailOf(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode detail = JSON.readTree(body).path("detail");
            if (!detail.isTextual() || detail.asText().isBlank()) {
                return null;
            }
            String text = detail.asText().strip();
            return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "\u2026" : text;
        } catch (Exception e) {
            return null;
        }
    }
}

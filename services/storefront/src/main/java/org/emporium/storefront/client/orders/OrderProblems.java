package org.emporium.storefront.client.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.emporium.platform.upstream.UpstreamNotFoundException;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.platform.upstream.Upstreams;
import org.emporium.storefront.client.ProblemDetail;

/** Turns the orders service's error answers (problem+json) into the storefront's exceptions. */
final class OrderProblems {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LENGTH = 300;
    private static final int MAX_ERRORS = 20;

    private OrderProblems() {
    }

    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status == 404) {
            return new UpstreamNotFoundException(GuardedOrders.ORDERS, "not found by the orders service");
        }
        if (status >= 500) {
            return Upstreams.exception(GuardedOrders.ORDERS, status);
        }
        String body = null;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (RuntimeException e) {
            // no body to read: a rejection without words
        }
        return rejection(status, body);
    }

    /** A 4xx answer as a rejection: its title, detail and field errors, each bounded in length. */
    static UpstreamRejectedException rejection(int status, String body) {
        String title = null;
        String detail = null;
        List<UpstreamRejectedException.FieldError> errors = new ArrayList<>();
        if (body != null && !body.isBlank()) {
            try {
                JsonNode problem = JSON.readTree(body);
                title = text(problem.path("title"));
                detail = ProblemDetail.detailOf(body);
                for (JsonNode error : problem.path("errors")) {
                    String field = text(error.path("field"));
                    String message = text(error.path("message"));
                    if (field != null && message != null && errors.size() < MAX_ERRORS) {
                        errors.add(new UpstreamRejectedException.FieldError(field, message));
                    }
                }
            } catch (Exception e) {
                // not JSON: a rejection without words
            }
        }
        return new UpstreamRejectedException(GuardedOrders.ORDERS, status, title, detail, errors);
    }

    private static String text(JsonNode node) {
        if (!node.isTextual() || node.asText().isBlank()) {
            return null;
        }
        String text = node.asText().strip();
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "\u2026" : text;
    }
}

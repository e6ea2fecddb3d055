package org.emporium.notifications.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.emporium.notifications.message.Money;
import org.emporium.notifications.message.OrderCancellation;
import org.emporium.notifications.message.OrderConfirmation;
import org.emporium.notifications.message.OrderLine;
import org.emporium.notifications.message.ShippingAddress;

/**
 * An event of orders.order.v1 as far as this service cares (contracts/events/orders.*.json):
 * a confirmation or a cancellation to mail about, or one it has no email for. Parsing checks what
 * an email needs — a usable address, lines, amounts — and nothing more.
 */
public sealed interface OrderEvent {

    String TYPE_PREFIX = "emporium.orders.";

    UUID eventId();

    record Confirmed(UUID eventId, OrderConfirmation order) implements OrderEvent {
    }

    record Cancelled(UUID eventId, OrderCancellation order) implements OrderEvent {
    }

    /** A known event no email is sent for (OrderPlaced: the email comes with its outcome). */
    record Ignored(UUID eventId, String type) implements OrderEvent {
    }

    /** Not an event this service can read; no retry will change that. */
    final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    Pattern AMOUNT = Pattern.compile("[0-9]+\\.[0-9]{2}");
    Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    Pattern LAST4 = Pattern.compile("[0-9]{4}");

    static OrderEvent parse(ObjectMapper json, byte[] value) throws Malformed {
        if (value == null) {
            throw new Malformed("empty record");
        }
        JsonNode event;
        try {
            event = json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new Malformed("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Malformed("not readable: " + e.getMessage());
        }
        if (event == null || !event.isObject()) {
            throw new Malformed("not a JSON object");
        }
        if (!"1.0".equals(event.path("specversion").asText())) {
            throw new Malformed("not a CloudEvent 1.0");
        }
        UUID id = uuid(event, "id");
        String type = event.path("type").asText();
        JsonNode data = event.path("data");
        return switch (type) {
            case TYPE_PREFIX + "OrderConfirmed" -> {
                object(data, "data");
                yield new Confirmed(id, new OrderConfirmation(uuid(data, "orderId"), email(data), lines(data),
                        money(data.path("total"), "total"), address(data.path("shippingAddress")),
                        matching(data, "last4", LAST4)));
            }
            case TYPE_PREFIX + "OrderCancelled" -> {
                object(data, "data");
                yield new Cancelled(id, new OrderCancellation(uuid(data, "orderId"), email(data), lines(data),
                        money(data.path("total"), "total"), text(data, "reason"), data.path("detail").asText("")));
            }
            case TYPE_PREFIX + "OrderPlaced" -> new Ignored(id, type);
            default -> throw new Malformed("unknown event type '" + type + "'");
        };
    }

    private static void object(JsonNode node, String field) throws Malformed {
        if (!node.isObject()) {
            throw new Malformed(field + " must be an object");
        }
    }

    private static UUID uuid(JsonNode node, String field) throws Malformed {
        String value = node.path(field).asText("");
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new Malformed(field + " must be a UUID");
        }
    }

    private static String text(JsonNode node, String field) throws Malformed {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new Malformed(field + " must be a non-empty string");
        }
        return value.asText();
    }

    private static String matching(JsonNode node, String field, Pattern pattern) throws Malformed {
        String value = text(node, field);
        if (!pattern.matcher(value).matches()) {
            throw new Malformed(field + " must match " + pattern);
        }
        return value;
    }

    private static String email(JsonNode data) throws Malformed {
        String email = text(data, "email");
        try {
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            if (address.getPersonal() != null || !email.equals(address.getAddress())) {
                throw new AddressException("not a bare address");
            }
        } catch (AddressException e) {
            throw new Malformed("email is not a usable address");
        }
        return email;
    }

    private static Money money(JsonNode node, String field) throws Malformed {
        object(node, field);
        return new Money(matching(node, "amount", AMOUNT), matching(node, "currency", CURRENCY));
    }

    private static List<OrderLine> lines(JsonNode data) throws Malformed {
        JsonNode lines = data.path("lines");
        if (!lines.isArray() || lines.isEmpty()) {
            throw new Malformed("lines must be a non-empty array");
        }
        List<OrderLine> result = new ArrayList<>();
        for (JsonNode line : lines) {
            object(line, "lines[]");
            JsonNode quantity = line.path("quantity");
            if (!quantity.isInt() || quantity.asInt() < 1) {
                throw new Malformed("lines[].quantity must be a positive integer");
            }
            result.add(new OrderLine(text(line, "sku"), text(line, "name"), quantity.asInt(),
                    money(line.path("unitPrice"), "unitPrice"), money(line.path("lineTotal"), "lineTotal")));
        }
        return result;
    }

    private static ShippingAddress address(JsonNode node) throws Malformed {
        object(node, "shippingAddress");
        return new ShippingAddress(text(node, "name"), text(node, "line1"), optional(node, "line2"),
                text(node, "city"), optional(node, "region"), text(node, "postalCode"), text(node, "country"));
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}

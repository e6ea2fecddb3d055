package org.emporium.notifications.messaging;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.emporium.notifications.message.Money;
import org.emporium.notifications.message.OrderCancellation;
import org.emporium.notifications.message.OrderConfirmation;
import org.emporium.notifications.message.OrderLine;
import org.emporium.notifications.message.ShippingAddress;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.Fields;
import org.emporium.platform.messaging.MalformedEvent;

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

    Pattern AMOUNT = Pattern.compile("[0-9]+\\.[0-9]{2}");
    Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    Pattern LAST4 = Pattern.compile("[0-9]{4}");

    static OrderEvent of(Envelope event) throws MalformedEvent {
        UUID id = event.attributes().uuid("id");
        String type = event.type();
        return switch (type) {
            case TYPE_PREFIX + "OrderConfirmed" -> {
                Fields data = event.data();
                yield new Confirmed(id, new OrderConfirmation(data.uuid("orderId"), email(data), lines(data),
                        money(data, "total"), address(data.object("shippingAddress")), data.matching("last4", LAST4)));
            }
            case TYPE_PREFIX + "OrderCancelled" -> {
                Fields data = event.data();
                yield new Cancelled(id, new OrderCancellation(data.uuid("orderId"), email(data), lines(data),
                        money(data, "total"), data.text("reason"), data.node("detail").asText("")));
            }
            case TYPE_PREFIX + "OrderPlaced" -> new Ignored(id, type);
            default -> throw new MalformedEvent("unknown event type '" + type + "'");
        };
    }

    private static String email(Fields data) throws MalformedEvent {
        String email = data.text("email");
        try {
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            if (address.getPersonal() != null || !email.equals(address.getAddress())) {
                throw new AddressException("not a bare address");
            }
        } catch (AddressException e) {
            throw new MalformedEvent("data.email is not a usable address");
        }
        return email;
    }

    private static Money money(Fields node, String field) throws MalformedEvent {
        Fields money = node.object(field);
        return new Money(money.matching("amount", AMOUNT), money.matching("currency", CURRENCY));
    }

    private static List<OrderLine> lines(Fields data) throws MalformedEvent {
        List<OrderLine> result = new ArrayList<>();
        for (Fields line : data.array("lines", 1)) {
            result.add(new OrderLine(line.text("sku"), line.text("name"), line.count("quantity", 1),
                    money(line, "unitPrice"), money(line, "lineTotal")));
        }
        return result;
    }

    private static ShippingAddress address(Fields node) throws MalformedEvent {
        return new ShippingAddress(node.text("name"), node.text("line1"), node.optionalText("line2"),
                node.text("city"), node.optionalText("region"), node.text("postalCode"), node.text("country"));
    }
}

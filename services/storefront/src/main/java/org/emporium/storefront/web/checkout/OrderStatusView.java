package org.emporium.storefront.web.checkout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.emporium.storefront.client.cart.LineKey;
import org.emporium.storefront.client.Money;
import org.emporium.storefront.client.orders.Order;
import org.emporium.storefront.web.layout.PriceFormat;

/**
 * The order page's status panel, formatted: placing (PENDING), confirmed (what was bought, where
 * it goes, the card's brand and last four digits) or cancelled (why, in words for the shopper).
 *
 * @param polling whether the panel asks for itself again every 2 s (the fallback when the live
 *                stream of the orders service can't be had)
 * @param notice  a line for the shopper about the page itself ("still checking…"), or null
 * @param retryHref for an order cancelled over its payment, checkout again with the same cart and
 *                  address ("Try another card"); null otherwise
 */
public record OrderStatusView(String id, String status, String reasonText, List<LineView> lines, String total,
                              List<String> address, String card, String email, boolean polling, String notice,
                              String retryHref) {

    /** One line of the order; {@code options} as the shopper chose them ("Size M"), empty for none. */
    public record LineView(String sku, String options, String name, int quantity, String unitPrice, String lineTotal) {
    }

    /** {@code id} is the order's id as the page was asked for it (already checked to be a UUID). */
    static OrderStatusView of(String id, Order order) {
        String status = order.status() == null ? "PENDING" : order.status().toUpperCase(Locale.ROOT);
        List<LineView> lines = order.lines().stream()
                .map(l -> new LineView(l.sku(), new LineKey(l.sku(), l.options()).label(), l.name() == null || l.name().isBlank() ? l.sku() : l.name(), l.quantity(),
                        money(l.unitPrice()), money(l.lineTotal())))
                .toList();
        String card = null;
        if (order.payment() != null && order.payment().last4() != null) {
            String brand = order.payment().brand() == null || order.payment().brand().isBlank() ? "Card" : order.payment().brand();
            card = brand + " ending in " + order.payment().last4();
        }
        boolean cancelled = "CANCELLED".equals(status);
        boolean overPayment = order.reason() != null && order.reason().startsWith("PAYMENT_");
        return new OrderStatusView(id, status, cancelled ? reasonText(order.reason(), order.detail()) : null,
                lines, order.total() == null ? null : money(order.total()), address(order.shippingAddress()), card,
                order.email(), false, null, cancelled && overPayment ? "/checkout?retry=" + id : null);
    }

    /** An order being placed whose details aren't known just now. */
    static OrderStatusView placing(String id) {
        return new OrderStatusView(id, "PENDING", null, List.of(), null, List.of(), null, null, false, null, null);
    }

    OrderStatusView polling(boolean on) {
        return new OrderStatusView(id, status, reasonText, lines, total, address, card, email, on && pending(), notice,
                retryHref);
    }

    OrderStatusView withNotice(String text) {
        return new OrderStatusView(id, status, reasonText, lines, total, address, card, email, polling, text, retryHref);
    }

    public boolean pending() {
        return !confirmed() && !cancelled();
    }

    public boolean confirmed() {
        return "CONFIRMED".equals(status);
    }

    public boolean cancelled() {
        return "CANCELLED".equals(status);
    }

    /** The order's own words first ("the card was declined"), as a sentence; else words for its reason code. */
    public static String reasonText(String reason, String detail) {
        if (detail != null && !detail.isBlank()) {
            String text = detail.strip();
            text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
            return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
        }
        if (reason == null) {
            return "We couldn\u2019t complete the order.";
        }
        return switch (reason) {
            case "OUT_OF_STOCK" -> "Some of the items ran out of stock before we could set them aside for you.";
            case "PAYMENT_DECLINED" -> "The card was declined.";
            case "PAYMENT_FAILED" -> "The payment could not be processed.";
            case "PAYMENT_TIMEOUT" -> "The payment provider did not answer in time.";
            case "RESERVATION_TIMEOUT", "RESERVATION_EXPIRED" -> "We couldn\u2019t set the items aside for you in time.";
            default -> "We couldn\u2019t complete the order.";
        };
    }

    private static List<String> address(Order.Address a) {
        if (a == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        add(lines, a.name());
        add(lines, a.line1());
        add(lines, a.line2());
        String cityLine = String.join(" ", List.of(nz(a.postalCode()), nz(a.city())).stream().filter(s -> !s.isEmpty()).toList());
        if (a.region() != null && !a.region().isBlank()) {
            cityLine = cityLine.isEmpty() ? a.region().strip() : cityLine + ", " + a.region().strip();
        }
        add(lines, cityLine);
        add(lines, a.country() == null ? null : Countries.name(a.country()));
        return lines;
    }

    private static void add(List<String> lines, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(value.strip());
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value.strip();
    }

    private static String money(Money money) {
        return money == null || money.amount() == null ? "\u2014" : PriceFormat.format(money);
    }
}

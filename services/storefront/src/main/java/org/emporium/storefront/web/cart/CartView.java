package org.emporium.storefront.web.cart;

import java.util.List;
import org.emporium.storefront.client.Money;
import org.emporium.storefront.client.cart.Cart;
import org.emporium.storefront.client.cart.LineKey;
import org.emporium.storefront.web.catalog.Availability;
import org.emporium.storefront.web.layout.PriceFormat;
import org.emporium.storefront.web.search.SearchLinks;

/**
 * The cart page, formatted. {@code message} is a status for the shopper ("Only 2 left"), shown
 * above the lines; {@code partial} says some prices could not be read just now.
 */
public record CartView(List<LineView> lines, String total, int itemCount, boolean partial, String message,
                       Removed removed, LineKey focused) {

    static final CartView EMPTY = new CartView(List.of(), null, 0, false, null, null, null);

    /** The line just removed, to offer "Removed … · Undo": putting back {@code quantity} units. */
    public record Removed(LineKey line, String name, int quantity) {

        /** "Tee (Size M)" */
        public String description() {
            return line.options().isEmpty() ? name : name + " (" + line.label() + ")";
        }
    }

    /** One line: links to the product, its options ("Size M"), and the quantity control's bounds. */
    public record LineView(LineKey key, String name, String href, String unitPrice, int quantity, String lineTotal,
                           String stockNote, int maxQuantity) {

        public String sku() {
            return key.sku();
        }
    }

    public static CartView of(Cart cart) {
        List<LineView> lines = cart.lines().stream().map(CartView::line).toList();
        return new CartView(lines, money(cart.total()), cart.itemCount(), cart.partial(), null, null, null);
    }

    CartView withMessage(String text) {
        return new CartView(lines, total, itemCount, partial, text, removed, focused);
    }

    CartView withRemoved(Removed line) {
        return new CartView(lines, total, itemCount, partial, message, line, focused);
    }

    /** Keyboard focus goes to this line's quantity after the swap (the line an undo put back). */
    CartView focusing(LineKey line) {
        return new CartView(lines, total, itemCount, partial, message, removed, line);
    }

    public boolean empty() {
        return lines.isEmpty();
    }

    public String itemCountLabel() {
        return itemCount + (itemCount == 1 ? " item" : " items");
    }

    private static LineView line(Cart.Line line) {
        String name = line.name() == null || line.name().isBlank() ? line.sku() : line.name();
        String note = null;
        if (Boolean.FALSE.equals(line.inStock()) || (line.available() != null && line.available() < line.quantity())) {
            note = line.available() == null || line.available() <= 0
                    ? "Out of stock" : "Only " + line.available() + " left";
        } else if (line.available() != null && line.available() <= Availability.FEW) {
            note = "Only " + line.available() + " left";
        }
        return new LineView(line.key(), name, "/p/" + SearchLinks.encode(line.sku()), money(line.unitPrice()),
                line.quantity(), money(line.lineTotal()), note, CartPage.MAX_QUANTITY);
    }

    private static String money(Money money) {
        return money == null || money.amount() == null ? "\u2014" : PriceFormat.format(money);
    }
}

package org.emporium.storefront.client.cart;

/**
 * The cart service refused a change (422: stock is short or the SKU unknown; 400: a bad quantity).
 * {@link #detail()} is the problem's {@code detail}, safe to show escaped, or null.
 */
public class CartRejectedException extends RuntimeException {

    private final int status;
    private final String detail;
    private final String newCartId;

    public CartRejectedException(int status, String detail) {
        this(status, detail, null);
    }

    /** @param newCartId the cart created for this change, which the shopper should keep though the change failed */
    public CartRejectedException(int status, String detail, String newCartId) {
        super("cart rejected the request with " + status, null, false, false);
        this.status = status;
        this.detail = detail;
        this.newCartId = newCartId;
    }

    public String newCartId() {
        return newCartId;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }
}

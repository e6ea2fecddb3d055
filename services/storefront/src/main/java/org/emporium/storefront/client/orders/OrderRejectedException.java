package org.emporium.storefront.client.orders;

import java.util.List;

/**
 * The orders service refused to place an order: 400 (with the offending fields, e.g.
 * {@code payment.cardNumber}) or 422 (an empty cart, or an Idempotency-Key reused for a different
 * request). Title, detail and messages come from its problem answer; show them escaped.
 */
public class OrderRejectedException extends RuntimeException {

    /** One field the orders service refused, named by its JSON path, and why. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;

    public OrderRejectedException(int status, String title, String detail, List<FieldError> errors) {
        super("orders rejected the request with " + status, null, false, false);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** 422 "Empty cart": there is nothing to order. */
    public boolean emptyCart() {
        return status == 422 && "Empty cart".equalsIgnoreCase(title);
    }
}

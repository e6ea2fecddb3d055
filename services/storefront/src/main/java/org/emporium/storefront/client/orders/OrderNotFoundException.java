package org.emporium.storefront.client.orders;

/** The orders service knows no such order or cart (404). */
public class OrderNotFoundException extends RuntimeException {

    public OrderNotFoundException() {
        super("not found by the orders service", null, false, false);
    }
}

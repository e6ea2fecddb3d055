package org.emporium.inventory.domain;

/** Setting a SKU's on-hand count below what reservations hold would make availability negative. */
public class StockBelowReserved extends RuntimeException {

    public StockBelowReserved(String sku, int onHand, int reserved) {
        super("cannot set the stock of " + sku + " to " + onHand + ": " + reserved + " units are reserved",
                null, false, false);
    }
}

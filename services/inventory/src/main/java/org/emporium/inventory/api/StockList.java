package org.emporium.inventory.api;

import java.util.List;

/** The stock of the known SKUs asked for, in SKU order; the SKUs inventory does not know, listed apart. */
public record StockList(List<StockView> items, List<String> unknown) {
}

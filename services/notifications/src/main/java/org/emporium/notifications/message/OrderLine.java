package org.emporium.notifications.message;

public record OrderLine(String sku, String name, int quantity, Money unitPrice, Money lineTotal) {
}

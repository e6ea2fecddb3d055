package org.emporium.payments.api;

import java.util.List;

/** The payments of an order (one per checkout attempt; today at most one). */
public record PaymentList(List<PaymentView> items) {
}

package org.emporium.notifications.message;

import java.util.List;
import java.util.UUID;

/** What the confirmation email shows: the data of an OrderConfirmed event. */
public record OrderConfirmation(UUID orderId, String email, List<OrderLine> lines, Money total,
                                ShippingAddress shippingAddress, String last4) {
}

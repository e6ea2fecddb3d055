package org.emporium.notifications.message;

import java.util.List;
import java.util.UUID;

/** What the cancellation email shows: the data of an OrderCancelled event. */
public record OrderCancellation(UUID orderId, String email, List<OrderLine> lines, Money total, String reason,
                                String detail) {
}

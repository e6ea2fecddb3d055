package org.emporium.notifications.api;

import java.util.List;
import java.util.UUID;

public record NotificationList(UUID orderId, List<NotificationView> items) {
}

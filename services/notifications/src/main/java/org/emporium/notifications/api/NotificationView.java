package org.emporium.notifications.api;

import java.time.Instant;
import java.util.UUID;
import org.emporium.notifications.persistence.Notification;

/** One notification as the admin API shows it; sentAt and messageId are null until it was sent. */
public record NotificationView(UUID eventId, String kind, String recipient, String status, int attempts,
                               Instant createdAt, Instant sentAt, String messageId, String lastError) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.eventId(), n.kind().name(), n.recipient(), n.status().name(), n.attempts(),
                n.createdAt(), n.sentAt(), n.messageId(), n.lastError());
    }
}

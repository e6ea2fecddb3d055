package org.emporium.notifications.persistence;

import java.time.Instant;
import java.util.UUID;
import org.emporium.notifications.message.Kind;

/** A notification as stored, without its bodies. */
public record Notification(UUID eventId, UUID orderId, Kind kind, String recipient, Status status, int attempts,
                           Instant createdAt, Instant nextAttemptAt, Instant sentAt, String messageId,
                           String lastError) {

    public enum Status {
        /** waiting to be sent, or to be retried */
        PENDING,
        /** accepted by the SMTP server */
        SENT,
        /** refused by the SMTP server for good (a permanent 5xx for the recipient) */
        FAILED
    }
}

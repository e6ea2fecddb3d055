package org.emporium.notifications.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.emporium.notifications.message.Kind;
import org.emporium.notifications.message.RenderedMessage;
import org.emporium.platform.jdbc.Transactions;

/**
 * The notifications, in plain JDBC. Receiving events is an INSERT … ON CONFLICT DO NOTHING keyed
 * by the event id, a poll of them in one transaction, so a redelivered event adds nothing. Sending works on a row locked with
 * FOR UPDATE SKIP LOCKED: the outcome of the send is written in the transaction that holds the
 * lock, so two senders (threads or instances) never send the same row at once.
 */
@ApplicationScoped
public class NotificationRepository {

    private static final String COLUMNS = "event_id, order_id, kind, recipient, status, attempts, created_at, "
            + "next_attempt_at, sent_at, message_id, last_error";

    /** A due notification, locked by the transaction of {@link #withNextDue}, with what to send. */
    public record Due(UUID eventId, String recipient, RenderedMessage message, int attempts, String traceparent) {
    }

    /** What a sender does with a locked row; it records the outcome through the {@link Outcome}. */
    @FunctionalInterface
    public interface Sending {
        void send(Due due, Outcome outcome);
    }

    /** Records the outcome of one send, in the transaction that holds the row's lock. */
    public interface Outcome {
        void sent(String messageId);

        void retryAfter(Duration delay, String error);

        void failed(String error);
    }

    private final DataSource dataSource;

    public NotificationRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A notification to store: the email rendered for an event, and the W3C traceparent of that event's processing. */
    public record NewNotification(UUID eventId, UUID orderId, Kind kind, String recipient, RenderedMessage message,
                                  String traceparent) {
    }

    /**
     * Stores the notifications of a poll of events in one transaction (one commit for all), each
     * unless its event was stored before (INSERT … ON CONFLICT DO NOTHING on the event id, also
     * for an event twice in one poll). All or none: durable when this returns. The traceparent is
     * stored with each, so sending it continues its event's trace.
     *
     * @return the ids of the events stored now, not before
     */
    public Set<UUID> insertAll(List<NewNotification> notifications) {
        return Transactions.run(dataSource, "storing the notifications of " + notifications.size() + " event(s)", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO notification (event_id, order_id, kind, "
                    + "recipient, subject, text_body, html_body, traceparent) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (event_id) DO NOTHING")) {
                for (NewNotification n : notifications) {
                    s.setObject(1, n.eventId());
                    s.setObject(2, n.orderId());
                    s.setString(3, n.kind().name());
                    s.setString(4, n.recipient());
                    s.setString(5, n.message().subject());
                    s.setString(6, n.message().text());
                    s.setString(7, n.message().html());
                    s.setString(8, n.traceparent());
                    s.addBatch();
                }
                int[] counts = s.executeBatch();
                Set<UUID> stored = new LinkedHashSet<>();
                for (int i = 0; i < counts.length; i++) {
                    // a driver that rewrites batches answers SUCCESS_NO_INFO: counted as new (a wake too many)
                    if (counts[i] != 0) {
                        stored.add(notifications.get(i).eventId());
                    }
                }
                return stored;
            }
        });
    }

    /**
     * Locks the PENDING notification due first (skipping rows other senders hold), hands it to
     * {@code sending}, writes the outcome it reports and commits; false when nothing is due.
     */
    public boolean withNextDue(Sending sending) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<Due> due = lockNextDue(c);
                if (due.isPresent()) {
                    RecordedOutcome outcome = new RecordedOutcome(c, due.get().eventId());
                    sending.send(due.get(), outcome);
                    if (!outcome.recorded) {
                        throw new IllegalStateException("the sender reported no outcome for " + due.get().eventId());
                    }
                }
                c.commit();
                return due.isPresent();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sending a due notification failed", e);
        }
    }

    private static Optional<Due> lockNextDue(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT event_id, recipient, subject, text_body, html_body, attempts, "
                     + "traceparent "
                     + "FROM notification WHERE status = 'PENDING' AND next_attempt_at <= now() "
                     + "ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Due(rs.getObject(1, UUID.class), rs.getString(2),
                    new RenderedMessage(rs.getString(3), rs.getString(4), rs.getString(5)), rs.getInt(6),
                    rs.getString(7)));
        }
    }

    private static final class RecordedOutcome implements Outcome {
        private final Connection c;
        private final UUID eventId;
        private boolean recorded;

        RecordedOutcome(Connection c, UUID eventId) {
            this.c = c;
            this.eventId = eventId;
        }

        @Override
        public void sent(String messageId) {
            update("status = 'SENT', attempts = attempts + 1, message_id = ?, sent_at = now(), last_error = NULL",
                    messageId);
        }

        @Override
        public void retryAfter(Duration delay, String error) {
            update("attempts = attempts + 1, next_attempt_at = now() + ? * interval '1 millisecond', last_error = ?",
                    delay.toMillis(), abbreviate(error));
        }

        @Override
        public void failed(String error) {
            update("status = 'FAILED', attempts = attempts + 1, last_error = ?", abbreviate(error));
        }

        private void update(String set, Object... parameters) {
            if (recorded) {
                throw new IllegalStateException("outcome of " + eventId + " recorded twice");
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE notification SET " + set + " WHERE event_id = ?")) {
                for (int i = 0; i < parameters.length; i++) {
                    s.setObject(i + 1, parameters[i]);
                }
                s.setObject(parameters.length + 1, eventId);
                s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("recording the outcome of " + eventId + " failed", e);
            }
            recorded = true;
        }
    }

    /** The notifications of one order, oldest first. */
    public List<Notification> findByOrder(UUID orderId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                     + " FROM notification WHERE order_id = ? ORDER BY created_at, event_id")) {
            s.setObject(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                List<Notification> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(new Notification(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            Kind.valueOf(rs.getString(3)), rs.getString(4), Notification.Status.valueOf(rs.getString(5)),
                            rs.getInt(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)),
                            instant(rs.getTimestamp(9)), rs.getString(10), rs.getString(11)));
                }
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the notifications of order " + orderId + " failed", e);
        }
    }

    /** How many notifications wait to be sent. */
    public long countPending() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM notification WHERE status = 'PENDING'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("counting pending notifications failed", e);
        }
    }

    /** How long until the next PENDING notification is due; empty when none waits. */
    public Optional<Duration> untilNextDue() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             // no greatest(0, …) in SQL: GREATEST ignores NULL, so "nothing pending" would read as
             // "due now" and the sender would spin
             ResultSet rs = s.executeQuery("SELECT (extract(epoch FROM min(next_attempt_at) - now()) * 1000)::bigint "
                     + "FROM notification WHERE status = 'PENDING'")) {
            rs.next();
            long millis = rs.getLong(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(Math.max(0, millis)));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the next due notification failed", e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String abbreviate(String error) {
        if (error == null) {
            return null;
        }
        return error.length() > 1000 ? error.substring(0, 1000) + "…" : error;
    }
}

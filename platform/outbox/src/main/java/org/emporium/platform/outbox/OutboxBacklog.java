package org.emporium.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * What waits in the outbox, as gauges: {@code emporium_outbox_backlog_events} (rows not yet
 * acknowledged by Kafka) and {@code emporium_outbox_oldest_age_seconds} (how long the oldest has
 * waited; 0 when empty). One query answers both; a scrape within a second of the last reuses it, so
 * a dashboard polling every second costs one small query. NaN while the database cannot be read.
 */
final class OutboxBacklog {

    private static final long FRESH_NANOS = 1_000_000_000L;

    private final DataSource dataSource;
    private long sampledAt;
    private double events = Double.NaN;
    private double oldestSeconds = Double.NaN;

    OutboxBacklog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void register(MeterRegistry registry) {
        Gauge.builder("emporium.outbox.backlog", this, OutboxBacklog::events).baseUnit("events")
                .description("events in the outbox not yet acknowledged by Kafka").register(registry);
        Gauge.builder("emporium.outbox.oldest.age", this, OutboxBacklog::oldestSeconds).baseUnit("seconds")
                .description("how long the oldest event in the outbox has waited; 0 when it is empty").register(registry);
    }

    synchronized double events() {
        sample();
        return events;
    }

    synchronized double oldestSeconds() {
        sample();
        return oldestSeconds;
    }

    private void sample() {
        long now = System.nanoTime();
        if (sampledAt != 0 && now - sampledAt < FRESH_NANOS) {
            return;
        }
        sampledAt = now;
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            try (ResultSet rs = s.executeQuery("SELECT count(*), "
                    + "coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0) FROM outbox_event")) {
                rs.next();
                events = rs.getLong(1);
                oldestSeconds = rs.getDouble(2);
            }
        } catch (SQLException e) {
            events = Double.NaN;
            oldestSeconds = Double.NaN;
        }
    }
}

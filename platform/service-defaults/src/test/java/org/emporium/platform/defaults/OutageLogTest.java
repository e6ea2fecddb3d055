package org.emporium.platform.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

class OutageLogTest {

    private final RecordingLogger log = new RecordingLogger();
    private final OutageLog outage = new OutageLog(log, "expiring carts", "retrying every 10m");

    @Test
    void anOutageIsLoggedOnceWhenItStartsAndOnceWhenItEnds() {
        for (int i = 0; i < 5; i++) {
            assertFalse(outage.attempt(() -> {
                throw new IllegalStateException("database down");
            }));
        }
        assertTrue(outage.failing());
        assertEquals(5, outage.failures());
        assertEquals(List.of("WARN expiring carts failed: java.lang.IllegalStateException: database down; retrying every 10m"),
                log.lines);

        assertTrue(outage.attempt(() -> { }));
        assertTrue(outage.attempt(() -> { }));
        assertFalse(outage.failing());
        assertEquals(0, outage.failures());
        assertEquals(2, log.lines.size());
        assertTrue(log.lines.get(1).startsWith("INFO expiring carts works again after 0 s (5 failed attempts)"), log.lines.get(1));
    }

    @Test
    void aNewOutageIsLoggedAgain() {
        outage.failed("refused");
        outage.recovered();
        outage.failed("refused");
        assertEquals(3, log.lines.size());
        assertTrue(log.lines.get(2).startsWith("WARN expiring carts failed: refused"), log.lines.get(2));
    }

    @Test
    void workingWithoutAnOutageLogsNothing() {
        assertTrue(outage.attempt(() -> { }));
        outage.recovered();
        assertEquals(List.of(), log.lines);
    }

    /** Keeps what would be logged, formatted. */
    static final class RecordingLogger extends Logger {

        final List<String> lines = new ArrayList<>();

        RecordingLogger() {
            super("test");
        }

        @Override
        protected void doLog(Level level, String loggerClassName, Object message, Object[] parameters, Throwable thrown) {
            lines.add(level + " " + message);
        }

        @Override
        protected void doLogf(Level level, String loggerClassName, String format, Object[] parameters, Throwable thrown) {
            lines.add(level + " " + String.format(format, parameters));
        }

        @Override
        public boolean isEnabled(Level level) {
            return true;
        }
    }
}

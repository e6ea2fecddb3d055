package org.emporium.identity.jdbc;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes the rows of a table that a condition selects, {@value #BATCH} at a time, until none is
 * left: the clean-up jobs' way of deleting. SKIP LOCKED leaves rows another instance's clean-up (or a
 * request) holds for the next round instead of waiting for them, so clean-ups never wait or deadlock,
 * and every instance can run them without coordination.
 */
public final class BatchedDelete {

    public static final int BATCH = 1000;

    private BatchedDelete() {
    }

    /**
     * Returns how many rows went. {@code table}, {@code key} and {@code condition} are the caller's
     * constants, never input; the condition's values come in {@code parameters}.
     */
    public static int delete(JdbcClient jdbc, String table, String key, String condition, Map<String, ?> parameters) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("DELETE FROM " + table + " WHERE " + key + " IN (SELECT " + key + " FROM " + table
                            + " WHERE " + condition + " LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED)")
                    .params(parameters)
                    .update();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}

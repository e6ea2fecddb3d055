package org.emporium.platform.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One local transaction around a piece of work: state and outbox events commit together or not
 * at all. Domain exceptions thrown by the work roll back and pass through unchanged.
 */
public final class Transactions {

    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private Transactions() {
    }

    public static <T> T run(DataSource dataSource, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed", e);
        }
    }

    /**
     * A piece of work inside a transaction already open on {@code c}, such as one operation of a
     * batch that {@link #run} holds: it neither commits nor rolls back, and an {@code SQLException}
     * becomes an {@code IllegalStateException} naming what failed, which rolls back the
     * transaction around it. For work that goes through an interface without checked exceptions.
     */
    public static <T> T within(Connection c, String what, Work<T> work) {
        try {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed", e);
        }
    }
}

package org.emporium.identity;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * One real PostgreSQL (embedded binaries) per test JVM, started on first use and stopped at exit.
 * Each caller gets a database and role of its own, as in production.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    /** Creates the database (and its owner role, same name and password) and returns Spring's datasource settings. */
    public static synchronized Map<String, String> create(String name) {
        try {
            EmbeddedPostgres pg = server();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + name + "'");
                s.execute("CREATE DATABASE " + name + " OWNER " + name);
            }
            return Map.of(
                    "spring.datasource.url", pg.getJdbcUrl(name, name),
                    "spring.datasource.username", name,
                    "spring.datasource.password", name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    private static EmbeddedPostgres server() {
        if (postgres == null) {
            IOException failure = null;
            // the server picks a free port and binds it a moment later; another process may take it in between
            for (int attempt = 1; attempt <= 3 && postgres == null; attempt++) {
                try {
                    postgres = EmbeddedPostgres.builder().start();
                } catch (IOException | IllegalStateException e) {
                    failure = e instanceof IOException io ? io : new IOException(e);
                }
            }
            if (postgres == null) {
                throw new IllegalStateException("embedded PostgreSQL did not start", failure);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }
}

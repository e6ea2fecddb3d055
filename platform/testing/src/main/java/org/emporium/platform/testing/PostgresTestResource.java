package org.emporium.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Starts a real PostgreSQL (embedded binaries) for a Quarkus test and points the service's
 * datasource at a database and role of its own, as in production. Use with
 * {@code @QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        try {
            postgres = startPostgres();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE " + database + " LOGIN PASSWORD '" + database + "'");
                s.execute("CREATE DATABASE " + database + " OWNER " + database);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare database " + database, e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl(database, database),
                "quarkus.datasource.username", database,
                "quarkus.datasource.password", database);
    }

    /**
     * The embedded server picks a free port and binds it a moment later; another process can
     * take the port in between, so a failed start is tried again, twice at most.
     */
    private static EmbeddedPostgres startPostgres() throws IOException {
        IOException failure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return EmbeddedPostgres.builder().start();
            } catch (IOException | IllegalStateException e) {
                failure = e instanceof IOException io ? io : new IOException(e);
            }
        }
        throw failure;
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

package org.emporium.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL from the embedded binaries on Maven Central, with one persistent data
 * directory, durable settings (fsync and synchronous commit on: the library's test defaults
 * trade durability for speed), and one database and role per service. Each role may connect
 * only to its own database, with its own password. The superuser has a generated password too
 * ({@value #SUPERUSER_SECRET} in the secrets folder), no connection is trusted, and there is no
 * Unix socket: every client, the launcher included, signs in over 127.0.0.1 with scram-sha-256.
 */
public final class PostgresComponent implements Component {

    /**
     * Connections beyond the services' pools: the launcher's own (it creates the databases), psql
     * for a person looking, and a service restarted before the server noticed its old connections
     * close. Postgres keeps three more for superusers (superuser_reserved_connections).
     */
    static final int SPARE_CONNECTIONS = 10;

    /**
     * Postgres' own page cache (the operating system caches the files again behind it). Every
     * service's tables and indexes together are about 6 MB after the seed (each database is
     * 7.5 MB of system catalogs besides), so 32 MB holds what is read; the 64 MB it had only
     * grew the PSS of the processes sharing the pages they touched.
     */
    static final String SHARED_BUFFERS = "32MB";

    /** The superuser's password, under .emporium/secrets (mode 0600): {@code psql -U postgres} asks for it. */
    static final String SUPERUSER_SECRET = "postgres-superuser";

    /**
     * Written into the data directory once the superuser has its password. A data directory made
     * before passwords were (it has none) is started once with the superuser trusted, given the
     * password, and closed again.
     */
    private static final String PASSWORD_SET_MARKER = "emporium-superuser-password";

    private final Workspace workspace;
    private final int port;
    private final Map<String, String> databases;
    private final int maxConnections;
    private EmbeddedPostgres postgres;

    /**
     * @param databases       database name → password of the role of the same name
     * @param poolConnections what the services' connection pools may open, all together
     */
    public PostgresComponent(Workspace workspace, int port, Map<String, String> databases, int poolConnections) {
        this.workspace = workspace;
        this.port = port;
        this.databases = databases;
        this.maxConnections = poolConnections + SPARE_CONNECTIONS;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public List<String> needs() {
        return List.of();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String url() {
        return "postgresql://127.0.0.1:" + port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void start() throws IOException {
        Path binaries = workspace.bin().resolve("postgres");
        Path unpacked = binaries.resolve(".unpacked");
        if (!Files.exists(unpacked)) {
            // an interrupted first start may have left half-unpacked binaries: start over
            Workspace.deleteRecursively(binaries);
        }
        Path data = workspace.data("postgres");
        boolean passwordSet = Files.exists(data.resolve(PASSWORD_SET_MARKER));
        // what the library looks at to decide whether to run initdb
        boolean fresh = !Files.exists(data.resolve("postgresql.conf"));
        Path passwordFile = workspace.run().resolve("postgres-superuser.pw");
        ProcessComponent.writePrivately(passwordFile, superuserPassword() + "\n");
        try {
            postgres = embedded(binaries, fresh, passwordFile, fresh || passwordSet);
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        Files.writeString(unpacked, "the binaries in this folder are complete\n");
        try (Connection c = superuserConnection(); Statement s = c.createStatement()) {
            if (!passwordSet) {
                s.execute("ALTER ROLE postgres PASSWORD '" + superuserPassword().replace("'", "''") + "'");
                writeAccessRules(data, true);
                s.execute("SELECT pg_reload_conf()");
                Files.writeString(data.resolve(PASSWORD_SET_MARKER), "the superuser has the password in .emporium/secrets/"
                        + SUPERUSER_SECRET + "\n");
            }
            createDatabases(c, s);
        } catch (SQLException e) {
            throw new IllegalStateException("could not sign in to postgres as its superuser, or create the service databases", e);
        }
    }

    private String superuserPassword() {
        return workspace.secret(SUPERUSER_SECRET, null);
    }

    private Connection superuserConnection() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    private EmbeddedPostgres embedded(Path binaries, boolean fresh, Path passwordFile, boolean superuserHasPassword)
            throws IOException {
        Files.createDirectories(binaries);
        Redirect log = Redirect.appendTo(workspace.log("postgres").toFile());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (fresh) {
            // initdb --pwfile: the superuser has its password from the first moment
            builder.setLocaleConfig("pwfile", passwordFile.toString());
        }
        return builder
                .setOverrideWorkingDirectory(binaries.toFile())
                .setDataDirectory(workspace.data("postgres"))
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // no socket: Postgres' default one in /tmp is open to every user of the machine
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", superuserPassword())
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", String.valueOf(maxConnections))
                .setServerConfig("shared_buffers", SHARED_BUFFERS)
                // called on every start, after initdb when there was one
                .setDataDirectoryCustomizer(directory -> writeAccessRules(directory.toPath(), superuserHasPassword))
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .start();
    }

    /**
     * Every role signs in with its password over 127.0.0.1, the superuser included. Only a data
     * directory whose superuser has no password yet lets the superuser in without one, for the
     * one start that sets it.
     */
    static void writeAccessRules(Path dataDirectory, boolean superuserHasPassword) {
        ProcessComponent.write(dataDirectory.resolve("pg_hba.conf"), """
                # written by the Emporium launcher on every start
                %shost all all      127.0.0.1/32 scram-sha-256
                """.formatted(superuserHasPassword ? "" : "host all postgres 127.0.0.1/32 trust\n"));
    }

    private void createDatabases(Connection c, Statement s) throws SQLException {
        for (Map.Entry<String, String> db : databases.entrySet()) {
            String name = db.getKey();
            String password = db.getValue().replace("'", "''");
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
                s.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
            } else {
                s.execute("ALTER ROLE " + name + " LOGIN PASSWORD '" + password + "'");
            }
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                s.execute("CREATE DATABASE " + name + " OWNER " + name);
            }
            s.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
            s.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + name + " TO " + name);
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public boolean isReady() {
        return isAlive();
    }

    @Override
    public boolean isAlive() {
        long pid = pid();
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The postmaster's pid, from its pid file (pg_ctl detaches it from the launcher). */
    @Override
    public long pid() {
        return postmasterPid(workspace);
    }

    static long postmasterPid(Workspace workspace) {
        Path pidFile = workspace.data("postgres").resolve("postmaster.pid");
        try {
            return Files.exists(pidFile) ? Long.parseLong(Files.readAllLines(pidFile).get(0).strip()) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("postgres did not stop cleanly", e);
            }
        }
    }

    @Override
    public List<String> recentOutput() {
        try {
            List<String> lines = Files.readAllLines(workspace.log("postgres"));
            return new ArrayList<>(lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return List.of();
        }
    }
}

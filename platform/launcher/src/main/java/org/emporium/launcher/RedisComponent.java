package org.emporium.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * A real Redis server, the binary taken from the embedded-redis artifact and installed once
 * under .emporium/bin (no temporary copies left behind), persisting to .emporium/data/redis.
 * Clients sign in with the password generated into .emporium/secrets/{@value #PASSWORD_SECRET};
 * Redis reads it from a configuration file only its owner can read, not from its command line
 * (which every user of the machine sees in {@code ps}).
 */
public final class RedisComponent extends ProcessComponent {

    static final String BINARY_RESOURCE = "/redis-server-6.2.6-v5-linux-amd64";

    static final String PASSWORD_SECRET = "redis";

    public RedisComponent(Workspace workspace, int port, String password, Console console) {
        super("redis", List.of(), port, "redis://127.0.0.1:" + port,
                List.of(installBinary(workspace).toString(), configuration(workspace, password).toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                        "--dir", dataDirectory(workspace).toString(), "--appendonly", "yes", "--save", "",
                        "--maxmemory", "128mb", "--loglevel", "warning"),
                Map.of(), Probe.redis(port, password), workspace.log("redis"), console);
    }

    /** The password of this workspace's Redis (generated on first use). */
    static String password(Workspace workspace) {
        return workspace.secret(PASSWORD_SECRET, null);
    }

    /** .emporium/run/redis.conf, mode 0600: the password, which the command line would show to everyone. */
    private static Path configuration(Workspace workspace, String password) {
        Path file = workspace.run().resolve("redis.conf");
        ProcessComponent.writePrivately(file, "# written by the Emporium launcher on every start\nrequirepass \"" + password + "\"\n");
        return file;
    }

    private static Path dataDirectory(Workspace workspace) {
        try {
            return Files.createDirectories(workspace.data("redis"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path installBinary(Workspace workspace) {
        Path binary = workspace.bin().resolve("redis-server");
        if (Files.isExecutable(binary)) {
            return binary;
        }
        try (InputStream in = RedisComponent.class.getResourceAsStream(BINARY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the embedded-redis artifact has no " + BINARY_RESOURCE);
            }
            Files.createDirectories(binary.getParent());
            Path partial = binary.resolveSibling("redis-server.partial");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(partial, binary, StandardCopyOption.ATOMIC_MOVE);
            return binary;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install redis-server into " + binary.getParent(), e);
        }
    }
}

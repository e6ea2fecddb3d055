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
 */
public final class RedisComponent extends ProcessComponent {

    static final String BINARY_RESOURCE = "/redis-server-6.2.6-v5-linux-amd64";

    public RedisComponent(Workspace workspace, int port, Console console) {
        super("redis", List.of(), port, "redis://127.0.0.1:" + port,
                List.of(installBinary(workspace).toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                        "--dir", dataDirectory(workspace).toString(), "--appendonly", "yes", "--save", "",
                        "--maxmemory", "128mb", "--loglevel", "warning"),
                Map.of(), Probe.redis(port), workspace.log("redis"), console);
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

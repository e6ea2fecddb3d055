package org.emporium.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The repository checkout and its {@code .emporium/} folder: persistent data, logs, run state
 * and generated secrets. Everything Emporium writes at run time lives under it.
 */
public record Workspace(Path root) {

    /** .emporium/ in the checkout, unless EMPORIUM_HOME points elsewhere (the end-to-end tests do). */
    public Path home() {
        String override = System.getenv("EMPORIUM_HOME");
        return override == null || override.isBlank() ? root.resolve(".emporium") : Path.of(override).toAbsolutePath();
    }

    public Path data(String component) {
        return home().resolve("data").resolve(component);
    }

    public Path logs() {
        return home().resolve("logs");
    }

    public Path log(String component) {
        return logs().resolve(component + ".log");
    }

    public Path bin() {
        return home().resolve("bin");
    }

    public Path run() {
        return home().resolve("run");
    }

    /**
     * The runtime faults every service watches (ADR 0013), in a folder of its own so a container
     * can mount the folder (the file is replaced whole on each change, a new inode).
     */
    public Path faultsFile() {
        return run().resolve("faults").resolve("flags.json");
    }

    public Path stateFile() {
        return run().resolve("state.properties");
    }

    public void create() {
        try {
            Files.createDirectories(logs());
            Files.createDirectories(run());
            Files.createDirectories(bin());
            Files.createDirectories(home().resolve("data"));
            Path secrets = Files.createDirectories(home().resolve("secrets"));
            // the folder as well as each file: no other user of the machine lists or reads them
            Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + home(), e);
        }
    }

    /**
     * A secret generated on first use and kept (owner-readable only), so data protected by
     * it survives restarts. An environment variable, when set, wins.
     */
    public String secret(String name, String environmentOverride) {
        String fromEnvironment = environmentOverride == null ? null : System.getenv(environmentOverride);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        return stored(name, () -> HexFormat.of().formatHex(random(24)));
    }

    /** Like {@link #secret}, but Base64 of {@code bytes} random bytes (for keys read as bytes). */
    public String base64Secret(String name, int bytes) {
        return stored(name, () -> java.util.Base64.getEncoder().encodeToString(random(bytes)));
    }

    private String stored(String name, java.util.function.Supplier<String> generator) {
        Path file = home().resolve("secrets").resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            String secret = generator.get();
            Files.writeString(file, secret + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write secret " + file, e);
        }
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }

    public Path artifact(String relative) {
        return root.resolve(relative);
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

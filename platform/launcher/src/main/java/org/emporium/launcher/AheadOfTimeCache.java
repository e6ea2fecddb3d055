package org.emporium.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A JDK 25+ ahead-of-time cache (JEP 483/514/515) for one JVM: classes loaded and linked, and
 * method profiles, recorded by a training run and mapped by every later start. One file per
 * component in .emporium/aot, with a key beside it that says what it was made from (the JDK, the
 * command line, the size and time of every jar the process loads, and the cache file itself): a
 * cache whose key does not match (another build, another JDK or JVM options, a truncated file) is
 * never given to a JVM. A cache
 * that passes the key but that the JVM still rejects (a flipped bit: it verifies a checksum) is
 * reported after the start and deleted, so the next training replaces it. On older JDKs there is
 * no cache: the flags do not exist there.
 */
final class AheadOfTimeCache {

    enum State { USABLE, MISSING, STALE }

    private final String component;
    private final Path cache;
    private final Path key;
    private final Path errors;
    private final List<Path> inputs;
    /** The command line the cache is for: a JVM given other options (heap, GC) may refuse it. */
    private List<String> commandLine = List.of();

    /** @param inputs the jars, or folders of jars, the process loads its classes from */
    AheadOfTimeCache(Workspace workspace, String component, List<Path> inputs) {
        Path folder = workspace.home().resolve("aot");
        this.component = component;
        this.cache = folder.resolve(component + ".aot");
        this.key = folder.resolve(component + ".key");
        this.errors = folder.resolve(component + ".errors");
        this.inputs = List.copyOf(inputs);
    }

    static boolean supported() {
        return Runtime.version().feature() >= 25;
    }

    String component() {
        return component;
    }

    void usedBy(List<String> command) {
        this.commandLine = List.copyOf(command);
    }

    State state() {
        if (!Files.exists(cache)) {
            return State.MISSING;
        }
        try {
            return Files.exists(key) && Files.readString(key).equals(key()) ? State.USABLE : State.STALE;
        } catch (IOException e) {
            return State.STALE;
        }
    }

    /**
     * The options for a start: the cache when it is usable (its checksum verified by the JVM, the
     * JVM's complaints, if any, to a file instead of the terminal), else none. A stale cache is
     * deleted here, so it is neither used nor mistaken for a fresh one later.
     */
    List<String> startOptions() {
        State state = state();
        if (state == State.STALE) {
            forget();
        }
        if (state != State.USABLE) {
            return List.of();
        }
        try {
            Files.deleteIfExists(errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("-XX:AOTCache=" + cache, "-XX:+VerifySharedSpaces", "-Xlog:aot=off", "-Xlog:cds=off",
                "-Xlog:aot=error,cds=error:file=\"" + errors + "\"");
    }

    /** What the JVM said when it could not use the cache it was given (the cache is then deleted), if anything. */
    Optional<String> rejection() {
        try {
            if (!Files.exists(errors) || Files.size(errors) == 0) {
                return Optional.empty();
            }
            String said;
            try (Stream<String> lines = Files.lines(errors)) {
                said = lines.map(l -> l.replaceFirst("^\\[[^]]*]\\[[^]]*]\\[[^]]*] *", "")).findFirst().orElse("");
            }
            forget();
            return Optional.of(said);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Where a training run writes; {@link #adopt()} makes it the cache once the run has ended well. */
    Path trainingOutput() {
        return cache.resolveSibling(component + ".aot.training");
    }

    /** Takes a finished training run's output as the cache (an atomic rename), with its key. */
    boolean adopt() throws IOException {
        Path output = trainingOutput();
        if (!Files.exists(output) || Files.size(output) == 0) {
            discardTraining();
            return false;
        }
        Files.deleteIfExists(key); // a cache without its key is never used: no moment where they disagree
        Files.move(output, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.writeString(key, key());
        } catch (IOException e) { // an input vanished (a build while training): this cache is already stale
            forget();
            return false;
        } finally {
            discardTraining();
        }
        return true;
    }

    /** Removes what an unfinished training run left (the JVM's intermediate configuration file too). */
    void discardTraining() throws IOException {
        Files.createDirectories(cache.getParent());
        Files.deleteIfExists(trainingOutput());
        Files.deleteIfExists(trainingOutput().resolveSibling(trainingOutput().getFileName() + ".config"));
    }

    private void forget() {
        try {
            Files.deleteIfExists(cache);
            Files.deleteIfExists(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDK, every input jar and the cache file, by size and time, as one digest. */
    private String key() throws IOException {
        List<String> parts = new ArrayList<>();
        parts.add(System.getProperty("java.home"));
        parts.add(System.getProperty("java.vm.version"));
        parts.add(String.join(" ", commandLine));
        for (Path input : inputs) {
            List<Path> files;
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    files = walk.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
                }
            } else {
                files = List.of(input);
            }
            for (Path file : files) {
                parts.add(file + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
            }
        }
        parts.add("cache " + Files.size(cache) + " " + Files.getLastModifiedTime(cache).toMillis());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest) + "\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.emporium.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The generated manifests against the files in {@code deploy/k8s/base}: which differ, and writing
 * them (a generated file no longer generated, a removed service's, is deleted; files written by
 * hand are left alone).
 */
final class ManifestsFiles {

    static final String BASE = "deploy/k8s/base";
    static final String NETWORK_POLICIES = "deploy/k8s/components/network-policies";
    static final String POSTGRES = "deploy/k8s/components/postgres";
    static final String KAFKA = "deploy/k8s/components/kafka";

    private final Path folder;
    private final Map<String, String> generated;

    ManifestsFiles(Path folder, Map<String, String> generated) {
        this.folder = folder;
        this.generated = generated;
    }

    /** The version Maven built the launcher as: the images are tagged with it. */
    static String projectVersion() {
        try (InputStream in = ManifestsFiles.class.getResourceAsStream("/emporium-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version", "");
            if (version.isBlank() || version.contains("${")) {
                throw new IllegalStateException("the launcher was built without its version (emporium-version.properties)");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files whose text differs from what is generated, missing ones, and generated ones no longer generated. */
    List<String> stale() throws IOException {
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Path path = folder.resolve(file.getKey());
            if (!Files.exists(path) || !Files.readString(path, StandardCharsets.UTF_8).equals(file.getValue())) {
                stale.add(file.getKey());
            }
        }
        stale.addAll(leftOver());
        return stale;
    }

    void write() throws IOException {
        Files.createDirectories(folder);
        for (String name : leftOver()) {
            Files.delete(folder.resolve(name));
        }
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Path path = Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            if (file.getKey().endsWith(".sh")) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    /** Generated files (they start with the header) that the graph no longer makes. */
    private List<String> leftOver() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> !generated.containsKey(p.getFileName().toString()))
                    .filter(p -> p.toString().endsWith(".yaml") && startsWithHeader(p))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean startsWithHeader(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).startsWith(Manifests.HEADER);
        } catch (IOException e) {
            return false;
        }
    }
}

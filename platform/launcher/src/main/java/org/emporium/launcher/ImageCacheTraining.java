package org.emporium.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JVM start-up cache (JDK 25's AOT cache) for a Quarkus service's image, recorded inside the
 * image itself: Podman runs the image once with {@code -XX:AOTCacheOutput} and Quarkus'
 * {@code quarkus.appcds.generate}, which loads and initialises the application's classes and exits
 * without connecting to anything (no network, no settings). The cache belongs to the image's JDK,
 * jars and paths, so it is valid only there; the image then carries it as a last layer and its
 * entry point maps it ({@code -XX:AOTCache}). Spring services are not trained: their context does
 * not refresh without their database. Without Podman there is no cache, and the build says so.
 */
final class ImageCacheTraining {

    static final String CACHE_IN_IMAGE = Images.APP + "/app.aot";
    static final int TRAINING_MEMORY_MB = 1024;

    private final Containers podman;
    private final Path folder;

    ImageCacheTraining(Containers podman, Path folder) {
        this.podman = podman;
        this.folder = folder;
    }

    /**
     * Loads the image archive into Podman, runs the training and returns the cache file, or empty
     * when the run did not end well (the image is then shipped without one).
     */
    Optional<Path> train(Node service, Path archive, String reference, List<String> entrypoint) throws IOException {
        podman.loadArchive(archive);
        Path output = folder.resolve(service.name());
        Workspace.deleteRecursively(output);
        Files.createDirectories(output);
        List<String> run = new ArrayList<>(List.of("run", "--rm", "--read-only", "--network", "none",
                // room for two JVMs: the training one waits while a second one writes the cache (at the
                // service's own limit the kernel killed the writer)
                "--user", Images.USER + ":" + Images.USER, "--memory", TRAINING_MEMORY_MB + "m",
                "--volume", output + ":/aot:U", "--env", Images.REQUIRED_SETTINGS + "=",
                "--entrypoint", entrypoint.getFirst(), reference));
        // the entry point's options as they will run, then the training's
        run.addAll(entrypoint.subList(1, entrypoint.indexOf("-jar")));
        run.addAll(List.of("-XX:AOTCacheOutput=/aot/app.aot", "-Dquarkus.appcds.generate=true"));
        run.addAll(entrypoint.subList(entrypoint.indexOf("-jar"), entrypoint.size()));
        Path cache = output.resolve("app.aot");
        return podman.run(run, 300) != null && Files.size(cache) > 0 ? Optional.of(cache) : Optional.empty();
    }
}

package org.emporium.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JDK 25+ ahead-of-time cache for a JVM whose start-up is on the critical path: classes
 * loaded and linked, and method profiles, recorded by one training run that starts the
 * application and exits, then mapped by every later start. Trained again whenever the jar is
 * newer than the cache; skipped on older JDKs, where the flags do not exist.
 */
final class AheadOfTimeCache {

    private final Path cache;
    private final Path jar;

    AheadOfTimeCache(Workspace workspace, String component, Path jar) {
        this.cache = workspace.home().resolve("aot").resolve(component + ".aot");
        this.jar = jar;
    }

    static boolean supported() {
        return Runtime.version().feature() >= 25;
    }

    boolean fresh() {
        try {
            return Files.exists(cache) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs the training command (which must start the application and exit by itself). */
    void train(List<String> javaAndOptions, List<String> trainingArgs, Path log) throws IOException, InterruptedException {
        Files.createDirectories(cache.getParent());
        Files.deleteIfExists(cache);
        List<String> command = new ArrayList<>(javaAndOptions);
        command.add("-XX:AOTCacheOutput=" + cache);
        command.addAll(trainingArgs);
        Process training = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!training.waitFor(120, TimeUnit.SECONDS)) {
            training.destroyForcibly();
        }
    }

    /** The flags for a start that uses the cache, or none when there is no fresh cache. */
    List<String> flags() {
        return fresh() ? List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off") : List.of();
    }
}

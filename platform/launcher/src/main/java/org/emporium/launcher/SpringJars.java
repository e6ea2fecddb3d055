package org.emporium.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Spring Boot jars unpacked with Spring Boot's own tool ({@code -Djarmode=tools extract}) into a
 * plain jar and lib/, the layout the JVM's start-up cache can hold. Done again only when the jar
 * changed: the folder remembers the size and time of the jar it came from.
 */
final class SpringJars {

    private SpringJars() {
    }

    /** Synchronized: copies of one application (identity-2 beside identity) share its folder and may start at once. */
    static synchronized void extract(Path jar, Path folder, String java) throws IOException, InterruptedException {
        Path origin = folder.resolve(".extracted-from");
        String stamp = jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        if (Files.exists(origin) && Files.readString(origin).equals(stamp)) {
            return;
        }
        Workspace.deleteRecursively(folder);
        Files.createDirectories(folder.getParent());
        Path log = folder.resolveSibling(folder.getFileName() + ".extract.log");
        Process extract = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", folder.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0) {
            extract.destroyForcibly();
            Workspace.deleteRecursively(folder);
            throw new IllegalStateException("could not extract " + jar + "; see " + log);
        }
        // written last: a folder without it is half-extracted and is extracted again
        Files.writeString(origin, stamp);
    }
}

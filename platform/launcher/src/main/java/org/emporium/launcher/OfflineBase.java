package org.emporium.launcher;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A base image made on this machine with no registry: the C libraries a JVM needs, from the
 * Debian packages of this machine's release ({@code apt-get download}, unpacked with
 * {@code dpkg-deb}), and a Java runtime linked by {@code jlink} from the JDK the launcher runs
 * on. No shell, no package manager, no other program: what a distroless image holds. Written as
 * an image archive that Jib builds the services' images on ({@code tar://}); made again only when
 * the JDK, a package's version or the module list changed.
 */
final class OfflineBase {

    static final String NAME = "emporium/base-jre";
    /** The C library, the unwinder glibc loads when a thread exits, and zlib: all the JVM links to. */
    static final List<String> PACKAGES = List.of("libc6", "libgcc-s1", "zlib1g");
    /**
     * Java SE, plus what the services' libraries use beyond it: sun.misc.Unsafe (Netty, JBoss
     * threads), the platform MXBeans (metrics), Flight Recorder, the zip file system, DNS lookups
     * through JNDI and the extended socket options.
     */
    static final List<String> MODULES = List.of("java.se", "jdk.unsupported", "jdk.management", "jdk.jfr",
            "jdk.zipfs", "jdk.naming.dns", "jdk.net");
    /** Where the runtime lives in the image; {@code java} is on the PATH. */
    static final String JAVA_HOME = "/opt/java";

    private final Path folder;
    private final Path javaHome;
    private final Console console;

    /** @param folder where the packages, the unpacked files and the archive are kept */
    OfflineBase(Path folder, Path javaHome, Console console) {
        this.folder = folder;
        this.javaHome = javaHome;
        this.console = console;
    }

    /** The archive, made first if it is missing or was made from another JDK, package or module list. */
    Path archive() throws Exception {
        Path archive = folder.resolve("base.tar");
        Path stamp = folder.resolve("base.stamp");
        String key = key();
        if (Files.exists(archive) && Files.exists(stamp) && Files.readString(stamp).equals(key)) {
            return archive;
        }
        console.progress("making the base image " + reference() + " (Debian " + String.join(", ", PACKAGES)
                + " + a jlink runtime of " + javaHome + ")");
        Workspace.deleteRecursively(folder);
        Path debs = Files.createDirectories(folder.resolve("packages"));
        Path root = Files.createDirectories(folder.resolve("root"));
        List<String> download = new ArrayList<>(List.of("apt-get", "download", "-q"));
        PACKAGES.forEach(name -> download.add(name + "=" + installedVersion(name)));
        run(debs, download);
        try (Stream<Path> files = Files.list(debs)) {
            for (Path deb : files.filter(f -> f.toString().endsWith(".deb")).sorted().toList()) {
                run(folder, List.of("dpkg-deb", "-x", deb.toString(), root.toString()));
            }
        }
        for (String docs : List.of("usr/share/doc", "usr/share/lintian", "usr/share/man", "usr/share/locale")) {
            Workspace.deleteRecursively(root.resolve(docs));
        }
        Path runtime = root.resolve(JAVA_HOME.substring(1));
        run(folder, List.of(javaHome.resolve("bin/jlink").toString(), "--add-modules", String.join(",", MODULES),
                "--strip-debug", "--no-man-pages", "--no-header-files", "--output", runtime.toString()));
        Files.createDirectories(root.resolve("etc"));
        // the services' user: a name for the uid the manifests run as, and a home that is the scratch space
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/nonexistent\n"
                + "emporium:x:" + Images.USER + ":" + Images.USER + ":emporium:/tmp:/nonexistent\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\nemporium:x:" + Images.USER + ":\n");
        Files.createDirectories(root.resolve("tmp"));

        FileEntriesLayer.Builder system = FileEntriesLayer.builder().setName("system libraries");
        FileEntriesLayer.Builder java = FileEntriesLayer.builder().setName("java runtime");
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted().toList()) {
                if (path.equals(root)) {
                    continue;
                }
                String inImage = "/" + root.relativize(path).toString().replace('\\', '/');
                (inImage.startsWith(JAVA_HOME) ? java : system).addEntry(contentOf(root, path),
                        AbsoluteUnixPath.get(inImage), permissions(path, inImage));
            }
        }
        Path partial = folder.resolve("base.tar.partial");
        Jib.fromScratch()
                .setFileEntriesLayers(system.build(), java.build())
                .setEnvironment(Map.of("JAVA_HOME", JAVA_HOME, "PATH", JAVA_HOME + "/bin:/usr/bin:/bin", "LANG", "C.UTF-8"))
                .setUser(Images.USER + ":" + Images.USER)
                .setLabels(Map.of("org.opencontainers.image.title", "Emporium's offline base: glibc and a jlink Java runtime",
                        "org.opencontainers.image.version", String.valueOf(Runtime.version())))
                .containerize(Containerizer.to(TarImage.at(partial).named(reference()))
                        .setApplicationLayersCache(folder.resolve("cache")).setToolName("emporium"));
        Files.move(partial, archive);
        Files.writeString(stamp, key);
        return archive;
    }

    /** {@code emporium/base-jre:<the JDK's feature version>}. */
    String reference() {
        return NAME + ":" + Runtime.version().feature();
    }

    private String key() {
        StringBuilder key = new StringBuilder(javaHome + " " + Runtime.version() + "\n" + MODULES + "\n");
        PACKAGES.forEach(name -> key.append(name).append(' ').append(installedVersion(name)).append('\n'));
        return key.toString();
    }

    /** A symbolic link's target inside the unpacked tree (Jib stores files, not links); else the file. */
    private static Path contentOf(Path root, Path path) throws IOException {
        Path current = path;
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops > 16) {
                throw new IOException("a loop of symbolic links at " + path);
            }
            Path target = Files.readSymbolicLink(current);
            current = target.isAbsolute() ? root.resolve(target.toString().substring(1)) : current.resolveSibling(target);
        }
        if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(path + " links to " + current + ", which the packages do not hold");
        }
        return current;
    }

    /** As unpacked (executables stay executable); /tmp writable by the services' user. */
    private static FilePermissions permissions(Path path, String inImage) throws IOException {
        if (inImage.equals("/tmp")) {
            return FilePermissions.fromOctalString("777");
        }
        return FilePermissions.fromPosixFilePermissions(Files.getPosixFilePermissions(path));
    }

    private static String installedVersion(String name) {
        try {
            Process query = new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", name).redirectErrorStream(true).start();
            String out = new String(query.getInputStream().readAllBytes()).strip();
            if (!query.waitFor(30, TimeUnit.SECONDS) || query.exitValue() != 0 || out.isEmpty()) {
                throw new IllegalStateException("dpkg-query does not know " + name + ": " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("the offline base image is made from Debian packages, and this machine has"
                    + " no dpkg-query (not Debian or Ubuntu); use a public base: ./emporium images --base "
                    + Images.PUBLIC_BASE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void run(Path directory, List<String> command) throws IOException, InterruptedException {
        Path log = directory.resolve(Path.of(command.getFirst()).getFileName() + ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log).strip());
        }
    }
}

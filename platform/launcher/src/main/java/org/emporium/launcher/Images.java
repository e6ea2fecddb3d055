package org.emporium.launcher;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The services' container images, built with Jib's library: no Docker daemon, no Dockerfile. Each
 * image is the service's own build output in layers that change at different rates (third-party
 * libraries, our own SNAPSHOT modules, the framework's generated code, the application), on a
 * base with a Java runtime. The images run as the non-root user {@link #USER}, write only to
 * {@code /tmp} and mounted volumes, size the heap from the container's memory limit
 * ({@link Budget#containerJvmFlags}) and carry OCI labels. They are written as archives that
 * {@code podman load} or {@code docker load} read, or pushed to a registry.
 */
final class Images {

    /** The uid and gid the images and the Kubernetes manifests run as: not root, and no user of the host's. */
    static final int USER = 10001;
    /** The base users get unless they choose another: Eclipse Temurin's JRE of {@link Manifests#IMAGE_JDK}. */
    static final String PUBLIC_BASE = "eclipse-temurin:25-jre";
    /** The base made on this machine from Debian packages (see {@link OfflineBase}). */
    static final String OFFLINE = "offline";
    static final String APP = "/app";
    /** The agent that stops a service missing a setting with one line (platform/required-settings). */
    static final String SETTINGS_CHECK_MODULE = "platform/required-settings";
    static final String SETTINGS_CHECK_JAR = SETTINGS_CHECK_MODULE + "/target/required-settings.jar";
    static final String SETTINGS_CHECK_IN_IMAGE = "/opt/emporium/required-settings.jar";
    /** The image's list of the settings the service needs (read by the settings check). */
    static final String REQUIRED_SETTINGS = "EMPORIUM_REQUIRED_SETTINGS";

    /** One image made: its name, the archive it was written to (none when pushed), its size and digest. */
    record Built(String service, String reference, Optional<Path> archive, long bytes, String digest, Duration took) {
    }

    private final Workspace workspace;
    private final String version;
    private final String base;
    private final Optional<String> registry;
    private final Console console;
    private final Map<String, String> labels;
    /** Records a start-up cache into the Quarkus services' images, when Podman can run them. */
    private Optional<ImageCacheTraining> training = Optional.empty();

    /**
     * @param base     {@link #OFFLINE}, or an image reference Jib understands (a registry's, or
     *                 {@code tar://} an archive, {@code docker://} a daemon's)
     * @param registry where to push the images ({@code host[:port][/path]}); empty: archives in
     *                 {@code .emporium/images}
     */
    Images(Workspace workspace, String version, String base, Optional<String> registry, Console console) {
        this.workspace = workspace;
        this.version = version;
        this.base = base;
        this.registry = registry;
        this.console = console;
        this.labels = labels(workspace.root(), version);
    }

    /** Trains a JVM start-up cache into each Quarkus service's image (see {@link ImageCacheTraining}). */
    Images trainedBy(ImageCacheTraining training) {
        this.training = Optional.of(training);
        return this;
    }

    /** The folder of the archives and Jib's layer caches. */
    Path folder() {
        return workspace.home().resolve("images");
    }

    /** The archive a service's image is written to. */
    static Path archive(Workspace workspace, String service) {
        return workspace.home().resolve("images").resolve(service + ".tar");
    }

    /** The name the manifests use: {@code emporium/<service>:<version>}, under the registry when pushed. */
    String reference(String service) {
        return registry.map(r -> r + "/").orElse("") + "emporium/" + service + ":" + version;
    }

    /** Builds one image per service, in order, printing each as it is done. */
    List<Built> build(List<Node> services) throws Exception {
        String baseReference = base.equals(OFFLINE)
                ? "tar://" + new OfflineBase(folder().resolve("base"), Path.of(System.getProperty("java.home")), console).archive()
                : base;
        List<Built> built = new ArrayList<>();
        int i = 0;
        for (Node service : services) {
            console.progress("building " + reference(service.name()) + " (" + ++i + "/" + services.size() + ")");
            Built image = build(service, baseReference);
            built.add(image);
            console.ok(String.format("%-44s %8s  %s  %.1f s", image.reference(),
                    image.archive().isPresent() ? String.format("%.1f MB", image.bytes() / 1e6) : "pushed",
                    image.digest(), image.took().toMillis() / 1000.0));
        }
        return built;
    }

    private Built build(Node service, String baseReference) throws Exception {
        long begin = System.nanoTime();
        Map<String, String> environment = new LinkedHashMap<>(environment(service));
        environment.put(REQUIRED_SETTINGS, String.join(",", new ClusterWiring(Topology.GRAPH).environment(service).keySet()));
        JibContainerBuilder image = Jib.from(baseReference)
                .setUser(USER + ":" + USER)
                .setWorkingDirectory(AbsoluteUnixPath.get(APP))
                .setExposedPorts(Port.tcp(service.defaultPort()))
                .setEnvironment(environment)
                .setLabels(labels(service));
        String check = "-javaagent:" + SETTINGS_CHECK_IN_IMAGE;
        List<String> entrypoint = new ArrayList<>();
        Path app = switch (service.kind()) {
            case QUARKUS -> {
                Path folder = workspace.artifact(service.artifact()).getParent();
                entrypoint.addAll(List.of("java", check, "-jar", APP + "/quarkus-run.jar"));
                yield folder;
            }
            case SPRING -> {
                Path jar = workspace.artifact(service.artifact());
                Path folder = workspace.home().resolve("apps").resolve(service.name());
                SpringJars.extract(jar, folder, Path.of(System.getProperty("java.home"), "bin", "java").toString());
                entrypoint.addAll(List.of("java", check, "-jar", APP + "/" + jar.getFileName()));
                yield folder;
            }
            case INFRASTRUCTURE -> throw new IllegalArgumentException(service.name() + " is not a service");
        };
        if (!Files.isDirectory(app)) {
            throw new IllegalStateException(app + " is missing; build first (./emporium up builds what is stale)");
        }
        Path agent = workspace.artifact(SETTINGS_CHECK_JAR);
        if (!Files.exists(agent)) {
            throw new IllegalStateException(SETTINGS_CHECK_JAR + " is missing; build first (./emporium images builds what is stale)");
        }
        List<FileEntriesLayer> layers = new ArrayList<>(List.of(FileEntriesLayer.builder().setName("settings check")
                .addEntry(agent, AbsoluteUnixPath.get(SETTINGS_CHECK_IN_IMAGE)).build()));
        layers.addAll(layers(app));
        image.setFileEntriesLayers(layers).setEntrypoint(entrypoint);
        Path archive = archive(workspace, service.name());
        Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
        Files.createDirectories(archive.getParent());
        if (training.isPresent() && service.kind() == Node.Kind.QUARKUS) {
            // the image without a cache, run once by Podman to record one, then the cache as its last layer
            Path untrained = archive.resolveSibling(service.name() + ".untrained.tar");
            image.containerize(Containerizer.to(TarImage.at(untrained).named(reference(service.name())))
                    .setToolName("emporium").setToolVersion(version)
                    .setBaseImageLayersCache(folder().resolve("cache/base"))
                    .setApplicationLayersCache(folder().resolve("cache/application")));
            Optional<Path> cache = training.get().train(service, untrained, reference(service.name()), entrypoint);
            Files.deleteIfExists(untrained);
            if (cache.isPresent()) {
                image.addFileEntriesLayer(FileEntriesLayer.builder().setName("start-up cache")
                        .addEntry(cache.get(), AbsoluteUnixPath.get(ImageCacheTraining.CACHE_IN_IMAGE)).build());
                List<String> cached = new ArrayList<>(entrypoint);
                cached.add(1, "-XX:AOTCache=" + ImageCacheTraining.CACHE_IN_IMAGE);
                image.setEntrypoint(cached);
            } else {
                console.fail(service.name() + ": the start-up cache could not be recorded; the image starts without one");
            }
        }
        Containerizer target = registry.isPresent()
                ? Containerizer.to(pushedTo(reference(service.name()))).setAllowInsecureRegistries(insecure(registry.get()))
                : Containerizer.to(TarImage.at(partial).named(reference(service.name())));
        JibContainer container = image.containerize(target
                .setToolName("emporium").setToolVersion(version)
                .setBaseImageLayersCache(folder().resolve("cache/base"))
                .setApplicationLayersCache(folder().resolve("cache/application")));
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        if (registry.isPresent()) {
            return new Built(service.name(), reference(service.name()), Optional.empty(), 0, container.getDigest().toString(), took);
        }
        Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
        return new Built(service.name(), reference(service.name()), Optional.of(archive), Files.size(archive),
                container.getDigest().toString(), took);
    }

    /**
     * Layers from the least to the most often changed, so a rebuild or a pull moves only the last
     * ones: libraries from Maven Central, our own SNAPSHOT modules, Quarkus' generated code, and the
     * application. Quarkus' start-up archive of the build machine's JDK is left out (its JVM is
     * another one).
     */
    static List<FileEntriesLayer> layers(Path app) throws IOException {
        Predicate<String> ours = name -> name.contains("-SNAPSHOT") || name.startsWith("org.emporium.");
        FileEntriesLayer.Builder libraries = FileEntriesLayer.builder().setName("dependencies");
        FileEntriesLayer.Builder snapshots = FileEntriesLayer.builder().setName("snapshot dependencies");
        FileEntriesLayer.Builder framework = FileEntriesLayer.builder().setName("framework");
        FileEntriesLayer.Builder application = FileEntriesLayer.builder().setName("application");
        try (Stream<Path> files = Files.walk(app)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = app.relativize(file).toString().replace('\\', '/');
                String name = file.getFileName().toString();
                if (relative.equals("app-cds.jsa") || name.startsWith(".")) {
                    continue;
                }
                FileEntriesLayer.Builder layer = relative.startsWith("lib/") ? (ours.test(name) ? snapshots : libraries)
                        : relative.startsWith("quarkus/") ? framework : application;
                layer.addEntry(file, AbsoluteUnixPath.get(APP + "/" + relative));
            }
        }
        return Stream.of(libraries, snapshots, framework, application).map(FileEntriesLayer.Builder::build)
                .filter(layer -> !layer.getEntries().isEmpty()).toList();
    }

    /**
     * The JVM's flags, as in the manifests (an orchestrator may replace them): the collector, the
     * exit on OutOfMemoryError, the budget with the heap as a share of the container's limit, and a
     * Quarkus service's {@link Processes#QUARKUS_FLAGS}.
     */
    static Map<String, String> environment(Node service) {
        List<String> jvm = new ArrayList<>(Processes.JVM_FLAGS);
        jvm.addAll(service.memory().containerJvmFlags(Manifests.IMAGE_JDK));
        if (service.kind() == Node.Kind.QUARKUS) {
            jvm.addAll(Processes.QUARKUS_FLAGS);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JDK_JAVA_OPTIONS", String.join(" ", jvm));
        // as the launcher does for its processes: glibc's per-thread malloc arenas cost tens of MB for nothing
        env.put("MALLOC_ARENA_MAX", "2");
        return env;
    }

    private Map<String, String> labels(Node service) {
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.put("org.opencontainers.image.title", "emporium-" + service.name());
        all.put("org.opencontainers.image.base.name", base.equals(OFFLINE) ? OfflineBase.NAME : base);
        return all;
    }

    /** Where the images come from: the repository's remote (or folder) and commit, and the project's version. */
    static Map<String, String> labels(Path root, String version) {
        Map<String, String> labels = new LinkedHashMap<>();
        String source = git(root, "remote", "get-url", "origin").orElse(root.toUri().toString());
        labels.put("org.opencontainers.image.source", source);
        labels.put("org.opencontainers.image.revision", git(root, "rev-parse", "HEAD").orElse("unknown"));
        labels.put("org.opencontainers.image.version", version);
        labels.put("org.opencontainers.image.licenses", "Apache-2.0");
        return labels;
    }

    private static Optional<String> git(Path root, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(arguments));
        try {
            Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes()).strip();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 && !out.isEmpty() ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no git here: the labels say so
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * A registry image with the credentials {@code docker login} or {@code podman login} saved, or
     * those in EMPORIUM_REGISTRY_USERNAME and EMPORIUM_REGISTRY_PASSWORD.
     */
    private static RegistryImage pushedTo(String reference) throws Exception {
        RegistryImage image = RegistryImage.named(reference);
        String user = System.getenv("EMPORIUM_REGISTRY_USERNAME");
        String password = System.getenv("EMPORIUM_REGISTRY_PASSWORD");
        if (user != null && password != null) {
            image.addCredential(user, password);
        }
        CredentialRetrieverFactory credentials = CredentialRetrieverFactory.forImage(ImageReference.parse(reference), event -> { });
        image.addCredentialRetriever(credentials.dockerConfig());
        Path podmanAuth = Path.of(Optional.ofNullable(System.getenv("XDG_RUNTIME_DIR")).orElse("/run/user/0"), "containers/auth.json");
        if (Files.exists(podmanAuth)) {
            image.addCredentialRetriever(credentials.dockerConfig(podmanAuth));
        }
        return image;
    }

    /** One line for a failed build: the innermost cause, and the way out when a registry was out of reach. */
    static String explain(Exception failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String said = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        boolean network = cause instanceof java.net.UnknownHostException || cause instanceof java.net.ConnectException
                || cause instanceof java.net.SocketTimeoutException || cause instanceof javax.net.ssl.SSLException;
        return network ? said + " (a registry is out of reach; with no registry: ./emporium images --base " + OFFLINE + ")"
                : failure == cause ? said : failure.getMessage() + " (" + said + ")";
    }

    /** A registry on this machine is spoken to over plain HTTP (Debian's docker-registry, kind's). */
    private static boolean insecure(String registry) {
        return registry.startsWith("localhost") || registry.startsWith("127.0.0.1");
    }
}

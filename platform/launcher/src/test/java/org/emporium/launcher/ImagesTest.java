package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The services' images: their layers, their JVM flags against the container's limit, and a real build (ADR 0011). */
class ImagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void layersGoFromLibrariesToTheApplicationAndLeaveTheBuildMachinesArchiveOut() throws Exception {
        Path app = quarkusApp(temp.resolve("quarkus-app"));

        List<FileEntriesLayer> layers = Images.layers(app);

        Map<String, List<String>> byLayer = new HashMap<>();
        layers.forEach(layer -> byLayer.put(layer.getName(),
                layer.getEntries().stream().map(FileEntry::getExtractionPath).map(Object::toString).toList()));
        assertThat(layers).extracting(FileEntriesLayer::getName)
                .containsExactly("dependencies", "snapshot dependencies", "framework", "application");
        assertThat(byLayer.get("dependencies")).containsExactly("/app/lib/main/io.vertx.vertx-core-4.5.jar");
        assertThat(byLayer.get("snapshot dependencies")).containsExactly("/app/lib/main/org.emporium.platform-auth-0.1.0-SNAPSHOT.jar");
        assertThat(byLayer.get("framework")).containsExactly("/app/quarkus/generated-bytecode.jar");
        assertThat(byLayer.get("application")).containsExactly("/app/app/demo.jar", "/app/quarkus-run.jar");
        assertThat(byLayer.values().stream().flatMap(List::stream)).noneMatch(path -> path.endsWith("app-cds.jsa"));
    }

    @Test
    void everyServicesHeapIsItsBudgetsShareOfTheContainersLimitWithRoomForTheRest() {
        Pattern share = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)");
        for (Node service : Topology.services()) {
            String flags = Images.environment(service).get("JDK_JAVA_OPTIONS");
            Budget budget = service.memory();

            assertThat(flags).as(service.name()).doesNotContain("-Xmx").contains("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
            Matcher matcher = share.matcher(flags);
            assertThat(matcher.find()).as("%s: %s", service.name(), flags).isTrue();
            double heapMb = Double.parseDouble(matcher.group(1)) / 100 * budget.containerLimitMb();
            assertThat(heapMb).as("%s's heap in its container", service.name()).isCloseTo(budget.heapMb(), org.assertj.core.data.Offset.offset(1.0));
            assertThat(budget.containerLimitMb()).as(service.name())
                    .isGreaterThanOrEqualTo(budget.heapMb() + Budget.NON_HEAP_MB)
                    .isGreaterThanOrEqualTo(budget.pssMb() * 3 / 2);
        }
        assertThat(Images.PUBLIC_BASE).endsWith(":" + Manifests.IMAGE_JDK.feature() + "-jre");
    }

    @Test
    void anImageIsBuiltOnABaseArchiveRunsAsTheNonRootUserAndSaysWhereItCameFrom() throws Exception {
        Path root = temp.resolve("checkout");
        quarkusApp(root.resolve(Topology.services().getFirst().module() + "/target/quarkus-app"));
        Files.createDirectories(root.resolve(Images.SETTINGS_CHECK_JAR).getParent());
        Files.writeString(root.resolve(Images.SETTINGS_CHECK_JAR), "agent");
        Path base = temp.resolve("base.tar");
        Jib.fromScratch().containerize(Containerizer.to(TarImage.at(base).named("test/base:1")));
        Node demo = Topology.services().getFirst();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Workspace workspace = new Workspace(root);

        List<Images.Built> built = new Images(workspace, "1.2.3", "tar://" + base, Optional.empty(),
                new Console(new PrintStream(printed, true), false, false)).build(List.of(demo));

        Images.Built image = built.getFirst();
        String name = demo.name();
        assertThat(image.reference()).isEqualTo("emporium/" + name + ":1.2.3");
        assertThat(image.archive()).contains(Images.archive(workspace, name));
        assertThat(image.digest()).matches("sha256:[0-9a-f]{64}");
        assertThat(image.bytes()).isEqualTo(Files.size(Images.archive(workspace, name)));
        assertThat(printed.toString()).contains("emporium/" + name + ":1.2.3", image.digest());
        JsonNode config = imageConfig(Images.archive(workspace, name)).path("config");
        assertThat(config.path("User").asText()).isEqualTo("10001:10001");
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/app");
        assertThat(config.path("Entrypoint").toString()).isEqualTo("[\"java\",\"-javaagent:/opt/emporium/required-settings.jar\","
                + "\"-jar\",\"/app/quarkus-run.jar\"]");
        assertThat(config.path("ExposedPorts").has(demo.defaultPort() + "/tcp")).isTrue();
        assertThat(config.path("Env").toString()).contains("JDK_JAVA_OPTIONS=", "MaxRAMPercentage");
        // every setting the graph gives the service is required: the agent stops it when one is missing
        String required = String.join(",", new ClusterWiring(Topology.GRAPH).environment(demo).keySet());
        assertThat(config.path("Env").toString()).contains("EMPORIUM_REQUIRED_SETTINGS=" + required);
        assertThat(config.path("Labels").path("org.opencontainers.image.version").asText()).isEqualTo("1.2.3");
        assertThat(config.path("Labels").path("org.opencontainers.image.title").asText()).isEqualTo("emporium-" + name);
        assertThat(config.path("Labels").has("org.opencontainers.image.source")).isTrue();
        assertThat(config.path("Labels").has("org.opencontainers.image.revision")).isTrue();
    }

    /** A quarkus-app folder as Quarkus packages it (fast-jar), with a start-up archive of the build machine. */
    private static Path quarkusApp(Path app) throws Exception {
        for (String file : List.of("lib/main/io.vertx.vertx-core-4.5.jar", "lib/main/org.emporium.platform-auth-0.1.0-SNAPSHOT.jar",
                "quarkus/generated-bytecode.jar", "app/demo.jar", "quarkus-run.jar", "app-cds.jsa")) {
            Files.createDirectories(app.resolve(file).getParent());
            Files.writeString(app.resolve(file), file);
        }
        return app;
    }

    /** The image's configuration, from the archive Jib wrote (Docker's format: manifest.json names it). */
    private static JsonNode imageConfig(Path archive) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        try (InputStream in = Files.newInputStream(archive); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().endsWith(".json")) {
                    files.put(entry.getName(), tar.readAllBytes());
                }
            }
        }
        String config = JSON.readTree(files.get("manifest.json")).path(0).path("Config").asText();
        return JSON.readTree(files.get(config));
    }
}

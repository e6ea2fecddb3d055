package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code up --containers} runs a service's image: as a cluster would, and with no secret on the command line. */
class ContainersTest {

    @TempDir
    Path root;

    @Test
    void aServiceRunsReadOnlyAsTheImagesUserWithItsLimitAndItsSettingsByNameOnly() {
        Workspace workspace = new Workspace(root);
        Node search = Topology.services().stream().filter(s -> s.name().equals("search")).findFirst().orElseThrow();
        Map<String, String> settings = Map.of("EMPORIUM_SEARCH_DB_PASSWORD", "s3cret-value",
                "EMPORIUM_SEARCH_INDEX_DIR", root.resolve("data/search").toString());

        List<String> command = new Containers(workspace, "1.2.3").runCommand(search, 18103, settings);

        assertThat(command).startsWith("podman", "run", "--rm", "--name", "emporium-search-18103")
                .contains("--read-only", "--network", "host", "--cap-drop", "all")
                .containsSequence("--user", "10001:10001")
                .containsSequence("--memory", search.memory().containerLimitMb() + "m")
                .containsSequence("--env", "EMPORIUM_SEARCH_DB_PASSWORD")
                .containsSequence("--volume", root.resolve("data/search") + ":" + root.resolve("data/search") + ":U")
                .endsWith("emporium/search:1.2.3");
        assertThat(String.join(" ", command)).as("values stay in Podman's environment").doesNotContain("s3cret-value");
    }

    @Test
    void anImageOlderThanTheServicesBuildIsReported() throws Exception {
        Workspace workspace = new Workspace(root);
        Node catalog = Topology.services().getFirst();
        Path archive = Images.archive(workspace, catalog.name());
        Path built = workspace.artifact(catalog.artifact());
        for (Path file : List.of(archive, built)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "x");
        }
        Containers containers = new Containers(workspace, "1.2.3");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2026-12-05T10:00:00Z")));
        Files.setLastModifiedTime(built, FileTime.from(Instant.parse("2026-12-05T09:00:00Z")));

        assertThat(containers.olderThanBuild(catalog)).isEmpty();

        Files.setLastModifiedTime(built, FileTime.from(Instant.parse("2026-12-05T11:00:00Z")));
        assertThat(containers.olderThanBuild(catalog)).hasValueSatisfying(said ->
                assertThat(said).contains(catalog.name(), "./emporium images"));
    }
}

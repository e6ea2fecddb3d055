package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @TempDir
    Path home;

    private LocalWiring wiring() {
        Workspace workspace = new Workspace(home);
        workspace.create();
        return new LocalWiring(workspace, Topology.GRAPH);
    }

    private static Node node(String name) {
        return Topology.GRAPH.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aDatabaseReferenceGivesTheServiceItsOwnDatabaseRoleAndPasswordAndStartsItAfterPostgres() {
        Map<String, String> env = wiring().environment(node("catalog"));

        assertThat(env).containsEntry("EMPORIUM_CATALOG_DB_URL", "jdbc:postgresql://127.0.0.1:" + Topology.port("postgres") + "/catalog")
                .containsEntry("EMPORIUM_CATALOG_DB_USER", "catalog")
                .containsEntry("EMPORIUM_CATALOG_PORT", String.valueOf(Topology.port("catalog")))
                .containsEntry("EMPORIUM_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + Topology.port("kafka"))
                .containsEntry("EMPORIUM_AUTH_ISSUER", "http://localhost:" + Topology.port("identity"))
                .containsEntry("EMPORIUM_ZIPKIN_ENDPOINT", "http://127.0.0.1:" + Topology.port("zipkin") + "/api/v2/spans");
        assertThat(env.get("EMPORIUM_CATALOG_DB_PASSWORD")).hasSizeGreaterThan(20)
                .isEqualTo(wiring().databases().get("catalog"));
        assertThat(node("catalog").startsAfter()).containsExactly("postgres");
    }

    @Test
    void aCallGivesTheCallerTheCalledServicesUrlAndNothingElseOfIt() {
        Map<String, String> env = wiring().environment(node("cart"));

        // locally a name the client looks up in the registry, by the client library of the caller's kind
        assertThat(env).containsEntry("EMPORIUM_CATALOG_URL", "stork://catalog")
                .containsEntry("EMPORIUM_INVENTORY_URL", "stork://inventory")
                .containsEntry("EMPORIUM_REGISTRY_URL", "http://127.0.0.1:" + Topology.port("registry") + "/eureka")
                .doesNotContainKeys("EMPORIUM_ORDERS_URL", "EMPORIUM_CATALOG_DB_URL", "EMPORIUM_REDIS_HOST");
        assertThat(wiring().environment(node("gateway"))).containsEntry("EMPORIUM_CATALOG_URL", "lb://catalog");
        // a service that calls none has nothing to look up
        assertThat(wiring().environment(node("search"))).doesNotContainKey("EMPORIUM_REGISTRY_URL");
    }

    @Test
    void serviceTokensBringTheClientSecretAndOnlyTheSearchAndRecommendationReadModelsWaitForKafka() {
        assertThat(wiring().environment(node("orders"))).containsEntry("EMPORIUM_AUTH_CLIENT_SECRET", wiring().servicesClientSecret())
                .containsEntry("EMPORIUM_AUTH_TOKEN_URL", "stork://identity/oauth2/token");
        // the key set is found in the registry too (any identity copy has the same keys), even by a
        // service that calls no other
        assertThat(wiring().environment(node("catalog")))
                .containsEntry("EMPORIUM_AUTH_JWKS_URL", "stork://identity/oauth2/jwks")
                .containsEntry("EMPORIUM_REGISTRY_URL", "http://127.0.0.1:" + Topology.port("registry") + "/eureka");
        assertThat(wiring().environment(node("gateway"))).containsEntry("EMPORIUM_AUTH_JWKS_URL", "lb://identity/oauth2/jwks");
        assertThat(wiring().environment(node("catalog"))).doesNotContainKey("EMPORIUM_AUTH_CLIENT_SECRET");
        assertThat(Topology.services().stream().filter(n -> n.startsAfter().contains("kafka")).map(Node::name))
                .containsExactly("search", "recommendations");
    }

    @Test
    void everyReferenceNamesAComponentOfTheGraphAndWhatOneWaitsForIsDeclaredBeforeIt() {
        List<String> declared = new ArrayList<>();
        for (Node node : Topology.GRAPH) {
            assertThat(declared).as("what %s starts after", node.name()).containsAll(node.startsAfter());
            declared.add(node.name());
        }
        Set<String> names = Topology.GRAPH.stream().map(Node::name).collect(Collectors.toSet());
        Topology.GRAPH.forEach(node -> assertThat(names).as("what %s calls", node.name()).containsAll(node.calls()));
    }

    @Test
    void theEventContractNamesOnlyServicesThatUseKafkaAndEveryKafkaUserIsInIt() {
        Graph graph = Graph.of(ROOT.resolve("contracts/events/asyncapi.yaml"));
        Set<String> inContract = graph.topics().values().stream()
                .flatMap(t -> java.util.stream.Stream.concat(t.producers().stream(), t.consumers().stream()))
                .collect(Collectors.toSet());
        Set<String> kafkaUsers = Topology.services().stream().filter(Node::usesKafka).map(Node::name).collect(Collectors.toSet());

        assertThat(inContract).isEqualTo(kafkaUsers);
        assertThat(graph.topics().get("catalog.product.v1").producers()).containsExactly("catalog");
        assertThat(graph.topics().get("payments.payment.v1").consumers()).contains("orders");
    }

    @Test
    void theArchitectureDocumentEmbedsTheGraphAsItIsDeclared() throws Exception {
        String mermaid = Graph.of(ROOT.resolve("contracts/events/asyncapi.yaml")).mermaid();
        String document = Files.readString(ROOT.resolve("docs/architecture/README.md"));

        assertThat(document).as("docs/architecture/README.md embeds the output of ./emporium graph --mermaid;"
                + " paste it again after changing the graph").contains(mermaid);
    }

    @Test
    void everyServiceIsBuiltByItsOwnModuleAndEveryPortIsDistinct() {
        Topology.services().forEach(s -> assertThat(ROOT.resolve(s.module()).resolve("pom.xml")).exists());
        assertThat(Set.copyOf(Topology.ports().values())).hasSameSizeAs(Topology.ports().values());
    }

    @Test
    void everyComponentHasAMemoryBudgetAndEveryJvmAHeap() {
        Topology.GRAPH.forEach(n -> assertThat(n.memory()).as(n.name() + "'s memory(...)").isNotNull()
                .satisfies(b -> assertThat(b.pssMb()).isPositive()));
        Topology.GRAPH.stream().filter(n -> !n.name().matches("postgres|redis"))
                .forEach(n -> assertThat(n.memory().isJvm()).as(n.name() + " is a JVM: its budget needs a heap").isTrue());
    }

    @Test
    void postgresAllowsTheConnectionsOfEveryPoolWhichTheServicesAreGiven() {
        // every pool as many times over as a service may have copies (Postgres cannot allow more without a restart)
        assertThat(wiring().databaseConnections())
                .isEqualTo(Topology.GRAPH.stream().mapToInt(Node::connections).sum() * Instances.MAX)
                .isEqualTo((5 * 16 + 8 + 8) * Instances.MAX);
        assertThat(wiring().environment(node("notifications"))).containsEntry("EMPORIUM_NOTIFICATIONS_DB_POOL", "8");
        assertThat(wiring().environment(node("identity"))).containsEntry("EMPORIUM_IDENTITY_DB_POOL", "8");
        assertThat(wiring().environment(node("catalog"))).containsEntry("EMPORIUM_CATALOG_DB_POOL", "16");
    }
}

package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topics' one home is the event contract's Kafka bindings: the services' topic specs agree with
 * it, and the Kafka component makes exactly its topics (ADR 0010).
 */
class KafkaTopicsTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path CONTRACT = ROOT.resolve("contracts/events/asyncapi.yaml");
    /** A topic spec as the services write them: {@code name[:partitions][:compact]} (platform/messaging's TopicSpec). */
    private static final Pattern SPEC = Pattern.compile("([a-z]+\\.[a-z]+\\.v[0-9]+)(?::([0-9]+))?(:compact)?");

    private final List<ContractTopics.Topic> contract = ContractTopics.read(CONTRACT);

    @Test
    void everyTopicSpecOfEveryServiceAgreesWithTheContract() throws IOException {
        List<String> specs = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("services"))) {
            for (Path file : files.map(s -> s.resolve("src/main/resources/application.properties")).filter(Files::exists).toList()) {
                Properties properties = new Properties();
                try (var in = Files.newInputStream(file)) {
                    properties.load(in);
                }
                properties.forEach((key, value) -> {
                    for (String item : value.toString().split(",")) {
                        Matcher m = SPEC.matcher(item.strip());
                        if (m.matches() && m.group(2) != null) {
                            specs.add(item.strip());
                            ContractTopics.Topic topic = topic(m.group(1));
                            assertThat(Integer.parseInt(m.group(2))).as("partitions of %s in %s (%s)", m.group(1), file, key)
                                    .isEqualTo(topic.partitions());
                            assertThat(m.group(3) != null).as("compaction of %s in %s (%s)", m.group(1), file, key)
                                    .isEqualTo(topic.compacted());
                        }
                    }
                });
            }
        }
        assertThat(specs).as("the services' topic specs were found").hasSizeGreaterThanOrEqualTo(contract.size() - 1)
                .contains("catalog.product.v1:3:compact");
        Properties recommendations = new Properties();
        try (var in = Files.newInputStream(ROOT.resolve("services/recommendations/src/main/resources/application.properties"))) {
            recommendations.load(in);
        }
        assertThat(Duration.parse(recommendations.getProperty("emporium.recommendations.behaviour-retention")).toMillis())
                .as("the behaviour topic's retention, which recommendations sets when it creates it")
                .isEqualTo(Long.parseLong(topic("storefront.behaviour.v1").configuration().get("retention.ms")));
    }

    @Test
    void theKafkaComponentHasAKafkaTopicPerChannelWithItsPartitionsAndConfiguration() {
        List<JsonNode> objects = ManifestsTest.parse(new Manifests(ManifestsFiles.projectVersion(), CONTRACT).kafka());

        List<JsonNode> topics = objects.stream().filter(o -> o.path("kind").asText().equals("KafkaTopic")).toList();
        assertThat(topics).extracting(t -> t.at("/metadata/name").asText())
                .containsExactlyInAnyOrderElementsOf(contract.stream().map(ContractTopics.Topic::name).toList());
        for (JsonNode topic : topics) {
            ContractTopics.Topic channel = topic(topic.at("/metadata/name").asText());
            assertThat(topic.at("/spec/partitions").asInt()).isEqualTo(channel.partitions());
            assertThat(topic.at("/spec/replicas").asInt()).isPositive();
            assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(ClusterWiring.KAFKA_CLUSTER);
            channel.configuration().forEach((name, value) -> assertThat(topic.at("/spec/config").path(name).asText()).isEqualTo(value));
        }
        assertThat(topic("catalog.product.v1").compacted()).isTrue();
    }

    /** No package publishes Strimzi's schemas for npm: the fields Strimzi requires, checked here. */
    @Test
    void theKafkaClusterHasWhatStrimziRequiresAndListensWhereTheServicesLook() {
        List<JsonNode> objects = ManifestsTest.parse(new Manifests(ManifestsFiles.projectVersion(), CONTRACT).kafka());
        JsonNode kafka = objects.stream().filter(o -> o.path("kind").asText().equals("Kafka")).findFirst().orElseThrow();
        JsonNode pool = objects.stream().filter(o -> o.path("kind").asText().equals("KafkaNodePool")).findFirst().orElseThrow();

        assertThat(kafka.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1beta2");
        assertThat(kafka.at("/metadata/name").asText()).isEqualTo(ClusterWiring.KAFKA_CLUSTER);
        assertThat(kafka.at("/metadata/annotations/strimzi.io~1node-pools").asText()).isEqualTo("enabled");
        JsonNode listener = kafka.at("/spec/kafka/listeners/0");
        assertThat(listener.path("name").asText()).isNotBlank();
        assertThat(listener.path("type").asText()).isEqualTo("internal");
        assertThat(listener.path("tls").isBoolean()).isTrue();
        assertThat(new ClusterWiring(Topology.GRAPH).kafkaBootstrapServers())
                .isEqualTo(kafka.at("/metadata/name").asText() + "-kafka-bootstrap:" + listener.path("port").asInt());
        assertThat(pool.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(ClusterWiring.KAFKA_CLUSTER);
        assertThat(pool.at("/spec/replicas").asInt()).isPositive();
        assertThat(pool.at("/spec/roles").toString()).contains("controller", "broker");
        assertThat(pool.at("/spec/storage/type").asText()).isIn("ephemeral", "persistent-claim", "jbod");
    }

    @Test
    void aChannelWithoutItsKafkaBindingIsNamedInTheError(@TempDir Path folder) throws IOException {
        Path contract = Files.writeString(folder.resolve("asyncapi.yaml"), """
                asyncapi: 3.0.0
                channels:
                  things:
                    address: things.thing.v1
                """);

        assertThatThrownBy(() -> ContractTopics.read(contract)).hasMessageContaining("things (things.thing.v1) has no Kafka binding");
    }

    private ContractTopics.Topic topic(String name) {
        return contract.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not a channel of the event contract"));
    }
}

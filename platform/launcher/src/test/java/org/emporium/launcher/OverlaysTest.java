package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.launcher.ManifestsTest.ROOT;
import static org.emporium.launcher.ManifestsTest.YAML;
import static org.emporium.launcher.ManifestsTest.find;
import static org.emporium.launcher.ManifestsTest.kind;
import static org.emporium.launcher.ManifestsTest.onPath;
import static org.emporium.launcher.ManifestsTest.run;
import static org.emporium.launcher.ManifestsTest.selects;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The two overlays as {@code kubectl kustomize} renders them: valid against the schemas, within
 * the pod policies, every reference resolved (Services, policies' peers, autoscalers, monitors,
 * the ingress), and what each overlay promises (ADR 0010). Skipped, saying so, without kubectl.
 */
class OverlaysTest {

    private static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void rendersAndEveryObjectIsValidAgainstItsSchema(String overlay) throws Exception {
        String result = ManifestsTest.validate(text(overlay));

        assertThat(result).as(result).startsWith("0\n").contains(" 0 invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyPodIsNonRootReadOnlyProbedAndLimitedWithATaggedImage(String overlay) throws Exception {
        List<JsonNode> objects = objects(overlay);

        ManifestsTest.checkPods(objects);
        assertThat(kind(objects, "Deployment")).as("the services, Redis, the mail relay, the collector and Zipkin")
                .hasSize(Topology.services().size() + 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyReferenceResolves(String overlay) throws Exception {
        List<JsonNode> objects = objects(overlay);
        List<JsonNode> pods = kind(objects, "Deployment").stream().map(d -> d.at("/spec/template/metadata/labels")).toList();
        for (JsonNode service : kind(objects, "Service")) {
            assertThat(pods).as("pods of Service %s", service.at("/metadata/name").asText())
                    .anyMatch(labels -> selects(service.at("/spec/selector"), labels));
        }
        for (JsonNode budget : kind(objects, "PodDisruptionBudget")) {
            assertThat(pods).anyMatch(labels -> selects(budget.at("/spec/selector/matchLabels"), labels));
        }
        for (JsonNode policy : kind(objects, "NetworkPolicy")) {
            String name = policy.at("/metadata/name").asText();
            assertThat(pods).as("pods of %s", name).anyMatch(labels -> selects(policy.at("/spec/podSelector/matchLabels"), labels)
                    || name.equals("default-deny"));
            for (JsonNode peer : peers(policy)) {
                assertThat(peerExists(peer, objects, pods)).as("%s: a peer nothing in the overlay matches: %s", name, peer).isTrue();
            }
        }
        for (JsonNode scaler : kind(objects, "HorizontalPodAutoscaler")) {
            find(objects, "Deployment", scaler.at("/spec/scaleTargetRef/name").asText());
        }
        for (JsonNode monitor : kind(objects, "ServiceMonitor")) {
            String name = monitor.at("/metadata/name").asText();
            JsonNode service = find(objects, "Service", name);
            assertThat(selects(monitor.at("/spec/selector/matchLabels"), service.at("/metadata/labels"))).as(name).isTrue();
            assertThat(service.at("/spec/ports").findValuesAsText("name")).contains(monitor.at("/spec/endpoints/0/port").asText());
        }
        assertThat(kind(objects, "ServiceMonitor")).hasSize(Topology.services().size());
        for (JsonNode ingress : kind(objects, "Ingress")) {
            for (JsonNode backend : ingress.findValues("service")) {
                JsonNode service = find(objects, "Service", backend.path("name").asText());
                assertThat(service.at("/spec/ports").findValues("port").stream().map(JsonNode::asInt))
                        .contains(backend.at("/port/number").asInt());
            }
        }
    }

    @Test
    void devRunsEverythingInTheClusterOnceWithSmallRequests() throws Exception {
        List<JsonNode> objects = objects("dev");

        for (String store : List.of("redis", "mail", "otel-collector", "zipkin")) {
            find(objects, "Service", store);
        }
        assertThat(kind(objects, "Deployment")).allSatisfy(d -> assertThat(d.at("/spec/replicas").asInt()).isEqualTo(1));
        assertThat(kind(objects, "Deployment")).filteredOn(d -> d.at("/metadata/labels/app.kubernetes.io~1component").asText().equals("service"))
                .allSatisfy(d -> assertThat(d.at("/spec/template/spec/containers/0/resources/requests/cpu").asText()).isEqualTo("50m"));
        assertThat(kind(objects, "NetworkPolicy")).as("only the stores' own").hasSize(4);
        assertThat(kind(objects, "HorizontalPodAutoscaler")).isEmpty();
    }

    @Test
    void productionRunsTwoOrMoreOfTheStatelessServicesBehindAnIngressWithPoliciesAndReplicatedStores() throws Exception {
        List<JsonNode> objects = objects("production");

        for (Node service : Topology.services()) {
            int replicas = find(objects, "Deployment", service.name()).at("/spec/replicas").asInt();
            boolean replicated = !ClusterComponents.SINGLE_REPLICA.contains(service.name());
            assertThat(replicas).as(service.name()).isEqualTo(replicated ? 2 : 1);
            assertThat(kind(objects, "HorizontalPodAutoscaler")).as("%s's autoscaler", service.name())
                    .filteredOn(h -> h.at("/spec/scaleTargetRef/name").asText().equals(service.name())).hasSize(replicated ? 1 : 0);
            find(objects, "PodDisruptionBudget", service.name());
            find(objects, "NetworkPolicy", "allow-" + service.name());
        }
        find(objects, "NetworkPolicy", "default-deny");
        assertThat(find(objects, "Cluster", ClusterWiring.POSTGRES_CLUSTER).at("/spec/instances").asInt()).isEqualTo(3);
        assertThat(find(objects, "KafkaNodePool", "combined").at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(find(objects, "Kafka", ClusterWiring.KAFKA_CLUSTER).at("/spec/kafka/config/min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(kind(objects, "KafkaTopic")).allSatisfy(t -> assertThat(t.at("/spec/replicas").asInt()).isEqualTo(3));
        // the public addresses follow the ingress: tokens name its issuer, cookies are Secure
        JsonNode identity = find(objects, "ConfigMap", "identity-config").path("data");
        assertThat(identity.path("EMPORIUM_IDENTITY_ISSUER").asText()).isEqualTo("https://" + ClusterComponents.IDENTITY_HOST);
        assertThat(identity.path("EMPORIUM_IDENTITY_COOKIE_SECURE").asText()).isEqualTo("true");
        for (Node service : Topology.services()) {
            find(objects, "ConfigMap", service.name() + "-config").path("data").fields().forEachRemaining(setting ->
                    assertThat(setting.getValue().asText()).as("%s of %s", setting.getKey(), service.name()).doesNotContain("localhost"));
        }
    }

    /** Every peer of a policy's rules (podSelector with or without namespaceSelector). */
    private static List<JsonNode> peers(JsonNode policy) {
        List<JsonNode> peers = new ArrayList<>();
        for (String direction : List.of("ingress", "egress")) {
            for (JsonNode rule : policy.at("/spec/" + direction)) {
                rule.path(direction.equals("ingress") ? "from" : "to").forEach(peers::add);
            }
        }
        return peers;
    }

    /**
     * Whether something in the overlay is what a peer names: a pod of the overlay; an operator's
     * pods of a Postgres or Kafka cluster the overlay declares; or outside the overlay by design:
     * the cluster's DNS in kube-system, and Prometheus in its own namespace.
     */
    private static boolean peerExists(JsonNode peer, List<JsonNode> objects, List<JsonNode> pods) {
        JsonNode labels = peer.at("/podSelector/matchLabels");
        if (peer.has("namespaceSelector")) {
            String namespace = peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText();
            return namespace.equals("kube-system") || labels.path("app.kubernetes.io/name").asText().equals("prometheus");
        }
        if (labels.has("cnpg.io/cluster")) {
            return kind(objects, "Cluster").stream().anyMatch(c -> c.at("/metadata/name").asText().equals(labels.path("cnpg.io/cluster").asText()));
        }
        if (labels.has("strimzi.io/cluster")) {
            return kind(objects, "Kafka").stream().anyMatch(k -> k.at("/metadata/name").asText().equals(labels.path("strimzi.io/cluster").asText()));
        }
        return pods.stream().anyMatch(pod -> selects(labels, pod));
    }

    private static synchronized List<JsonNode> objects(String overlay) throws Exception {
        if (!RENDERED.containsKey(overlay)) {
            List<JsonNode> objects = new ArrayList<>();
            YAML.readerFor(JsonNode.class).readValues(text(overlay)).forEachRemaining(o -> objects.add((JsonNode) o));
            RENDERED.put(overlay, objects);
        }
        return RENDERED.get(overlay);
    }

    private static String text(String overlay) throws Exception {
        Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed here: the overlays were not rendered "
                + "(https://kubernetes.io/docs/tasks/tools/ installs it)");
        String rendered = run(List.of("kubectl", "kustomize", ROOT.resolve("deploy/k8s/overlays").resolve(overlay).toString()), "", 60);
        assertThat(rendered).as(rendered).startsWith("0\n");
        return rendered.substring(2);
    }
}

package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kubernetes base against the service graph: current, complete, and within the policies (ADR 0010). */
class ManifestsTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SECRET_WORDS = Set.of("PASSWORD", "SECRET", "KEY", "TOKEN");

    private final Manifests manifests = new Manifests(ManifestsFiles.projectVersion(), ROOT.resolve("contracts/events/asyncapi.yaml"));

    @Test
    void theCommittedManifestsAreTheGeneratedOnes() throws Exception {
        for (var folder : manifests.folders().entrySet()) {
            List<String> stale = new ManifestsFiles(ROOT.resolve(folder.getKey()), folder.getValue()).stale();

            assertThat(stale).as("out of date under %s: run ./emporium manifests", folder.getKey()).isEmpty();
        }
    }

    @Test
    void networkPoliciesAllowEveryCallOfTheGraphAndNoOther() {
        List<JsonNode> policies = parse(manifests.networkPolicies());
        JsonNode denyAll = find(policies, "NetworkPolicy", "default-deny");
        assertThat(kind(objects(), "Deployment")).as("the deny selects every service's pods")
                .allMatch(d -> selects(denyAll.at("/spec/podSelector/matchLabels"), d.at("/spec/template/metadata/labels")));
        assertThat(denyAll.at("/spec/policyTypes").toString()).contains("Ingress", "Egress");

        List<String> allowed = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Node from : Topology.services()) {
            for (Node to : Topology.services()) {
                if (from == to) {
                    continue;
                }
                String call = from.name() + " → " + to.name();
                if (egressAllows(find(policies, "NetworkPolicy", "allow-" + from.name()), to)
                        && ingressAllows(find(policies, "NetworkPolicy", "allow-" + to.name()), from, to)) {
                    allowed.add(call);
                }
                // the rule, stated again here: what it calls, and identity when it checks or fetches tokens
                boolean tokens = (from.usesAuth() || from.usesServiceTokens()) && to.name().equals("identity");
                if (from.calls().contains(to.name()) || tokens) {
                    expected.add(call);
                }
            }
        }
        assertThat(allowed).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).contains("gateway → storefront", "cart → catalog", "orders → identity");
    }

    @Test
    void aServiceNobodyCallsAdmitsNoServiceTheEntryPointsAdmitEveryoneAndPrometheusScrapesEach() {
        List<JsonNode> policies = parse(manifests.networkPolicies());
        for (Node service : Topology.services()) {
            List<JsonNode> rules = new ArrayList<>();
            find(policies, "NetworkPolicy", "allow-" + service.name()).at("/spec/ingress").forEach(rules::add);
            List<JsonNode> scrapes = rules.stream().filter(ManifestsTest::admitsPrometheus).toList();
            List<JsonNode> fromServices = rules.stream().filter(rule -> !admitsPrometheus(rule)).toList();
            assertThat(scrapes).as("%s: one rule for Prometheus, on its metrics port only", service.name()).singleElement()
                    .satisfies(rule -> assertThat(rule.path("from").size()).isEqualTo(1))
                    .satisfies(rule -> assertThat(opens(rule, service.defaultPort() + service.managementOffset())).isTrue())
                    .satisfies(rule -> assertThat(rule.path("ports").size()).isEqualTo(1));
            boolean called = Topology.services().stream().anyMatch(s -> Manifests.reaches(s).contains(service.name()));
            if (Manifests.PUBLIC.contains(service.name())) {
                assertThat(fromServices.getFirst().has("from")).as("%s admits every source", service.name()).isFalse();
            } else {
                // an ingress rule without sources would admit every pod: never written for internal services
                fromServices.forEach(rule -> assertThat(rule.path("from").size()).as(service.name()).isPositive());
                assertThat(fromServices.size()).as(service.name()).isEqualTo(called ? 1 : 0);
            }
        }
    }

    /** A rule admitting Prometheus' pods (of any namespace): the observability component's scrapes. */
    private static boolean admitsPrometheus(JsonNode rule) {
        return rule.path("from").size() > 0 && "prometheus".equals(rule.at("/from/0/podSelector/matchLabels/app.kubernetes.io~1name").asText());
    }

    @Test
    void everyServiceHasADeploymentAndAServiceOnItsLocalPortAndEverySettingItReadsLocally(@TempDir Path home) {
        Workspace workspace = new Workspace(home);
        workspace.create();
        Wiring localWiring = new LocalWiring(workspace, Topology.GRAPH);
        List<JsonNode> objects = objects();

        for (Node service : Topology.services()) {
            JsonNode deployment = find(objects, "Deployment", service.name());
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertThat(container.at("/ports/0/containerPort").asInt()).as(service.name()).isEqualTo(service.defaultPort());
            assertThat(find(objects, "Service", service.name()).at("/spec/ports/0/port").asInt()).isEqualTo(service.defaultPort());

            Set<String> inCluster = new HashSet<>();
            find(objects, "ConfigMap", service.name() + "-config").path("data").fieldNames().forEachRemaining(inCluster::add);
            container.path("env").forEach(e -> inCluster.add(e.path("name").asText()));
            // all but the registry's address: in a cluster the Services balance, so the clients look nothing up
            Set<String> local = new HashSet<>(localWiring.environment(service).keySet());
            local.remove("EMPORIUM_REGISTRY_URL");
            // nor the flag file of runtime faults: nothing writes one in a cluster yet (ADR 0013)
            local.remove("EMPORIUM_FAULTS_FILE");
            assertThat(inCluster).as("settings of %s in the cluster", service.name()).containsAll(local);
            for (String called : service.calls()) {
                assertThat(find(objects, "Service", called)).as("%s calls %s", service.name(), called).isNotNull();
                assertThat(inCluster).contains(Node.prefix(called) + "URL");
            }
        }
        assertThat(objects.stream().filter(o -> o.path("kind").asText().equals("Deployment")).count())
                .isEqualTo(Topology.services().size());
    }

    @Test
    void everyPodRunsAsNonRootReadOnlyWithProbesAndMemoryLimitsAndATaggedImage() {
        checkPods(objects());
    }

    /** The pod policies, over any set of objects: the generated base here, the rendered overlays in OverlaysTest. */
    static void checkPods(List<JsonNode> objects) {
        assertThat(kind(objects, "Deployment")).isNotEmpty();
        for (JsonNode deployment : kind(objects, "Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            JsonNode pod = deployment.at("/spec/template/spec");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(name).isTrue();
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
            assertThat(pod.path("volumes").findValuesAsText("name")).contains("tmp");
            for (JsonNode container : pod.path("containers")) {
                assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).as(name).isTrue();
                assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
                assertThat(container.at("/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    boolean http = container.at("/" + probe + "/httpGet/path").asText().startsWith("/");
                    boolean tcp = container.at("/" + probe + "/tcpSocket/port").isInt();
                    assertThat(http || tcp).as("%s has a %s", name, probe).isTrue();
                }
                assertThat(container.at("/resources/limits/memory").asText()).as(name).endsWith("Mi");
                assertThat(container.at("/resources/requests/memory").asText()).endsWith("Mi");
                String image = container.path("image").asText();
                assertThat(image).as(name).contains(":").doesNotEndWith(":latest");
                container.path("env").forEach(e -> {
                    if (namesASecret(e.path("name").asText())) {
                        assertThat(e.has("value")).as("%s: %s is a plain value", name, e.path("name").asText()).isFalse();
                    }
                });
            }
        }
        for (JsonNode map : kind(objects, "ConfigMap")) {
            map.path("data").fields().forEachRemaining(setting -> {
                assertThat(namesASecret(setting.getKey())).as("%s holds %s in plain text", map.at("/metadata/name").asText(),
                        setting.getKey()).isFalse();
                assertThat(setting.getValue().isTextual()).as("%s: a ConfigMap's values are strings", setting.getKey()).isTrue();
            });
        }
    }

    @Test
    void everyServiceAndDisruptionBudgetSelectsTheirDeploymentsPods() {
        List<JsonNode> objects = objects();
        List<JsonNode> deployments = kind(objects, "Deployment");
        for (JsonNode service : kind(objects, "Service")) {
            JsonNode selector = service.at("/spec/selector");
            assertThat(deployments).as("pods selected by Service %s", service.at("/metadata/name").asText())
                    .anyMatch(d -> selects(selector, d.at("/spec/template/metadata/labels")));
        }
        for (JsonNode budget : kind(objects, "PodDisruptionBudget")) {
            assertThat(deployments).anyMatch(d -> selects(budget.at("/spec/selector/matchLabels"), d.at("/spec/template/metadata/labels")));
        }
    }

    @Test
    void everyServiceWithADatabaseHasARoleWithItsSecretAndADatabaseItOwnsInTheClusterItsUrlNames() {
        List<JsonNode> postgres = parse(manifests.postgres());
        JsonNode cluster = find(postgres, "Cluster", ClusterWiring.POSTGRES_CLUSTER);
        List<String> roles = new ArrayList<>();
        cluster.at("/spec/managed/roles").forEach(r -> roles.add(r.path("name").asText() + ":" + r.at("/passwordSecret/name").asText()));
        for (Node service : Topology.services()) {
            if (!service.usesDatabase()) {
                assertThat(roles).noneMatch(r -> r.startsWith(service.name() + ":"));
                continue;
            }
            assertThat(roles).contains(service.name() + ":" + service.name() + "-db");
            JsonNode database = find(postgres, "Database", service.name());
            assertThat(database.at("/spec/owner").asText()).isEqualTo(service.name());
            assertThat(database.at("/spec/cluster/name").asText()).isEqualTo(ClusterWiring.POSTGRES_CLUSTER);
            JsonNode config = find(objects(), "ConfigMap", service.name() + "-config").path("data");
            assertThat(config.path(Node.prefix(service.name()) + "DB_URL").asText())
                    .startsWith("jdbc:postgresql://" + ClusterWiring.POSTGRES_CLUSTER + "-rw:5432/" + service.name());
        }
        int pools = Topology.services().stream().mapToInt(Node::connections).sum();
        assertThat(cluster.at("/spec/postgresql/parameters/max_connections").asText())
                .isEqualTo(String.valueOf(pools + PostgresComponent.SPARE_CONNECTIONS));
    }

    @Test
    void theSecretsScriptCreatesEverySecretKeyTheManifestsReferTo() throws Exception {
        String script = manifests.secretsScript();
        for (JsonNode deployment : kind(objects(), "Deployment")) {
            for (JsonNode env : deployment.at("/spec/template/spec/containers/0/env")) {
                JsonNode ref = env.at("/valueFrom/secretKeyRef");
                if (!ref.isMissingNode()) {
                    assertThat(script).as("%s of %s", env.path("name").asText(), deployment.at("/metadata/name").asText())
                            .containsPattern("(?m)^create " + ref.path("name").asText() + " .*--from-literal="
                                    + ref.path("key").asText() + "=");
                }
            }
        }
        assertThat(script).contains("create catalog-db --type=kubernetes.io/basic-auth --from-literal=username=catalog")
                .doesNotContain("${secret:");
        Path file = Files.createTempFile("create-secrets", ".sh");
        Files.writeString(file, script);
        assertThat(run(List.of("sh", "-n", file.toString()), "", 10)).as("sh -n").startsWith("0\n");
        Files.delete(file);
    }

    @Test
    void theImageTagNamesABuild() {
        assertThatThrownBy(() -> new Manifests("latest", ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Manifests(" ", ROOT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRemovedServicesGeneratedFileIsStaleAndDeletedButHandWrittenFilesAreLeftAlone(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("gone.yaml"), Manifests.HEADER + "kind: Deployment\n");
        Files.writeString(folder.resolve("by-hand.yaml"), "kind: ConfigMap\n");
        ManifestsFiles files = new ManifestsFiles(folder, Map.of("kustomization.yaml", Manifests.HEADER + "resources: []\n"));

        assertThat(files.stale()).containsExactlyInAnyOrder("kustomization.yaml", "gone.yaml");
        files.write();

        assertThat(files.stale()).isEmpty();
        assertThat(folder.resolve("gone.yaml")).doesNotExist();
        assertThat(folder.resolve("by-hand.yaml")).exists();
    }

    /**
     * kubectl's own kustomize renders the committed base with the generated components; where
     * kubectl is missing the test says so and is skipped.
     */
    @Test
    void kubectlRendersTheBaseWithTheNetworkPolicies() throws Exception {
        List<JsonNode> objects = new ArrayList<>();
        YAML.readerFor(JsonNode.class).readValues(render()).forEachRemaining(o -> objects.add((JsonNode) o));
        assertThat(kind(objects, "Deployment")).hasSize(Topology.services().size())
                .allSatisfy(d -> assertThat(d.at("/metadata/labels/app.kubernetes.io~1part-of").asText()).isEqualTo("emporium"));
        assertThat(kind(objects, "NetworkPolicy")).hasSize(Topology.services().size() + 1);
        assertThat(kind(objects, "Cluster")).hasSize(1);
        assertThat(kind(objects, "Database")).hasSize((int) Topology.services().stream().filter(Node::usesDatabase).count());
        assertThat(kind(objects, "KafkaTopic")).hasSize(ContractTopics.read(ROOT.resolve("contracts/events/asyncapi.yaml")).size());
    }

    /**
     * Every rendered object is valid against the Kubernetes API schemas (npm's kubernetes-models, run
     * by deploy/validate/validate.mjs); and the validator does refuse an invalid object, so this
     * cannot pass by validating nothing. Skipped, saying so, without node and npm.
     */
    @Test
    void everyRenderedObjectIsValidAgainstTheKubernetesSchemas() throws Exception {
        String result = validate(render());
        assertThat(result).as(result).startsWith("0\n").contains(" 0 invalid");

        String invalid = validate("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: broken\nspec:\n  replicas: many\n"
                + "---\napiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: broken\nspec:\n  instances: one\n"
                + "---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: broken\nspec:\n  endpoints: none\n");
        assertThat(invalid).startsWith("1\n").contains("Deployment broken", "replicas must be integer", "Cluster broken",
                "instances must be integer", "ServiceMonitor broken", "3 invalid");
    }

    /**
     * Rendered objects through deploy/validate/validate.mjs: its exit code, a newline, what it
     * printed. Skipped, saying so, without node and npm; {@code npm ci} first when a package the
     * lock file pins is missing.
     */
    static String validate(String objects) throws Exception {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"), "node and npm are not installed here: the objects were "
                + "not validated against the Kubernetes schemas (sudo apt-get install nodejs npm)");
        Path validator = ROOT.resolve("deploy/validate");
        List<String> packages = new ArrayList<>();
        YAML.readTree(validator.resolve("package.json").toFile()).path("dependencies").fieldNames().forEachRemaining(packages::add);
        if (!packages.stream().allMatch(name -> Files.isDirectory(validator.resolve("node_modules").resolve(name)))) {
            // the versions package-lock.json pins, from the npm registry
            assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefix", validator.toString()), "", 300))
                    .as("npm ci in deploy/validate").startsWith("0\n");
        }
        return run(List.of("node", validator.resolve("validate.mjs").toString()), objects, 120);
    }

    /** The base with the generated components (network policies, Postgres, Kafka), as kubectl kustomize renders it. */
    private static String render() throws Exception {
        Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed here: the base was not rendered "
                + "(https://kubernetes.io/docs/tasks/tools/ installs it)");
        Path check = Path.of("target/kustomize-check").toAbsolutePath();
        Files.createDirectories(check);
        Files.writeString(check.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s
                components:
                  - %s
                  - %s
                  - %s
                """.formatted(check.relativize(ROOT.resolve(ManifestsFiles.BASE)), check.relativize(ROOT.resolve(ManifestsFiles.NETWORK_POLICIES)),
                check.relativize(ROOT.resolve(ManifestsFiles.POSTGRES)), check.relativize(ROOT.resolve(ManifestsFiles.KAFKA))));
        String rendered = run(List.of("kubectl", "kustomize", check.toString()), "", 60);
        assertThat(rendered).as(rendered).startsWith("0\n");
        return rendered.substring(2);
    }

    /** Runs a command with the input on its standard input: its exit code, a newline, then all it printed. */
    static String run(List<String> command, String input, int seconds) throws Exception {
        Path out = Files.createTempFile("manifests-check", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + seconds + " s");
            }
            return process.exitValue() + "\n" + Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private boolean egressAllows(JsonNode policy, Node to) {
        for (JsonNode rule : policy.at("/spec/egress")) {
            boolean peer = false;
            for (JsonNode target : rule.path("to")) {
                peer |= target.has("podSelector") && selects(target.at("/podSelector/matchLabels"), labelsOf(to));
            }
            if (peer && opens(rule, to.defaultPort())) {
                return true;
            }
        }
        return false;
    }

    private boolean ingressAllows(JsonNode policy, Node from, Node to) {
        for (JsonNode rule : policy.at("/spec/ingress")) {
            boolean peer = !rule.has("from");
            for (JsonNode source : rule.path("from")) {
                peer |= source.has("podSelector") && selects(source.at("/podSelector/matchLabels"), labelsOf(from));
            }
            if (peer && opens(rule, to.defaultPort())) {
                return true;
            }
        }
        return false;
    }

    static boolean opens(JsonNode rule, int port) {
        for (JsonNode p : rule.path("ports")) {
            if (p.path("port").asInt() == port) {
                return true;
            }
        }
        return false;
    }

    /** A service's pods' labels, as its Deployment gives them. */
    private JsonNode labelsOf(Node service) {
        return find(objects(), "Deployment", service.name()).at("/spec/template/metadata/labels");
    }

    private List<JsonNode> base;

    private List<JsonNode> objects() {
        if (base == null) {
            base = parse(manifests.base());
        }
        return base;
    }

    /** Every object of the generated files (a kustomization is not one). */
    static List<JsonNode> parse(Map<String, String> files) {
        List<JsonNode> objects = new ArrayList<>();
        files.forEach((file, text) -> {
            if (!file.equals("kustomization.yaml")) {
                try {
                    YAML.readerFor(JsonNode.class).readValues(text).forEachRemaining(o -> objects.add((JsonNode) o));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        return objects;
    }

    static List<JsonNode> kind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    static JsonNode find(List<JsonNode> objects, String kind, String name) {
        return kind(objects, kind).stream().filter(o -> o.at("/metadata/name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    static boolean selects(JsonNode selector, JsonNode labels) {
        Map<String, String> wanted = new HashMap<>();
        selector.fields().forEachRemaining(e -> wanted.put(e.getKey(), e.getValue().asText()));
        return !wanted.isEmpty() && wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.path(e.getKey()).asText(null)));
    }

    /** A setting named for a secret (its last word): {@code _PASSWORD}, but not {@code _PASSWORD_FILE}. */
    static boolean namesASecret(String variable) {
        return SECRET_WORDS.contains(variable.substring(variable.lastIndexOf('_') + 1));
    }

    static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}

package org.emporium.launcher;

import static org.emporium.launcher.Manifests.HEADER;
import static org.emporium.launcher.Manifests.YAML;
import static org.emporium.launcher.Manifests.component;
import static org.emporium.launcher.Manifests.documents;
import static org.emporium.launcher.Manifests.object;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kustomize components beyond the services and their operators' stores, and the two overlays
 * (ADR 0010): the small stores run in-cluster (Redis for the gateway's rate limits, a mail relay,
 * Zipkin), a ServiceMonitor and a HorizontalPodAutoscaler per service, an Ingress with the public
 * addresses it implies, and {@code overlays/dev} and {@code overlays/production}. Generated like
 * the base, from the same graph and the same cluster addresses ({@link ClusterWiring}), so the
 * names the services are given (redis:6379, mail:1025, otel-collector:9411) are the names served.
 */
final class ClusterComponents {

    static final String COMPONENTS = "deploy/k8s/components/";
    static final String OVERLAYS = "deploy/k8s/overlays/";
    /** Pinned by tag (never latest); not pulled here, where no registry can be reached. */
    static final String REDIS_IMAGE = "redis:7.4.2-alpine";
    static final String MAIL_IMAGE = "axllent/mailpit:v1.21.8";
    static final String ZIPKIN_IMAGE = "openzipkin/zipkin:3.4.4";
    /** The contrib distribution: it has the Zipkin receiver and exporter. */
    static final String COLLECTOR_IMAGE = "otel/opentelemetry-collector-contrib:0.116.0";
    static final int OTLP_GRPC = 4317;
    static final int OTLP_HTTP = 4318;
    static final int COLLECTOR_HEALTH = 13133;
    /** The production overlay's hosts: examples a user replaces (deploy/README.md says where). */
    static final String SHOP_HOST = "shop.emporium.example";
    static final String IDENTITY_HOST = "id.emporium.example";
    /**
     * Services that stay at one replica in production: identity writes the admin account on its
     * first start and throttles sign-ins per instance; several copies of it wait for issue 16.
     */
    static final Set<String> SINGLE_REPLICA = Set.of("identity");
    /** An HPA adds a pod when the pods use this share of their CPU request (100m) on average: a quarter of a core. */
    static final int CPU_UTILIZATION = 250;
    static final int MAX_REPLICAS = 4;

    private final Wiring wiring;

    ClusterComponents(Wiring wiring) {
        this.wiring = wiring;
    }

    /** Every generated file by its folder and its name in it. */
    Map<String, Map<String, String>> folders() {
        Map<String, Map<String, String>> folders = new LinkedHashMap<>();
        folders.put(COMPONENTS + "redis", redis());
        folders.put(COMPONENTS + "mail", mail());
        folders.put(COMPONENTS + "observability", observability());
        folders.put(COMPONENTS + "autoscaling", autoscaling());
        folders.put(COMPONENTS + "ingress", ingress());
        folders.put(OVERLAYS + "dev", dev());
        folders.put(OVERLAYS + "production", production());
        return folders;
    }

    /** The services that run as several replicas in production (all but {@link #SINGLE_REPLICA}). */
    static List<Node> replicated() {
        return Topology.services().stream().filter(s -> !SINGLE_REPLICA.contains(s.name())).toList();
    }

    /** Redis for the gateway's rate limits: counters that may be lost, so nothing is persisted; a password as locally. */
    private Map<String, String> redis() {
        int port = wiring.redisPort();
        ObjectNode deployment = store(wiring.redisHost(), REDIS_IMAGE, List.of(port), 32, 64,
                object().set("tcpSocket", object().put("port", port)));
        ObjectNode container = container(deployment);
        // the same Secret the gateway reads (create-secrets.sh makes it); Kubernetes expands $(VAR) in args
        ClusterWiring.SecretKey password = ClusterWiring.secretKey(wiring.redisPassword()).orElseThrow();
        container.putArray("env").add(object().put("name", "REDIS_PASSWORD").set("valueFrom", object()
                .set("secretKeyRef", object("name", password.secret(), "key", password.key()))));
        container.putArray("args").add("--save").add("").add("--appendonly").add("no")
                .add("--requirepass").add("$(REDIS_PASSWORD)");
        return storeFiles(wiring.redisHost(), deployment, service(wiring.redisHost(), Map.of("redis", port)),
                policy(wiring.redisHost(), Topology.services().stream().filter(Node::usesRedis).toList(), port));
    }

    /**
     * A mail relay that keeps the newest mails it gets (Mailpit: SMTP, and a web page to read it
     * on 8025), as many as the local mail server keeps. A real relay replaces it in production:
     * deploy/README.md says how.
     */
    private Map<String, String> mail() {
        int smtp = wiring.smtpPort();
        ObjectNode deployment = store(wiring.smtpHost(), MAIL_IMAGE, List.of(smtp, 8025), 32, 64, httpProbe("/readyz", 8025));
        ArrayNode env = container(deployment).putArray("env");
        env.add(object("name", "MP_SMTP_BIND_ADDR", "value", "0.0.0.0:" + smtp));
        env.add(object("name", "MP_UI_BIND_ADDR", "value", "0.0.0.0:8025"));
        env.add(object("name", "MP_DATABASE", "value", "/tmp/mailpit.db"));
        // Mailpit's default, said here: the local mail server keeps the same number (Processes)
        env.add(object("name", "MP_MAX_MESSAGES", "value", String.valueOf(Processes.MAIL_MAX_MESSAGES)));
        return storeFiles(wiring.smtpHost(), deployment, service(wiring.smtpHost(), Map.of("smtp", smtp, "web", 8025)),
                policy(wiring.smtpHost(), Topology.services().stream().filter(Node::usesMail).toList(), smtp));
    }

    /**
     * An OpenTelemetry Collector, where every service sends its spans
     * ({@code EMPORIUM_ZIPKIN_ENDPOINT}: its Zipkin receiver; OTLP is open too), which batches them,
     * sheds load under memory pressure rather than slowing anyone, and passes them to Zipkin (in
     * memory, as locally); and a ServiceMonitor per service for a Prometheus Operator's Prometheus.
     */
    private Map<String, String> observability() {
        int port = wiring.port("zipkin");
        ObjectNode zipkin = store("zipkin", ZIPKIN_IMAGE, List.of(port), 192, 320, httpProbe("/health", port));
        ArrayNode env = container(zipkin).putArray("env");
        env.add(object("name", "STORAGE_TYPE", "value", "mem"));
        env.add(object("name", "MEM_MAX_SPANS", "value", String.valueOf(Processes.ZIPKIN_MAX_SPANS)));
        env.add(object("name", "JAVA_OPTS", "value", "-Xmx128m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"));
        ObjectNode collectorPolicy = policy(ClusterWiring.TRACE_COLLECTOR, Topology.services(), ClusterWiring.TRACE_COLLECTOR_PORT);
        ((ArrayNode) collectorPolicy.at("/spec/ingress/0/ports")).add(Manifests.port(OTLP_GRPC)).add(Manifests.port(OTLP_HTTP));
        ArrayNode egress = (ArrayNode) collectorPolicy.at("/spec/egress");
        ObjectNode toZipkin = egress.addObject();
        toZipkin.putArray("to").add(object().set("podSelector", object().set("matchLabels", object("app.kubernetes.io/name", "zipkin"))));
        toZipkin.putArray("ports").add(Manifests.port(port));
        ObjectNode dns = egress.addObject();
        dns.putArray("to").add(object().set("namespaceSelector", object().set("matchLabels",
                object("kubernetes.io/metadata.name", "kube-system"))));
        dns.putArray("ports").add(object().put("protocol", "UDP").put("port", 53)).add(Manifests.port(53));
        ObjectNode zipkinPolicy = policy("zipkin", List.of(), port);
        ((ArrayNode) zipkinPolicy.at("/spec/ingress/0/from")).add(object().set("podSelector",
                object().set("matchLabels", object("app.kubernetes.io/name", ClusterWiring.TRACE_COLLECTOR))));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("zipkin.yaml", HEADER + documents(List.of(zipkin, service("zipkin", Map.of("http", port)), zipkinPolicy)));
        files.put("otel-collector.yaml", HEADER + documents(List.of(collectorConfig(port), collector(),
                service(ClusterWiring.TRACE_COLLECTOR, Map.of("zipkin", ClusterWiring.TRACE_COLLECTOR_PORT,
                        "otlp-grpc", OTLP_GRPC, "otlp-http", OTLP_HTTP)), collectorPolicy)));
        List<ObjectNode> monitors = new ArrayList<>();
        for (Node service : Topology.services()) {
            ObjectNode monitor = object("apiVersion", "monitoring.coreos.com/v1", "kind", "ServiceMonitor");
            monitor.set("metadata", object("name", service.name()).set("labels", partOf()));
            ObjectNode spec = monitor.putObject("spec");
            spec.putObject("selector").set("matchLabels", object("app.kubernetes.io/name", service.name()));
            spec.putArray("endpoints").add(object("port", service.managementOffset() == 0 ? "http" : "management",
                    "path", service.metricsPath(), "interval", "15s"));
            monitors.add(monitor);
        }
        files.put("service-monitors.yaml", HEADER + documents(monitors));
        List<String> resources = new ArrayList<>(List.of("otel-collector.yaml", "zipkin.yaml", "service-monitors.yaml"));
        files.put("kustomization.yaml", component(resources));
        return files;
    }

    /** The collector's pipeline: Zipkin's API and OTLP in, memory limited and batched, Zipkin out. */
    private static ObjectNode collectorConfig(int zipkinPort) {
        ObjectNode config = object();
        ObjectNode receivers = config.putObject("receivers");
        receivers.putObject("zipkin").put("endpoint", "0.0.0.0:" + ClusterWiring.TRACE_COLLECTOR_PORT);
        ObjectNode protocols = receivers.putObject("otlp").putObject("protocols");
        protocols.putObject("grpc").put("endpoint", "0.0.0.0:" + OTLP_GRPC);
        protocols.putObject("http").put("endpoint", "0.0.0.0:" + OTLP_HTTP);
        ObjectNode processors = config.putObject("processors");
        // well below the container's limit: under pressure the collector refuses spans, it never swaps or dies
        processors.putObject("memory_limiter").put("check_interval", "1s").put("limit_mib", 96).put("spike_limit_mib", 24);
        processors.putObject("batch");
        config.putObject("exporters").putObject("zipkin").put("endpoint", "http://zipkin:" + zipkinPort + "/api/v2/spans");
        config.putObject("extensions").putObject("health_check").put("endpoint", "0.0.0.0:" + COLLECTOR_HEALTH);
        ObjectNode service = config.putObject("service");
        service.putArray("extensions").add("health_check");
        ObjectNode traces = service.putObject("pipelines").putObject("traces");
        traces.putArray("receivers").add("zipkin").add("otlp");
        traces.putArray("processors").add("memory_limiter").add("batch");
        traces.putArray("exporters").add("zipkin");
        ObjectNode map = object("apiVersion", "v1", "kind", "ConfigMap");
        map.set("metadata", object("name", ClusterWiring.TRACE_COLLECTOR + "-config").set("labels", labels(ClusterWiring.TRACE_COLLECTOR)));
        map.putObject("data").put("config.yaml", documents(List.of(config)));
        return map;
    }

    private static ObjectNode collector() {
        ObjectNode deployment = store(ClusterWiring.TRACE_COLLECTOR, COLLECTOR_IMAGE,
                List.of(ClusterWiring.TRACE_COLLECTOR_PORT, OTLP_GRPC, OTLP_HTTP, COLLECTOR_HEALTH), 64, 160,
                httpProbe("/", COLLECTOR_HEALTH));
        ObjectNode container = container(deployment);
        container.putArray("args").add("--config=/etc/otelcol/config.yaml");
        ((ArrayNode) container.path("volumeMounts")).add(object("name", "config", "mountPath", "/etc/otelcol"));
        ((ArrayNode) deployment.at("/spec/template/spec/volumes")).add(object().put("name", "config")
                .set("configMap", object("name", ClusterWiring.TRACE_COLLECTOR + "-config")));
        return deployment;
    }

    /** A HorizontalPodAutoscaler per replicated service: 2 to {@value #MAX_REPLICAS} pods by CPU. */
    private Map<String, String> autoscaling() {
        List<ObjectNode> scalers = new ArrayList<>();
        for (Node service : replicated()) {
            ObjectNode hpa = object("apiVersion", "autoscaling/v2", "kind", "HorizontalPodAutoscaler");
            hpa.set("metadata", object("name", service.name()).set("labels", partOf()));
            ObjectNode spec = hpa.putObject("spec");
            spec.set("scaleTargetRef", object("apiVersion", "apps/v1", "kind", "Deployment", "name", service.name()));
            spec.put("minReplicas", 2).put("maxReplicas", MAX_REPLICAS);
            spec.putArray("metrics").add(object("type", "Resource").set("resource", object("name", "cpu")
                    .set("target", object("type", "Utilization").put("averageUtilization", CPU_UTILIZATION))));
            scalers.add(hpa);
        }
        return Map.of("autoscalers.yaml", HEADER + documents(scalers), "kustomization.yaml", component(List.of("autoscalers.yaml")));
    }

    /**
     * An Ingress for the two addresses browsers use (the shop and identity, the token issuer), over
     * TLS from the Secret {@code emporium-tls}, and the services' settings that name those
     * addresses patched to match: the settings the same graph gives with these public addresses.
     * The gateway and identity also learn that the proxies in the cluster's private ranges (where the
     * ingress controller runs) are trusted, so their rate limit and throttles count the client the
     * ingress saw ({@code X-Forwarded-For}) instead of the ingress itself.
     */
    /**
     * The private address ranges, where an ingress controller's pods are: as blocks for the gateway
     * ({@code ClientAddress}), as Tomcat's regular expression for identity. An overlay that knows the
     * controller's own range narrows them.
     */
    private static final Map<String, Map<String, String>> TRUSTED_PROXIES = Map.of(
            "gateway", Map.of("EMPORIUM_GATEWAY_TRUSTED_PROXIES", "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7"),
            "identity", Map.of("EMPORIUM_IDENTITY_TRUSTED_PROXIES",
                    "10(\\.\\d{1,3}){3}|192\\.168(\\.\\d{1,3}){2}|172\\.(1[6-9]|2\\d|3[01])(\\.\\d{1,3}){2}|[fF][cCdD][0-9a-fA-F]{2}:.*"));

    private Map<String, String> ingress() {
        Map<String, String> hosts = Map.of("gateway", SHOP_HOST, "identity", IDENTITY_HOST);
        ObjectNode ingress = object("apiVersion", "networking.k8s.io/v1", "kind", "Ingress");
        ingress.set("metadata", object("name", "emporium").set("labels", partOf()));
        ObjectNode spec = ingress.putObject("spec");
        ArrayNode tlsHosts = spec.putArray("tls").addObject().put("secretName", "emporium-tls").putArray("hosts");
        ArrayNode rules = spec.putArray("rules");
        for (String name : List.of("gateway", "identity")) {
            tlsHosts.add(hosts.get(name));
            ObjectNode path = object("path", "/", "pathType", "Prefix");
            path.putObject("backend").putObject("service").put("name", name).putObject("port").put("number", wiring.port(name));
            rules.addObject().put("host", hosts.get(name)).putObject("http").putArray("paths").add(path);
        }
        Map<String, String> urls = new LinkedHashMap<>();
        hosts.forEach((name, host) -> urls.put(name, "https://" + host));
        ClusterWiring public_ = new ClusterWiring(Topology.GRAPH, urls);
        List<ObjectNode> patches = new ArrayList<>();
        for (Node service : Topology.services()) {
            Map<String, String> before = wiring.environment(service);
            ObjectNode data = object();
            public_.environment(service).forEach((name, value) -> {
                if (!value.equals(before.get(name))) {
                    data.put(name, value);
                }
            });
            TRUSTED_PROXIES.getOrDefault(service.name(), Map.of()).forEach(data::put);
            if (!data.isEmpty()) {
                ObjectNode patch = object("apiVersion", "v1", "kind", "ConfigMap");
                patch.set("metadata", object("name", service.name() + "-config"));
                patch.set("data", data);
                patches.add(patch);
            }
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("ingress.yaml", HEADER + documents(List.of(ingress)));
        files.put("public-addresses.yaml", HEADER + documents(patches));
        ObjectNode kustomization = object("apiVersion", "kustomize.config.k8s.io/v1alpha1", "kind", "Component");
        kustomization.putArray("resources").add("ingress.yaml");
        kustomization.putArray("patches").addObject().put("path", "public-addresses.yaml");
        files.put("kustomization.yaml", HEADER + documents(List.of(kustomization)));
        return files;
    }

    /** Everything in the cluster, one replica each, smaller CPU requests: a kind or k3d cluster on a laptop. */
    private Map<String, String> dev() {
        ObjectNode kustomization = overlay(List.of("postgres", "kafka", "redis", "mail", "observability"));
        ObjectNode cpu = object("op", "replace", "path", "/spec/template/spec/containers/0/resources/requests/cpu", "value", "50m");
        kustomization.putArray("patches").addObject()
                .put("patch", json(YAML.createArrayNode().add(cpu)))
                .set("target", object("kind", "Deployment", "labelSelector", "app.kubernetes.io/component=service"));
        return Map.of("kustomization.yaml", HEADER + documents(List.of(kustomization)));
    }

    /**
     * Two replicas of every service but identity (autoscaled up to {@value #MAX_REPLICAS}), the
     * network policies, the ingress, and the stores replicated: three Postgres instances, three
     * Kafka nodes with every topic on three of them and two in sync.
     */
    private Map<String, String> production() {
        ObjectNode kustomization = overlay(List.of("postgres", "kafka", "redis", "mail", "observability",
                "network-policies", "autoscaling", "ingress"));
        ArrayNode replicas = kustomization.putArray("replicas");
        replicated().forEach(service -> replicas.add(object().put("name", service.name()).put("count", 2)));
        ArrayNode patches = kustomization.putArray("patches");
        patches.add(jsonPatch("postgresql.cnpg.io", "Cluster", replace("/spec/instances", 3)));
        patches.add(jsonPatch("kafka.strimzi.io", "KafkaNodePool", replace("/spec/replicas", 3)));
        patches.add(jsonPatch("kafka.strimzi.io", "KafkaTopic", replace("/spec/replicas", 3)));
        ObjectNode config = object();
        for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor")) {
            config.put(key, 3);
        }
        config.put("min.insync.replicas", 2).put("transaction.state.log.min.isr", 2);
        ArrayNode kafka = YAML.createArrayNode();
        config.properties().forEach(e -> kafka.add(object("op", "replace", "path",
                "/spec/kafka/config/" + e.getKey().replace("/", "~1")).set("value", e.getValue())));
        patches.add(object().put("patch", json(kafka))
                .set("target", object("group", "kafka.strimzi.io", "kind", "Kafka")));
        return Map.of("kustomization.yaml", HEADER + documents(List.of(kustomization)));
    }

    private static ObjectNode overlay(List<String> components) {
        ObjectNode kustomization = object("apiVersion", "kustomize.config.k8s.io/v1beta1", "kind", "Kustomization");
        kustomization.putArray("resources").add("../../base");
        ArrayNode list = kustomization.putArray("components");
        components.forEach(name -> list.add("../../components/" + name));
        return kustomization;
    }

    /** A JSON patch as kustomize takes it inline: JSON, one line. */
    private static String json(ArrayNode operations) {
        return operations.toString();
    }

    private static ObjectNode replace(String path, int value) {
        return object("op", "replace", "path", path).put("value", value);
    }

    private static ObjectNode jsonPatch(String group, String kind, ObjectNode operation) {
        return object().put("patch", json(YAML.createArrayNode().add(operation)))
                .set("target", object("group", group, "kind", kind));
    }

    /**
     * A small store's Deployment: one replica, non-root, read-only root filesystem with an
     * emptyDir at /tmp and /data, no capabilities, no token; a probe of its own.
     */
    private static ObjectNode store(String name, String image, List<Integer> ports, int requestMb, int limitMb, ObjectNode probe) {
        ObjectNode deployment = object("apiVersion", "apps/v1", "kind", "Deployment");
        deployment.set("metadata", object("name", name).set("labels", labels(name)));
        ObjectNode spec = deployment.putObject("spec");
        spec.put("replicas", 1);
        spec.putObject("selector").set("matchLabels", object("app.kubernetes.io/name", name));
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").set("labels", labels(name));
        ObjectNode pod = template.putObject("spec");
        pod.put("automountServiceAccountToken", false);
        pod.set("securityContext", object().put("runAsNonRoot", true).put("runAsUser", Images.USER)
                .put("runAsGroup", Images.USER).put("fsGroup", Images.USER)
                .set("seccompProfile", object("type", "RuntimeDefault")));
        ObjectNode container = object("name", name, "image", image, "imagePullPolicy", "IfNotPresent");
        ArrayNode containerPorts = container.putArray("ports");
        ports.forEach(port -> containerPorts.add(object().put("containerPort", port)));
        container.set("resources", object().<ObjectNode>set("requests", object("cpu", "50m", "memory", requestMb + "Mi"))
                .set("limits", object("memory", limitMb + "Mi")));
        container.set("startupProbe", probe.deepCopy().put("periodSeconds", 2).put("failureThreshold", 60));
        container.set("livenessProbe", probe.deepCopy().put("periodSeconds", 10).put("failureThreshold", 3));
        container.set("readinessProbe", probe.deepCopy().put("periodSeconds", 5).put("failureThreshold", 2));
        container.set("securityContext", object().put("allowPrivilegeEscalation", false).put("readOnlyRootFilesystem", true)
                .set("capabilities", object().set("drop", YAML.createArrayNode().add("ALL"))));
        ArrayNode mounts = container.putArray("volumeMounts");
        ArrayNode volumes = pod.putArray("volumes");
        for (String folder : List.of("tmp", "data")) {
            mounts.add(object("name", folder, "mountPath", "/" + folder));
            volumes.add(object().put("name", folder).set("emptyDir", object()));
        }
        pod.putArray("containers").add(container);
        return deployment;
    }

    private static ObjectNode httpProbe(String path, int port) {
        return object().set("httpGet", object().put("path", path).put("port", port));
    }

    private static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").path(0);
    }

    private static ObjectNode service(String name, Map<String, Integer> ports) {
        ObjectNode service = object("apiVersion", "v1", "kind", "Service");
        service.set("metadata", object("name", name).set("labels", labels(name)));
        ObjectNode spec = service.putObject("spec");
        spec.set("selector", object("app.kubernetes.io/name", name));
        ArrayNode list = spec.putArray("ports");
        ports.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(port -> list.add(object("name", port.getKey())
                .put("port", port.getValue()).put("targetPort", port.getValue())));
        return service;
    }

    /** Ingress to a store from exactly the services that use it, on its port; it opens no connections. */
    private static ObjectNode policy(String name, List<Node> users, int port) {
        ObjectNode policy = object("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy");
        policy.set("metadata", object("name", "allow-" + name).set("labels", labels(name)));
        ObjectNode spec = policy.putObject("spec");
        spec.putObject("podSelector").set("matchLabels", object("app.kubernetes.io/name", name));
        spec.putArray("policyTypes").add("Ingress").add("Egress");
        ObjectNode rule = spec.putArray("ingress").addObject();
        ArrayNode from = rule.putArray("from");
        users.forEach(user -> from.add(object().set("podSelector", object().set("matchLabels",
                object("app.kubernetes.io/name", user.name())))));
        rule.putArray("ports").add(Manifests.port(port));
        spec.putArray("egress");
        return policy;
    }

    /**
     * A store's files: its objects in one file, and a Component listing it. Its NetworkPolicy comes
     * with it (ingress from its users only, no egress: a store opens no connections), with or
     * without the services' network policies.
     */
    private static Map<String, String> storeFiles(String name, ObjectNode deployment, ObjectNode service, ObjectNode policy) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(name + ".yaml", HEADER + documents(List.of(deployment, service, policy)));
        files.put("kustomization.yaml", component(List.of(name + ".yaml")));
        return files;
    }

    private static ObjectNode labels(String name) {
        return partOf().put("app.kubernetes.io/name", name).put("app.kubernetes.io/component", "store");
    }

    private static ObjectNode partOf() {
        return object("app.kubernetes.io/part-of", "emporium");
    }
}

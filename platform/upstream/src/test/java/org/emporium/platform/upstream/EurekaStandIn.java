package org.emporium.platform.upstream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.emporium.platform.testing.StandInServer;

/**
 * A stand-in for the registry's REST surface, only as far as Stork's Eureka discovery reads it:
 * {@code GET /eureka/apps/CATALOG} answers the registered instances in Eureka's JSON shape, as the
 * launcher registers them (hostName and ipAddr 127.0.0.1, status UP, overriddenStatus UNKNOWN);
 * an application without instances is a 404, as in Eureka. The whole-system tests use the real
 * Eureka server; this keeps the test of discovery in a client fast. It also starts the catalog
 * instances, each a {@link StandInServer} answering its own name, and counts what each served.
 */
public class EurekaStandIn implements QuarkusTestResourceLifecycleManager {

    /** One catalog instance; {@link #stop()} closes its port while it may still be registered. */
    record Instance(String name, StandInServer server, AtomicInteger served) {
        int port() {
            return URI.create(server.url()).getPort();
        }

        void stop() {
            server.close();
        }
    }

    private static final List<Instance> REGISTERED = new CopyOnWriteArrayList<>();
    private static final Set<Instance> STARTED = ConcurrentHashMap.newKeySet();
    private static volatile StandInServer registry;

    /** Starts a catalog instance (not yet registered). */
    static Instance start(String name) {
        var served = new AtomicInteger();
        Instance instance = new Instance(name, new StandInServer(request -> {
            served.incrementAndGet();
            return new StandInServer.Answer(200, "{\"instance\":\"" + name + "\"}");
        }), served);
        STARTED.add(instance);
        return instance;
    }

    /** What the launcher does over Eureka's REST API: registers, and deletes at once. */
    static void register(Instance instance) {
        REGISTERED.add(instance);
    }

    static void deregister(Instance instance) {
        REGISTERED.remove(instance);
    }

    static void reset() {
        STARTED.forEach(Instance::stop);
        STARTED.clear();
        REGISTERED.clear();
    }

    @Override
    public Map<String, String> start() {
        registry = new StandInServer(request -> {
            if (!request.method().equals("GET") || !request.path().equals("/eureka/apps/CATALOG") || REGISTERED.isEmpty()) {
                return new StandInServer.Answer(404, null);
            }
            return new StandInServer.Answer(200, application(REGISTERED));
        });
        return Map.of(
                "EMPORIUM_REGISTRY_URL", registry.url() + "/eureka",
                "EMPORIUM_CATALOG_URL", "stork://catalog");
    }

    @Override
    public void stop() {
        reset();
        if (registry != null) {
            registry.close();
        }
    }

    private static String application(List<Instance> instances) {
        return """
                {"application":{"name":"CATALOG","instance":[%s]}}""".formatted(instances.stream()
                .map(i -> """
                        {"instanceId":"127.0.0.1:catalog:%1$d","hostName":"127.0.0.1","app":"CATALOG",\
                        "ipAddr":"127.0.0.1","status":"UP","overriddenStatus":"UNKNOWN",\
                        "port":{"$":%1$d,"@enabled":"true"},"securePort":{"$":443,"@enabled":"false"},\
                        "vipAddress":"catalog","secureVipAddress":"catalog"}""".formatted(i.port()))
                .collect(Collectors.joining(",")));
    }
}

package org.emporium.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Keeps the service registry (Eureka, {@code platform/registry}; ADR 0012) true to what runs, the
 * way a kubelet keeps a Kubernetes Service's endpoints: the services never register themselves.
 * Every second ({@link #check}) each service instance is probed for readiness; one that answers
 * ready is registered (its lease renewed while it stays so), one whose process is gone is removed
 * at once, one that fails {@link #FAILED_PROBES} probes in a row is removed until it answers again
 * (unless no other copy of its service answers: {@link #anotherAnswers}),
 * and one being stopped on purpose is removed first ({@link #remove}), so the clients stop choosing
 * it before it stops taking requests. The clients (Stork, Spring Cloud LoadBalancer) read the
 * registry every second: a change reaches them within about two.
 */
public final class Registry {

    /** The registry's name in the topology and the state file. */
    public static final String NAME = "registry";

    /**
     * Probes in a row an instance that runs may fail before it is taken out: one slow answer from a
     * saturated machine is not an outage, two seconds of them are.
     */
    static final int FAILED_PROBES = 2;

    /**
     * How long the registry keeps an instance whose lease is not renewed: the launcher renews every
     * second, so this only matters when the launcher itself is gone (killed, not stopped).
     */
    static final int LEASE_SECONDS = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI eureka;
    private final HttpClient http;
    private final Console console;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    /** Being probed now: a probe that hangs is not started again. */
    private final Set<String> probing = ConcurrentHashMap.newKeySet();
    /** Taken out on purpose (being stopped): never registered again (a later copy of the same name is another object). */
    private final Set<Component> retired = ConcurrentHashMap.newKeySet();
    /** Whether the registry answered the last request: a line is printed when it stops answering, not at every try. */
    private volatile boolean answering;

    /** @param eureka the registry's API, {@code http://127.0.0.1:8761/eureka} */
    public Registry(URI eureka, Console console) {
        this.eureka = eureka;
        this.console = console;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    }

    /** The instances it has registered now (for tests and status). */
    Set<String> registered() {
        return Set.copyOf(registered);
    }

    /**
     * Probes every service instance once, at the same time (one that hangs delays no other), and
     * brings the registry in line; an instance that is no longer among them is removed.
     */
    public void check(Collection<Component> instances) {
        Set<String> present = new HashSet<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Component c : instances) {
                present.add(c.name());
                if (!retired.contains(c) && probing.add(c.name())) {
                    pool.submit(() -> {
                        try {
                            look(c);
                        } finally {
                            probing.remove(c.name());
                        }
                    });
                }
            }
        }
        for (String name : Set.copyOf(registered)) {
            if (!present.contains(name)) {
                cancel(name);
            }
        }
    }

    private void look(Component c) {
        if (!c.isAlive()) {
            failures.remove(c.name());
            cancel(c.name());
            return;
        }
        if (c.isReady()) {
            failures.remove(c.name());
            if (!registered.contains(c.name()) || !renew(c.name())) {
                register(c);
            }
        } else {
            int failed = failures.merge(c.name(), 1, Integer::sum);
            if (failed < FAILED_PROBES || !registered.contains(c.name())) {
                return;
            }
            if (anotherAnswers(c.name())) {
                cancel(c.name());
                console.fail(c.name() + " failed " + failed + " readiness probes in a row: out of the registry until it answers");
            } else if (failed == FAILED_PROBES) {
                console.fail(c.name() + " failed " + failed + " readiness probes in a row; it stays in the registry, "
                        + "since no other copy of " + Instances.service(c.name()) + " answers");
            }
        }
    }

    /**
     * Whether another registered copy of the instance's service answered its last probe. The last
     * copy that answers is never taken out for failed probes (only when its process is gone): on a
     * saturated machine slow probes are likelier than a broken copy, and an empty list turns every
     * call into a certain failure, where a slow copy may still answer. Envoy's "panic threshold" and
     * Eureka's self-preservation make the same choice.
     */
    private boolean anotherAnswers(String name) {
        String service = Instances.service(name);
        return registered.stream().anyMatch(other -> !other.equals(name) && Instances.service(other).equals(service)
                && failures.getOrDefault(other, 0) == 0);
    }

    /** Takes an instance out before it is stopped on purpose; it is not registered again. */
    public void remove(Component c) {
        retired.add(c);
        cancel(c.name());
    }

    /** What Eureka is told about an instance: its address, and its health URL for people reading the registry. */
    static ObjectNode instance(Component c) {
        String service = Instances.service(c.name());
        String base = "http://127.0.0.1:" + c.port();
        ObjectNode instance = JSON.createObjectNode();
        instance.put("instanceId", c.name())
                .put("app", service.toUpperCase(Locale.ROOT))
                .put("hostName", "127.0.0.1")
                .put("ipAddr", "127.0.0.1")
                .put("vipAddress", service)
                .put("secureVipAddress", service)
                .put("status", "UP")
                .put("homePageUrl", base + "/")
                .put("healthCheckUrl", c.healthUrl() == null ? base + "/" : c.healthUrl());
        instance.putObject("port").put("$", c.port()).put("@enabled", "true");
        instance.putObject("securePort").put("$", 443).put("@enabled", "false");
        instance.putObject("dataCenterInfo")
                .put("@class", "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo").put("name", "MyOwn");
        instance.putObject("leaseInfo").put("renewalIntervalInSecs", 1).put("durationInSecs", LEASE_SECONDS);
        instance.putObject("metadata").put("instance", c.name());
        ObjectNode body = JSON.createObjectNode();
        body.set("instance", instance);
        return body;
    }

    private void register(Component c) {
        String app = Instances.service(c.name()).toUpperCase(Locale.ROOT);
        HttpRequest request = HttpRequest.newBuilder(URI.create(eureka + "/apps/" + app))
                .timeout(Duration.ofSeconds(2)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(instance(c).toString())).build();
        if (send(request) / 100 == 2) {
            registered.add(c.name());
        }
    }

    /** Whether the registry still knows the instance (it forgets all after its own restart). */
    private boolean renew(String name) {
        return send(request(name).PUT(HttpRequest.BodyPublishers.noBody()).build()) / 100 == 2;
    }

    private void cancel(String name) {
        if (registered.remove(name)) {
            send(request(name).DELETE().build());
        }
    }

    private HttpRequest.Builder request(String name) {
        String app = Instances.service(name).toUpperCase(Locale.ROOT);
        return HttpRequest.newBuilder(URI.create(eureka + "/apps/" + app + "/" + name)).timeout(Duration.ofSeconds(2));
    }

    /** The answer's status, or 0 when the registry did not answer (it may still be starting, or have died). */
    private int send(HttpRequest request) {
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            answering = true;
            return status;
        } catch (IOException e) {
            if (answering) {
                answering = false;
                console.fail("the registry does not answer (" + e.getClass().getSimpleName()
                        + "); the clients keep the instances they knew, and the launcher registers them again once it answers");
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}

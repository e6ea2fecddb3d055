package org.emporium.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The resilience audit of a service's outgoing REST calls (issue 17): every method that calls a
 * REST client ({@code @RegisterRestClient}) is found in the compiled classes, with the fault
 * tolerance policy it runs under (method-level, else class-level {@code @Timeout}, {@code @Retry},
 * {@code @CircuitBreaker}, {@code @Fallback}) and the client's connect and read timeouts from
 * {@code application.properties}. The audit fails when a call has no read timeout or no connect
 * timeout, or retries without a bound or without jitter; and when the table of calls in
 * {@code docs/architecture/resilience.md} does not say what the code does (run the test with
 * {@code -Demporium.resilience.write=true} to write the service's part of it).
 * A service's test names its base package:
 * <pre>class ResilienceAuditTest extends ResilienceAudit {
 *     ResilienceAuditTest() { super("cart", "org.emporium.cart"); }
 * }</pre>
 */
public abstract class ResilienceAudit {

    private static final String REST_CLIENT = "org.eclipse.microprofile.rest.client.inject.RegisterRestClient";
    private static final String FT = "org.eclipse.microprofile.faulttolerance.";
    private static final Path TABLE = Path.of("../../docs/architecture/resilience.md");
    /** More retries than this is no bound a caller should live with. */
    private static final int MOST_RETRIES = 3;

    /** One outgoing call and the policy it runs under, as the table shows it. */
    public record Call(String caller, String callee, String request, String timeout, String clientTimeouts,
                       String retries, String breaker, String fallback) {

        String row() {
            return "| `" + caller + "` | " + callee + " `" + request + "` | " + timeout + " | " + clientTimeouts + " | "
                    + retries + " | " + breaker + " | " + fallback + " |";
        }
    }

    private final String service;
    private final JavaClasses classes;
    private final Properties config;

    protected ResilienceAudit(String service, String basePackage) {
        this.service = service;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        this.config = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            config.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the service's application.properties", e);
        }
    }

    /** Every outgoing REST call of the service, by caller. */
    public List<Call> calls() {
        Map<String, Call> calls = new TreeMap<>();
        for (JavaClass owner : classes) {
            for (JavaMethod method : owner.getMethods()) {
                for (JavaMethodCall call : method.getMethodCallsFromSelf()) {
                    JavaClass target = call.getTargetOwner();
                    if (!target.isAnnotatedWith(REST_CLIENT)) {
                        continue;
                    }
                    JavaMethod caller = enclosing(method);
                    String configKey = String.valueOf(target.getAnnotationOfType(REST_CLIENT).get("configKey").orElse(""));
                    Optional<JavaMethod> called = call.getTarget().resolveMember();
                    Call row = new Call(owner.getSimpleName() + "." + caller.getName(), configKey,
                            called.map(ResilienceAudit::request).orElse(call.getName()), timeout(caller),
                            clientTimeouts(configKey), retries(caller), breaker(caller), fallback(caller));
                    calls.put(row.caller() + " " + row.request(), row);
                }
            }
        }
        return List.copyOf(calls.values());
    }

    @Test
    void everyCallHasTimeoutsAndRetriesOnlyBoundedWithJitter() {
        List<Call> calls = calls();
        assertFalse(calls.isEmpty(), service + " has outgoing REST calls (none found: the audit would pass vacuously)");
        List<String> problems = new ArrayList<>();
        for (Call call : calls) {
            if (call.clientTimeouts().contains("none")) {
                problems.add(call.caller() + ": no connect or read timeout for client " + call.callee()
                        + " (quarkus.rest-client." + call.callee() + ".connect-timeout / .read-timeout)");
            }
            if (call.retries().contains("unbounded") || call.retries().contains("no jitter")) {
                problems.add(call.caller() + ": retries " + call.retries());
            }
        }
        assertTrue(problems.isEmpty(), () -> "calls without a timeout, or with retries unbounded or in lock step:\n"
                + String.join("\n", problems));
    }

    @Test
    void theTableOfCallsSaysWhatTheCodeDoes() throws IOException {
        String begin = "<!-- calls of " + service + ": written by its ResilienceAuditTest -->";
        String end = "<!-- end of " + service + " -->";
        StringBuilder expected = new StringBuilder(begin).append("\n\n### ").append(service).append("\n\n")
                .append("| caller | calls | timeout | connect / read | retries | breaker | fallback |\n")
                .append("|---|---|---|---|---|---|---|\n");
        calls().forEach(c -> expected.append(c.row()).append('\n'));
        expected.append('\n').append(end);
        String doc = Files.exists(TABLE) ? Files.readString(TABLE) : "";
        int from = doc.indexOf(begin);
        int to = doc.indexOf(end);
        String current = from >= 0 && to > from ? doc.substring(from, to + end.length()) : null;
        if (expected.toString().equals(current)) {
            return;
        }
        if (Boolean.getBoolean("emporium.resilience.write")) {
            String next = current == null ? doc + (doc.endsWith("\n") ? "\n" : "\n\n") + expected + "\n"
                    : doc.substring(0, from) + expected + doc.substring(to + end.length());
            Files.writeString(TABLE, next);
            return;
        }
        assertEquals(expected.toString(), current, service + "'s part of " + TABLE.normalize()
                + " (run this test with -Demporium.resilience.write=true to write it)");
    }

    // --- reading the policy -----------------------------------------------------------------------

    /** A lambda's calls belong to the method it was written in ({@code lambda$categories$0} → categories). */
    private static JavaMethod enclosing(JavaMethod method) {
        if (!method.getName().startsWith("lambda$")) {
            return method;
        }
        String name = method.getName().split("\\$")[1];
        return method.getOwner().getMethods().stream().filter(m -> m.getName().equals(name))
                .min(Comparator.comparingInt(m -> m.getRawParameterTypes().size())).orElse(method);
    }

    private static String request(JavaMethod method) {
        String verb = List.of("GET", "POST", "PUT", "DELETE", "PATCH").stream()
                .filter(v -> method.isAnnotatedWith("jakarta.ws.rs." + v)).findFirst().orElse("?");
        String classPath = path(method.getOwner().tryGetAnnotationOfType("jakarta.ws.rs.Path"));
        String methodPath = path(method.tryGetAnnotationOfType("jakarta.ws.rs.Path"));
        return verb + " " + (classPath + (methodPath.isEmpty() || methodPath.startsWith("/") ? "" : "/") + methodPath);
    }

    private static String path(Optional<? extends JavaAnnotation<?>> annotation) {
        return annotation.flatMap(a -> a.get("value")).map(String::valueOf).orElse("");
    }

    private static Optional<JavaAnnotation<?>> policy(JavaMethod method, String annotation) {
        Optional<? extends JavaAnnotation<?>> own = method.tryGetAnnotationOfType(FT + annotation);
        if (own.isPresent()) {
            return Optional.of(own.get());
        }
        return method.getOwner().tryGetAnnotationOfType(FT + annotation).map(a -> (JavaAnnotation<?>) a);
    }

    private static long number(JavaAnnotation<?> annotation, String property, long otherwise) {
        return annotation.get(property).map(v -> ((Number) v).longValue()).orElse(otherwise);
    }

    private static String timeout(JavaMethod method) {
        return policy(method, "Timeout").map(t -> millis(number(t, "value", 1000), unit(t))).orElse("none");
    }

    private static String unit(JavaAnnotation<?> annotation) {
        return annotation.get("unit").map(u -> u.toString().replaceAll(".*\\.", "")).orElse("MILLIS");
    }

    private static String millis(long value, String unit) {
        long ms = switch (unit) {
            case "SECONDS" -> value * 1000;
            case "MINUTES" -> value * 60_000;
            default -> value;
        };
        return ms + " ms";
    }

    private String clientTimeouts(String configKey) {
        String connect = config.getProperty("quarkus.rest-client." + configKey + ".connect-timeout");
        String read = config.getProperty("quarkus.rest-client." + configKey + ".read-timeout");
        return (connect == null ? "none" : connect) + " / " + (read == null ? "none" : read) + " ms";
    }

    private static String retries(JavaMethod method) {
        return policy(method, "Retry").map(r -> {
            long max = number(r, "maxRetries", 3);
            long delay = number(r, "delay", 0);
            long jitter = number(r, "jitter", 200);
            long maxDuration = number(r, "maxDuration", 180_000);
            String bound = max < 0 || max > MOST_RETRIES ? " (unbounded: more than " + MOST_RETRIES + ")" : "";
            return max + " × " + delay + " ± " + jitter + " ms" + (jitter == 0 ? " (no jitter)" : "")
                    + ", within " + maxDuration + " ms" + bound;
        }).orElse("none");
    }

    private static String breaker(JavaMethod method) {
        return policy(method, "CircuitBreaker").map(b -> String.format(Locale.ROOT, "%.0f %% of %d, open %d ms",
                b.get("failureRatio").map(v -> ((Number) v).doubleValue()).orElse(0.5) * 100,
                number(b, "requestVolumeThreshold", 20), number(b, "delay", 5000))).orElse("none");
    }

    private static String fallback(JavaMethod method) {
        return policy(method, "Fallback").map(f -> f.get("fallbackMethod").map(String::valueOf).filter(s -> !s.isEmpty())
                .orElse("handler")).orElse("none");
    }
}

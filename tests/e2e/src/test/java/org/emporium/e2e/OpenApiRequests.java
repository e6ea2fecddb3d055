package org.emporium.e2e;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.emporium.launcher.Topology;

/**
 * Requests generated from one OpenAPI document (contracts/openapi/NAME.yaml): for each of its
 * operations, requests that follow the schema and requests that break it in the ways issue 19's
 * probes did (hostile text, wrong types, keys given twice, truncated or deeply nested JSON,
 * oversized values, the wrong content type, no token, a forged one). Sent to the service itself,
 * on loopback, as the gateway would pass them on.
 */
final class OpenApiRequests {

    /** One generated request. */
    record Probe(String document, String service, String method, String path, String query, Map<String, String> headers,
                 String body) {

        String url() {
            return "http://127.0.0.1:" + Topology.port(service) + path + (query.isEmpty() ? "" : "?" + query);
        }

        @Override
        public String toString() {
            return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " " + headers.keySet()
                    + (body == null ? "" : " body " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
    }

    /** Strings a schema never asks for, each of which once got a 500 or a hang somewhere. */
    static final List<String> HOSTILE = List.of("'; DROP TABLE products; --", "<script>alert(1)</script>", "../../etc/passwd",
            "\u0000", "a\u0000b", "\u0007\u001b[31m", "%zz", "%00", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", " ", "",
            "Ω≈ç√∫˜µ≤≥÷", "😀🛒", "\uD800", "null", "true", "-1", "0", "99999999999999999999", "1e308", "NaN",
            "x".repeat(5_000), "00000000-0000-0000-0000-000000000000", "not-a-uuid");

    private final String document;
    private final String service;
    private final OpenAPI contract;
    private final Supplier<String> serviceToken;

    OpenApiRequests(Path contract, String service, Supplier<String> serviceToken) {
        // its file name is the document's name (catalog.yaml: catalog)
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        this.contract = new OpenAPIV3Parser().read(contract.toString(), null, options);
        if (this.contract == null || this.contract.getPaths() == null || this.contract.getPaths().isEmpty()) {
            throw new IllegalStateException("no operations read from " + contract);
        }
        this.document = contract.getFileName().toString().replace(".yaml", "");
        this.service = service;
        this.serviceToken = serviceToken;
    }

    /** Requests to any operation of the document. */
    Arbitrary<Probe> probes() {
        List<Arbitrary<Probe>> operations = new ArrayList<>();
        contract.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.add(probes(path, method, operation))));
        return Arbitraries.oneOf(operations);
    }

    private Arbitrary<Probe> probes(String template, PathItem.HttpMethod method, Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        Arbitrary<String> path = pathOf(template, parameters.stream().filter(p -> "path".equals(p.getIn())).toList());
        Arbitrary<String> query = queryOf(parameters.stream().filter(p -> "query".equals(p.getIn())).toList());
        Arbitrary<Map<String, String>> headers = headers(parameters.stream().filter(p -> "header".equals(p.getIn())).toList());
        Arbitrary<String> body = bodyOf(operation);
        return Combinators.combine(path, query, headers, body)
                .as((p, q, h, b) -> new Probe(document, service, method.name(), p, q, h, b));
    }

    private static Arbitrary<String> pathOf(String template, List<Parameter> parameters) {
        Arbitrary<String> path = Arbitraries.just(template);
        for (Parameter parameter : parameters) {
            String placeholder = "{" + parameter.getName() + "}";
            path = Combinators.combine(path, Arbitraries.frequencyOf(
                            weighted(3, valid(parameter.getSchema())), weighted(2, hostile())))
                    .as((p, value) -> p.replace(placeholder, encodePath(value.isEmpty() ? "x" : value)));
        }
        return path;
    }

    private static Arbitrary<String> queryOf(List<Parameter> parameters) {
        List<Arbitrary<String>> pairs = new ArrayList<>();
        for (Parameter parameter : parameters) {
            Arbitrary<String> value = Arbitraries.frequencyOf(weighted(3, valid(parameter.getSchema())), weighted(2, hostile()));
            pairs.add(Arbitraries.frequencyOf(weighted(1, Arbitraries.just("")),
                    weighted(3, value.map(v -> encode(parameter.getName()) + "=" + encode(v)))));
        }
        // a parameter the operation does not have, now and then
        pairs.add(Arbitraries.frequencyOf(weighted(4, Arbitraries.just("")),
                weighted(1, hostile().map(v -> "unexpected=" + encode(v)))));
        return Combinators.combine(pairs).as(values -> String.join("&", values.stream().filter(v -> !v.isEmpty()).toList()));
    }

    private Arbitrary<Map<String, String>> headers(List<Parameter> declared) {
        Arbitrary<String> authorization = Arbitraries.frequencyOf(
                weighted(2, Arbitraries.just("")),
                weighted(5, Arbitraries.just("service")),
                weighted(1, Arbitraries.of("Bearer x", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.", "Basic YWRtaW46YWRtaW4=")));
        Arbitrary<String> contentType = Arbitraries.frequencyOf(
                weighted(8, Arbitraries.just("application/json")),
                weighted(1, Arbitraries.of("text/plain", "application/x-www-form-urlencoded", "application/json; charset=klingon", "")));
        Arbitrary<String> accept = Arbitraries.frequencyOf(weighted(6, Arbitraries.just("application/json")),
                weighted(1, Arbitraries.of("text/html", "*/*", "application/xml", "")));
        Arbitrary<Map<String, String>> own = Arbitraries.just(Map.of());
        for (Parameter parameter : declared) {
            own = Combinators.combine(own, Arbitraries.frequencyOf(weighted(1, Arbitraries.just("")),
                            weighted(2, valid(parameter.getSchema())), weighted(1, hostile().filter(OpenApiRequests::isHeaderSafe))))
                    .as((map, value) -> {
                        Map<String, String> next = new LinkedHashMap<>(map);
                        if (!value.isEmpty()) {
                            next.put(parameter.getName(), value);
                        }
                        return next;
                    });
        }
        return Combinators.combine(authorization, contentType, accept, own).as((auth, type, acc, extra) -> {
            Map<String, String> headers = new LinkedHashMap<>(extra);
            if (!auth.isEmpty()) {
                headers.put("Authorization", auth.equals("service") ? "Bearer " + serviceToken.get() : auth);
            }
            if (!type.isEmpty()) {
                headers.put("Content-Type", type);
            }
            if (!acc.isEmpty()) {
                headers.put("Accept", acc);
            }
            return headers;
        });
    }

    /** No body for an operation without one (mostly); for one with a JSON body, good and bad JSON. */
    private static Arbitrary<String> bodyOf(Operation operation) {
        Schema<?> schema = operation.getRequestBody() == null || operation.getRequestBody().getContent() == null ? null
                : operation.getRequestBody().getContent().values().stream().map(MediaType::getSchema).findFirst().orElse(null);
        if (schema == null) {
            return Arbitraries.frequencyOf(weighted(9, Arbitraries.just((String) null)), weighted(1, brokenJson()));
        }
        return Arbitraries.frequencyOf(
                weighted(4, json(schema, 0)),
                weighted(3, json(schema, 0).map(OpenApiRequests::withAKeyTwice)),
                weighted(3, mutated(schema)),
                weighted(2, brokenJson()));
    }

    /** JSON that follows the schema (most of the time: required fields are dropped now and then). */
    private static Arbitrary<String> json(Schema<?> schema, int depth) {
        String type = typeOf(schema);
        if (depth > 4) {
            return Arbitraries.just("null");
        }
        return switch (type) {
            case "object" -> {
                Arbitrary<String> object = Arbitraries.just("");
                Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
                for (Map.Entry<String, Schema> property : properties.entrySet()) {
                    Arbitrary<String> member = json(property.getValue(), depth + 1)
                            .map(v -> quote(property.getKey()) + ":" + v);
                    object = Combinators.combine(object, Arbitraries.frequencyOf(weighted(1, Arbitraries.just("")), weighted(6, member)))
                            .as((o, m) -> m.isEmpty() ? o : o.isEmpty() ? m : o + "," + m);
                }
                yield object.map(o -> "{" + o + "}");
            }
            case "array" -> json(schema.getItems() == null ? new Schema<>().type("string") : schema.getItems(), depth + 1)
                    .list().ofMinSize(0).ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
            default -> valid(schema).map(v -> type.equals("integer") || type.equals("number") || type.equals("boolean") ? v : quote(v));
        };
    }

    /** The schema's JSON with one value replaced by a value of another type, or hostile text. */
    private static Arbitrary<String> mutated(Schema<?> schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null || properties.isEmpty()) {
            return brokenJson();
        }
        List<String> names = new ArrayList<>(properties.keySet());
        Arbitrary<String> wrongValue = Arbitraries.oneOf(
                Arbitraries.of("123", "-1", "1.5", "1e308", "true", "false", "null", "[]", "{}", "[1,2,3]", "{\"a\":{\"b\":[]}}",
                        "\"\"", "9223372036854775808"),
                hostile().map(OpenApiRequests::quote));
        return Combinators.combine(json(schema, 0), Arbitraries.of(names), wrongValue)
                .as((good, name, bad) -> {
                    String rest = good.substring(1, good.length() - 1);
                    String member = quote(name) + ":" + bad;
                    // the replaced key last: it wins over the good one where parsers keep the last
                    return rest.contains(quote(name) + ":") ? "{" + member + "}" : "{" + (rest.isEmpty() ? "" : rest + ",") + member + "}";
                });
    }

    private static String withAKeyTwice(String json) {
        if (!json.startsWith("{\"")) {
            return json;
        }
        int colon = json.indexOf("\":");
        String key = json.substring(1, colon + 1);
        return "{" + key + ":\"twice\"," + json.substring(1);
    }

    private static Arbitrary<String> brokenJson() {
        return Arbitraries.oneOf(
                Arbitraries.of("{", "{\"a\":", "[", "}", "nul", "{\"a\":1,}", "'single'", "{a:1}", "\u0000", "[" .repeat(2_000),
                        "{\"a\":" + "[".repeat(1_000) + "]".repeat(1_000) + "}", "\"" + "x".repeat(300_000) + "\""),
                hostile());
    }

    /** A value the schema accepts, as text. */
    private static Arbitrary<String> valid(Schema<?> schema) {
        if (schema == null) {
            return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return Arbitraries.of(schema.getEnum().stream().map(String::valueOf).toList());
        }
        String type = typeOf(schema);
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        return switch (type) {
            case "integer" -> {
                long min = schema.getMinimum() == null ? 0 : schema.getMinimum().longValue();
                long max = schema.getMaximum() == null ? min + 100 : schema.getMaximum().longValue();
                yield Arbitraries.longs().between(min, Math.max(min, max)).map(String::valueOf);
            }
            case "number" -> Arbitraries.doubles().between(0, 1000).ofScale(2).map(String::valueOf);
            case "boolean" -> Arbitraries.of("true", "false");
            default -> switch (format) {
                case "uuid" -> Arbitraries.create(() -> java.util.UUID.randomUUID().toString());
                case "date-time" -> Arbitraries.just("2026-12-06T10:00:00Z");
                case "email" -> Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> s + "@example.com");
                default -> Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1)
                        .ofMaxLength(schema.getMaxLength() == null ? 16 : Math.max(1, Math.min(16, schema.getMaxLength())))
                        .map(s -> s.toUpperCase(java.util.Locale.ROOT));
            };
        };
    }

    private static String typeOf(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            return schema.getTypes().stream().filter(t -> !"null".equals(t)).findFirst().orElse("string");
        }
        return schema.getProperties() != null ? "object" : schema.getItems() != null ? "array" : "string";
    }

    private static Arbitrary<String> hostile() {
        return Arbitraries.of(HOSTILE);
    }

    private static boolean isHeaderSafe(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && value.length() < 1_000;
    }

    /** One choice of {@link Arbitraries#frequencyOf}: every value generated here is text. */
    private static net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends String>> weighted(int weight,
                                                                                           Arbitrary<? extends String> arbitrary) {
        return net.jqwik.api.Tuple.of(weight, arbitrary);
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String encodePath(String value) {
        return encode(value).replace("+", "%20");
    }
}

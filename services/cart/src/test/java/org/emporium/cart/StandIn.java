package org.emporium.cart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.emporium.platform.testing.StandInServer;

/**
 * One of our own services (catalog or inventory) standing in on a {@link StandInServer}, in the
 * format of its API, as storefront's CatalogStandIn does; it can be made to fail with a status on demand.
 */
abstract class StandIn {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicInteger failing = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final StandInServer server = new StandInServer(this::respond);

    /** What to answer: a status and a body (serialised as JSON). */
    record Answer(int status, Object body) {
    }

    abstract Answer answer(String path, Map<String, String> query);

    String url() {
        return server.url();
    }

    /** Answers every request with {@code status}, as a struggling service would, until {@link #recover()}. */
    void failWith(int status) {
        failing.set(status);
    }

    void recover() {
        failing.set(0);
    }

    /** How many requests it has been sent so far. */
    int requests() {
        return requests.get();
    }

    void stop() {
        server.close();
    }

    private StandInServer.Answer respond(StandInServer.Request request) {
        requests.incrementAndGet();
        int failure = failing.get();
        Answer answer = failure != 0
                ? new Answer(failure, Map.of("type", "about:blank", "title", "Failure", "status", failure))
                : answer(request.path(), query(request.query()));
        try {
            return new StandInServer.Answer(answer.status(), JSON.writeValueAsString(answer.body()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}

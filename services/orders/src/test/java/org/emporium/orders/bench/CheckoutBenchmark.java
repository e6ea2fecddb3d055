package org.emporium.orders.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained checkouts against a running system (./emporium up): carts are filled before the
 * clock starts; then {@code clients} shoppers place orders (at most {@code rate} per second in
 * all, 0 = as fast as they are accepted) for {@code duration}; then it waits until every order
 * has ended and prints placements/s, confirmed orders/s and the saga's completion latency
 * (placed → confirmed, from the orders' own timestamps). Not a test: it prints numbers.
 *
 * <p>{@code -Dbench.url=http://localhost:8080 -Dbench.clients=8 -Dbench.duration=20s -Dbench.rate=0};
 * stocking the SKUs is an admin call: the environment variable {@code EMPORIUM_TOKEN} holds an admin
 * access token of the identity service, sent as {@code Authorization: Bearer}.
 */
public final class CheckoutBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("bench.url", "http://localhost:8080");
        int clients = Integer.getInteger("bench.clients", 8);
        Duration duration = Duration.parse("PT" + System.getProperty("bench.duration", "20s").toUpperCase());
        int rate = Integer.getInteger("bench.rate", 0);
        String token = System.getenv("EMPORIUM_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("set EMPORIUM_TOKEN to an admin access token (sent as Authorization: Bearer)");
        }
        String adminAuthorization = "Bearer " + token.strip();
        int carts = Integer.getInteger("bench.carts", (int) Math.max(2_000, (rate > 0 ? rate : 400) * duration.toSeconds() * 1.2));

        List<String> skus = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            // one-size products only: one in sizes needs a size chosen in the cart
            get(url + "/api/catalog/products?size=100&page=" + page).path("items").forEach(p -> {
                if (p.path("options").isEmpty()) {
                    skus.add(p.path("sku").asText());
                }
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (String sku : skus) {
                pool.submit(() -> send("PUT", url + "/api/inventory/" + sku, "{\"onHand\":1000000}", "Authorization",
                        adminAuthorization));
            }
        }
        System.out.printf("filling %d carts (one or two lines from %d SKUs stocked with 1,000,000 each)…%n", carts, skus.size());
        ConcurrentLinkedQueue<String> ready = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < carts; i++) {
                pool.submit(() -> {
                    String cart = JSON.readTree(send("POST", url + "/api/carts", "{}").body()).path("id").asText();
                    int lines = 1 + ThreadLocalRandom.current().nextInt(2);
                    for (int l = 0; l < lines; l++) {
                        send("POST", url + "/api/carts/" + cart + "/items", "{\"sku\":\"" + skus.get(
                                ThreadLocalRandom.current().nextInt(skus.size())) + "\",\"quantity\":1}");
                    }
                    ready.add(cart);
                    return null;
                });
            }
        }

        System.out.printf("placing orders: %d clients, %s, rate %s…%n", clients, duration, rate == 0 ? "unlimited" : rate + "/s");
        ConcurrentLinkedQueue<String> placed = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        List<Long> placementMicros = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        AtomicLong nextSlot = new AtomicLong(start);
        long interval = rate == 0 ? 0 : 1_000_000_000L / rate;
        try (ExecutorService shoppers = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                shoppers.submit(() -> {
                    while (System.nanoTime() < end) {
                        if (interval > 0) {
                            long slot = nextSlot.getAndAdd(interval);
                            long wait = slot - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                        }
                        String cart = ready.poll();
                        if (cart == null) {
                            System.out.println("out of carts: raise -Dbench.carts");
                            return null;
                        }
                        long t0 = System.nanoTime();
                        String key = UUID.randomUUID().toString();
                        String body = order(cart);
                        HttpResponse<String> response = send("POST", url + "/api/orders", body, "Idempotency-Key", key);
                        while (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isPresent()) {
                            // checkout is busy (admission control): wait as told, then the same request again
                            busy.incrementAndGet();
                            Thread.sleep(Long.parseLong(response.headers().firstValue("Retry-After").get()) * 1000);
                            response = send("POST", url + "/api/orders", body, "Idempotency-Key", key);
                        }
                        placementMicros.add((System.nanoTime() - t0) / 1_000);
                        if (response.statusCode() == 202) {
                            placed.add(JSON.readTree(response.body()).path("id").asText());
                        } else {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double placingSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("placed %d orders in %.1f s (%.0f/s), %d refused, %d answers \"busy\" (503, retried after "
                        + "Retry-After); waiting for every saga to end…%n",
                placed.size(), placingSeconds, placed.size() / placingSeconds, refused.get(), busy.get());

        List<Long> sagaMillis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger confirmed = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        AtomicLong firstPlaced = new AtomicLong(Long.MAX_VALUE);
        AtomicLong lastConfirmed = new AtomicLong(0);
        long settleBy = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (String id : placed) {
                pool.submit(() -> {
                    while (System.nanoTime() < settleBy) {
                        JsonNode order = get(url + "/api/orders/" + id);
                        String status = order.path("status").asText();
                        if (status.equals("PENDING")) {
                            Thread.sleep(50); // poll interval
                            continue;
                        }
                        Instant created = Instant.parse(order.path("createdAt").asText());
                        firstPlaced.accumulateAndGet(created.toEpochMilli(), Math::min);
                        if (status.equals("CONFIRMED")) {
                            Instant at = Instant.parse(order.path("confirmedAt").asText());
                            lastConfirmed.accumulateAndGet(at.toEpochMilli(), Math::max);
                            sagaMillis.add(Duration.between(created, at).toMillis());
                            confirmed.incrementAndGet();
                        } else {
                            cancelled.incrementAndGet();
                        }
                        return null;
                    }
                    return null;
                });
            }
        }
        Collections.sort(sagaMillis);
        Collections.sort(placementMicros);
        double span = (lastConfirmed.get() - firstPlaced.get()) / 1000.0;
        System.out.printf("RESULT clients=%d rate=%s placed=%d confirmed=%d cancelled=%d unsettled=%d | confirmed/s %.0f "
                        + "(first placement → last confirmation, %.1f s) | placement p50 %.1f ms p99 %.1f ms | "
                        + "saga placed→confirmed p50 %d ms p90 %d ms p99 %d ms max %d ms%n",
                clients, rate == 0 ? "max" : rate, placed.size(), confirmed.get(), cancelled.get(),
                placed.size() - confirmed.get() - cancelled.get(), confirmed.get() / span, span,
                pct(placementMicros, 50) / 1000.0, pct(placementMicros, 99) / 1000.0,
                pct(sagaMillis, 50), pct(sagaMillis, 90), pct(sagaMillis, 99),
                sagaMillis.isEmpty() ? 0 : sagaMillis.getLast());
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String order(String cart) {
        return """
                {"cartId":"%s","email":"bench-%s@example.com","shippingAddress":{"name":"Bench Shopper",\
                "line1":"1 Load Street","city":"Loopback","postalCode":"12345","country":"US"},\
                "payment":{"cardNumber":"4242424242424242","expiry":"12/30","cvc":"123"}}"""
                .formatted(cart, UUID.randomUUID());
    }

    private static JsonNode get(String url) throws Exception {
        return JSON.readTree(send("GET", url, null).body());
    }

    private static HttpResponse<String> send(String method, String url, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

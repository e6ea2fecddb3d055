package org.emporium.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shoppers of a chaos scenario, through the gateway as a browser or an app reaches the shop: pages
 * and searches, and checkouts (a cart, an item, an order). An open load: sessions start at the
 * scenario's rates whether or not earlier ones have finished, as real shoppers do, so a slow system
 * meets more shoppers at once rather than fewer requests (no coordinated omission). Every request
 * is recorded with its latency and whether the shopper saw an error; every order the shop accepted
 * is kept, with its card, for the invariants.
 */
final class ShopperLoad {

    static final String APPROVED_CARD = "4242 4242 4242 4242";
    static final String DECLINED_CARD = "4000 0000 0000 0002";
    /** A shopper gives a request this long. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** Sessions in flight at most: past that the shop is down, and more shoppers only cost memory. */
    static final int MOST_IN_FLIGHT = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An order the shop accepted: its id, and whether its card is one the provider approves. */
    record Placed(UUID id, boolean approvedCard) {
    }

    /** A checkout whose placement never got an answer: it may exist, so it is asked again with its key afterwards. */
    private record Unanswered(UUID cart, String key, String email, String card) {
    }

    final Timeline browse;
    final Timeline checkout;
    final ConcurrentLinkedQueue<Placed> placed = new ConcurrentLinkedQueue<>();
    final AtomicInteger skipped = new AtomicInteger();
    private final ConcurrentLinkedQueue<Unanswered> unanswered = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final String gateway;
    private final Scenario.Load load;
    private final List<String> hot;
    private final List<String> pages;
    private final List<String> words;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService sessions = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(1, Thread.ofPlatform().daemon().factory());

    /**
     * @param hot   the SKUs the orders buy
     * @param pages product SKUs the browsing shoppers look at
     * @param words what they search for
     */
    ShopperLoad(String gateway, Scenario.Load load, long startNanos, List<String> hot, List<String> pages, List<String> words) {
        this.gateway = gateway;
        this.load = load;
        this.hot = hot;
        this.pages = pages;
        this.words = words;
        this.browse = new Timeline(startNanos);
        this.checkout = new Timeline(startNanos);
    }

    void start() {
        every(load.browsePerSecond(), this::browseOnce);
        every(load.checkoutsPerSecond(), this::checkoutOnce);
    }

    private void every(double perSecond, Runnable session) {
        if (perSecond <= 0) {
            return;
        }
        long period = Math.round(1_000_000_000 / perSecond);
        ticks.scheduleAtFixedRate(() -> {
            if (inFlight.get() >= MOST_IN_FLIGHT) {
                skipped.incrementAndGet();
                return;
            }
            inFlight.incrementAndGet();
            sessions.submit(() -> {
                try {
                    session.run();
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }, 0, period, TimeUnit.NANOSECONDS);
    }

    /** No new shopper; those in flight finish (their requests time out after {@link #PATIENCE} at most). */
    void stop() throws InterruptedException {
        ticks.shutdownNow();
        sessions.shutdown();
        sessions.awaitTermination(PATIENCE.toSeconds() * 10, TimeUnit.SECONDS);
    }

    /**
     * The placements that never got an answer, asked again with the same idempotency key until
     * they do: the order they made, if any, or one made now. Afterwards every order that exists is
     * in {@link #placed}. False when some still got no answer by the deadline.
     */
    boolean resolveUnanswered(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Unanswered next;
        while ((next = unanswered.peek()) != null) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            HttpResponse<String> response = send(null, "POST", "/api/orders", order(next), "Idempotency-Key", next.key());
            if (response != null && response.statusCode() == 202) {
                placed.add(new Placed(UUID.fromString(read(response.body()).path("id").asText()), next.card().equals(APPROVED_CARD)));
                unanswered.poll();
            } else if (response != null && response.statusCode() < 500 && response.statusCode() != 429) {
                unanswered.poll(); // refused for good (the cart is gone): no order was made
            } else {
                Thread.sleep(500);
            }
        }
        return true;
    }

    int unansweredCount() {
        return unanswered.size();
    }

    // ---- the shoppers ------------------------------------------------------------------------------

    private void browseOnce() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int pick = random.nextInt(10);
        String path;
        if (pick == 0 || pages.isEmpty()) {
            path = "/";
        } else if (pick <= 7) {
            path = "/p/" + pages.get(random.nextInt(pages.size()));
        } else {
            path = "/api/search?q=" + URLEncoder.encode(words.get(random.nextInt(words.size())), StandardCharsets.UTF_8);
        }
        send(browse, "GET", path, null);
    }

    private void checkoutOnce() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String sku = hot.get(random.nextInt(hot.size()));
        HttpResponse<String> cart = send(checkout, "POST", "/api/carts", "{}");
        if (cart == null || cart.statusCode() != 201) {
            return; // the shopper saw an error and left
        }
        UUID id = UUID.fromString(read(cart.body()).path("id").asText());
        HttpResponse<String> added = send(checkout, "POST", "/api/carts/" + id + "/items",
                "{\"sku\":\"" + sku + "\",\"quantity\":" + (1 + random.nextInt(2)) + "}");
        if (added == null || added.statusCode() / 100 != 2) {
            return;
        }
        String card = random.nextInt(100) < load.declinedPercent() ? DECLINED_CARD : APPROVED_CARD;
        Unanswered placement = new Unanswered(id, UUID.randomUUID().toString(), "chaos-" + UUID.randomUUID() + "@example.com", card);
        // a placement without an answer is pressed again with the same key, as the storefront does,
        // a few times; then it is left for resolveUnanswered
        for (int attempt = 0; attempt < 3; attempt++) {
            HttpResponse<String> response = send(checkout, "POST", "/api/orders", order(placement), "Idempotency-Key", placement.key());
            if (response != null && response.statusCode() == 202) {
                placed.add(new Placed(UUID.fromString(read(response.body()).path("id").asText()), card.equals(APPROVED_CARD)));
                return;
            }
            if (response != null && response.statusCode() < 500 && response.statusCode() != 429) {
                return; // refused (the cart was empty, say): no order
            }
            try {
                Thread.sleep(500 + random.nextInt(500));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        unanswered.add(placement);
    }

    private static String order(Unanswered placement) {
        return """
                {"cartId":"%s","email":"%s","shippingAddress":{"name":"Grace Hopper","line1":"1 Compiler Road",\
                "city":"Arlington","postalCode":"22201","country":"US"},\
                "payment":{"cardNumber":"%s","expiry":"12/30","cvc":"123"}}""".formatted(placement.cart(), placement.email(),
                placement.card());
    }

    /** One request through the gateway, recorded in {@code timeline} (when given); null when it got no answer. */
    private HttpResponse<String> send(Timeline timeline, String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(PATIENCE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        long start = System.nanoTime();
        HttpResponse<String> response = null;
        String error = null;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            error = response.statusCode() >= 400 ? String.valueOf(response.statusCode()) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.net.http.HttpTimeoutException e) {
            error = "no answer in " + PATIENCE.toSeconds() + " s";
        } catch (Exception e) {
            error = "connection refused or reset"; // the shopper saw an error as well
        }
        if (timeline != null) {
            timeline.record(start, System.nanoTime() - start, error);
        }
        return response;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

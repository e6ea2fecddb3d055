package org.emporium.notifications.message;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.Variant;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the emails from the Qute templates under {@code mail/} (one {@code .txt} and one
 * {@code .html} per kind). Qute is used as a plain library, with its own engine: the same code
 * renders in the service and in unit tests, without starting Quarkus. Every value in an
 * {@code .html} template is HTML-escaped (the escaper applies to the text/html variant); the
 * plain-text templates are not escaped, since they are not HTML.
 */
public final class MessageTemplates {

    public static final String CONFIRMED_SUBJECT = "Your Emporium order is confirmed";
    public static final String CANCELLED_SUBJECT = "Your Emporium order was cancelled";

    private final Engine engine;
    private final String shopUrl;

    public MessageTemplates(String shopUrl) {
        this.shopUrl = shopUrl.endsWith("/") ? shopUrl.substring(0, shopUrl.length() - 1) : shopUrl;
        this.engine = Engine.builder()
                .addDefaults()
                .addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
                .addLocator(MessageTemplates::locate)
                .build();
        // parse every template now: a broken one fails the start, not the first order
        for (String name : List.of("order-confirmed", "order-cancelled")) {
            template(name + ".txt");
            template(name + ".html");
        }
    }

    public RenderedMessage confirmation(OrderConfirmation order) {
        Map<String, Object> data = Map.of("order", order, "orderUrl", orderUrl(order.orderId().toString()),
                "shopUrl", shopUrl);
        return render(CONFIRMED_SUBJECT, "order-confirmed", data);
    }

    public RenderedMessage cancellation(OrderCancellation order) {
        Map<String, Object> data = Map.of("order", order, "reason", CancellationReasons.explain(order.reason(),
                order.detail()), "orderUrl", orderUrl(order.orderId().toString()), "shopUrl", shopUrl);
        return render(CANCELLED_SUBJECT, "order-cancelled", data);
    }

    String orderUrl(String orderId) {
        return shopUrl + "/orders/" + orderId;
    }

    private RenderedMessage render(String subject, String name, Map<String, Object> data) {
        Map<String, Object> all = new HashMap<>(data);
        all.put("subject", subject);
        return new RenderedMessage(subject, template(name + ".txt").render(all), template(name + ".html").render(all));
    }

    private Template template(String id) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("no template mail/" + id);
        }
        return template;
    }

    private static Optional<TemplateLocation> locate(String id) {
        String text;
        try (InputStream in = MessageTemplates.class.getClassLoader().getResourceAsStream("mail/" + id)) {
            if (in == null) {
                return Optional.empty();
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading template mail/" + id + " failed", e);
        }
        Variant variant = Variant.forContentType(id.endsWith(".html") ? Variant.TEXT_HTML : Variant.TEXT_PLAIN);
        return Optional.of(new TemplateLocation() {
            @Override
            public Reader read() {
                return new StringReader(text);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(variant);
            }
        });
    }
}

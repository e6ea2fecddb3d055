package org.emporium.storefront.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Markup rendered once per distinct data, and again for any data that differs. */
class FragmentsTest {

    record Stock(String sku, String label) {
    }

    private final Engine engine = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).build();
    private final Template stock = template("stock", "<p data-sku=\"{s.sku}\">{s.label}</p>");
    private final Template other = template("other", "<b>{s.label}</b>");
    private final Fragments fragments = new Fragments();

    @Test
    void equalDataIsRenderedOnceAndEscaped() {
        RawString first = fragments.render(stock, Map.of("s", new Stock("SKU-1", "Only 2 left & going")));

        assertThat(first.getValue()).isEqualTo("<p data-sku=\"SKU-1\">Only 2 left &amp; going</p>");
        assertThat(fragments.render(stock, Map.of("s", new Stock("SKU-1", "Only 2 left & going"))))
                .as("equal data built anew for the next view").isSameAs(first);
    }

    @Test
    void anyValueThatDiffersIsRenderedAgain() {
        RawString two = fragments.render(stock, Map.of("s", new Stock("SKU-1", "Only 2 left")));
        RawString one = fragments.render(stock, Map.of("s", new Stock("SKU-1", "Only 1 left")));

        assertThat(one.getValue()).isEqualTo("<p data-sku=\"SKU-1\">Only 1 left</p>");
        assertThat(two.getValue()).isEqualTo("<p data-sku=\"SKU-1\">Only 2 left</p>");
        assertThat(fragments.render(other, Map.of("s", new Stock("SKU-1", "Only 2 left"))).getValue())
                .as("the same data in another template").isEqualTo("<b>Only 2 left</b>");
    }

    private Template template(String id, String text) {
        return engine.parse(text, Variant.forContentType(Variant.TEXT_HTML), id);
    }
}

package org.emporium.notifications.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageTemplatesTest {

    private static final UUID ORDER = UUID.fromString("6f1c2a4e-0b7d-4c8e-9a51-3d2f1e0c9b8a");
    private static final List<OrderLine> LINES = List.of(
            new OrderLine("MUG-1", "Blue mug", 2, new Money("12.50", "EUR"), new Money("25.00", "EUR")),
            new OrderLine("TEA-2", "<script>alert('x')</script> & \"tea\"", 1, new Money("4.90", "EUR"),
                    new Money("4.90", "EUR")));
    private static final ShippingAddress ADDRESS = new ShippingAddress("Ada <b>Lovelace</b>", "12 Analytical Row",
            null, "London", null, "N1 9GU", "GB");

    private final MessageTemplates templates = new MessageTemplates("https://shop.example/");

    @Test
    void confirmationShowsLinesTotalAddressCardAndOrderLinkInBothParts() {
        RenderedMessage m = templates.confirmation(new OrderConfirmation(ORDER, "ada@example.com", LINES,
                new Money("29.90", "EUR"), ADDRESS, "4242"));

        assertThat(m.subject()).isEqualTo("Your Emporium order is confirmed");
        for (String body : List.of(m.text(), m.html())) {
            assertThat(body).contains("Blue mug", "MUG-1", "12.50 EUR", "25.00 EUR", "29.90 EUR", "4242",
                    "12 Analytical Row", "N1 9GU London", "GB", ORDER.toString(),
                    "https://shop.example/orders/" + ORDER);
        }
        assertThat(m.text()).contains("- Blue mug (MUG-1): 2 x 12.50 EUR = 25.00 EUR")
                .doesNotContain("null");
        assertThat(m.html()).contains("<a href=\"https://shop.example/orders/" + ORDER + "\">");
    }

    @Test
    void everyValueIsHtmlEscapedInTheHtmlPartAndLeftAsIsInTheText() {
        RenderedMessage m = templates.confirmation(new OrderConfirmation(ORDER, "ada@example.com", LINES,
                new Money("29.90", "EUR"), ADDRESS, "4242"));

        assertThat(m.html()).doesNotContain("<script>", "<b>Lovelace")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;tea&quot;",
                        "Ada &lt;b&gt;Lovelace&lt;/b&gt;");
        assertThat(m.text()).contains("<script>alert('x')</script> & \"tea\"", "Ada <b>Lovelace</b>");
    }

    @Test
    void cancellationGivesTheReasonInWordsAndTheLines() {
        RenderedMessage m = templates.cancellation(new OrderCancellation(ORDER, "ada@example.com", LINES,
                new Money("29.90", "EUR"), "PAYMENT_DECLINED", "issuer answered 05"));

        assertThat(m.subject()).isEqualTo("Your Emporium order was cancelled");
        for (String body : List.of(m.text(), m.html())) {
            assertThat(body).contains("Your payment was declined by your card issuer.", "Blue mug", "29.90 EUR",
                    ORDER.toString()).doesNotContain("issuer answered 05", "PAYMENT_DECLINED");
        }
    }
}

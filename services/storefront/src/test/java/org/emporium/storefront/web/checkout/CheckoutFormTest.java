package org.emporium.storefront.web.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import org.emporium.storefront.client.orders.PlaceOrder;
import org.junit.jupiter.api.Test;

class CheckoutFormTest {

    private static CheckoutForm.Submission submission(String email, String country, String card, String expiry, String cvc) {
        return new CheckoutForm.Submission("0b8b0a5e-4ad1-4d4c-9d52-2f2b0c1f3a11", email, " Ada Lovelace ", "Main St 1", "",
                "Berlin", null, "10115", country, card, expiry, cvc);
    }

    @Test
    void aCompleteSubmissionHasNoProblemsAndBecomesTheOrdersRequest() {
        CheckoutForm.Submission s = submission("ada@example.com", "de", "4242 4242 4242 4242", "12/39", "737");

        assertThat(s.problems()).isEmpty();
        PlaceOrder request = s.toRequest("cart-1");
        assertThat(request.shippingAddress().name()).isEqualTo("Ada Lovelace");
        assertThat(request.shippingAddress().country()).isEqualTo("DE");
        assertThat(request.shippingAddress().line2()).isNull();
        assertThat(request.shippingAddress().region()).isNull();
        assertThat(request.payment().cardNumber()).isEqualTo("4242 4242 4242 4242");
    }

    @Test
    void missingAndMalformedFieldsAreNamed() {
        CheckoutForm.Submission s = submission("", "XX", "abc", "1/29", "12");

        assertThat(s.problems()).containsEntry("email", "Email is required.")
                .containsEntry("country", "Please choose a country from the list.")
                .containsEntry("cardNumber", "Card number must be 12 to 19 digits.")
                .containsKey("expiry").containsEntry("cvc", "CVC must be 3 or 4 digits.");
        assertThat(submission("not-an-email", "US", "4242424242424242", "12/39", "737").problems()).containsOnlyKeys("email");
    }

    @Test
    void theCardNeverShowsInTextOrInTheRenderedForm() {
        CheckoutForm.Submission s = submission("ada@example.com", "DE", "4242 4242 4242 4242", "12/39", "737");

        assertThat(s.toString()).doesNotContain("4242").doesNotContain("737");
        assertThat(s.toRequest("cart-1").toString()).doesNotContain("4242").doesNotContain("737");
        assertThat(CheckoutForm.posted(s).toString()).doesNotContain("4242").doesNotContain("737");
    }

    @Test
    void aMissingOrMalformedKeyIsReplaced() {
        CheckoutForm.Submission s = new CheckoutForm.Submission("<script>", "a@b.co", "n", "l", "", "c", "", "10115", "DE",
                "4242424242424242", "12/39", "737");
        assertThat(CheckoutForm.posted(s).idempotencyKey()).matches("[0-9a-f-]{36}");
        assertThat(CheckoutForm.posted(submission("a@b.co", "DE", "", "", "")).idempotencyKey())
                .isEqualTo("0b8b0a5e-4ad1-4d4c-9d52-2f2b0c1f3a11");
    }

    @Test
    void ordersFieldsMapToFormFields() {
        assertThat(CheckoutForm.formField("payment.cardNumber")).isEqualTo("cardNumber");
        assertThat(CheckoutForm.formField("shippingAddress.postalCode")).isEqualTo("postalCode");
        assertThat(CheckoutForm.formField("email")).isEqualTo("email");
        assertThat(CheckoutForm.formField("cartId")).isNull();
        assertThat(CheckoutForm.formField("Idempotency-Key")).isNull();
        assertThat(CheckoutForm.sentence("expiry", "has passed")).isEqualTo("Expiry has passed.");
    }
}

package org.emporium.payments.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.emporium.payments.domain.CardDetails;
import org.emporium.payments.domain.InvalidCard;
import org.emporium.payments.domain.PaymentProvider;
import org.emporium.payments.processing.PaymentMetrics;
import org.emporium.platform.defaults.Problem;
import org.emporium.platform.defaults.ProblemException;

/**
 * Turns a card into the provider's token, as the orders service does at checkout (synchronously:
 * no database, no Kafka). The card number is validated and handed to the provider, nothing else:
 * not stored, not logged, not echoed in an error.
 */
@Path("/api/payments/cards")
@Produces(MediaType.APPLICATION_JSON)
public class CardResource {

    private final PaymentProvider provider;
    private final PaymentMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    public CardResource(PaymentProvider provider, PaymentMetrics metrics) {
        this.provider = provider;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tokenize a card: answers the token to authorize with, its last four digits and brand")
    public Response tokenize(CardRequest request) {
        if (request == null) {
            throw new ProblemException(Problem.of(400, "Invalid request",
                    "send {\"cardNumber\", \"expiry\", \"cvc\"} as JSON"));
        }
        CardDetails card;
        try {
            card = CardDetails.of(request.cardNumber(), request.expiry(), request.cvc(), YearMonth.now(clock));
        } catch (InvalidCard e) {
            metrics.tokenized(false);
            throw e;
        }
        metrics.tokenized(true);
        return Response.status(Response.Status.CREATED).entity(CardView.of(provider.tokenize(card))).build();
    }
}

package org.emporium.orders.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.emporium.platform.upstream.Upstreams;

/** Payments' card tokenization: the card number goes to payments once and never into an event. */
@RegisterRestClient(configKey = "payments")
@Path("/api/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PaymentsApi {

    record Card(String cardNumber, String expiry, String cvc) {
        @Override
        public String toString() {
            return "Card[redacted]"; // never in a log line
        }
    }

    @POST
    @Path("/cards")
    CardToken tokenize(Card card);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Upstreams.exception("payments", response.getStatus());
    }
}

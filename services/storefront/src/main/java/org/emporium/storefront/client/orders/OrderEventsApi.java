package org.emporium.storefront.client.orders;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The orders service's server-sent events for one order: the order now, then at every change of
 * its status; the stream completes at CONFIRMED or CANCELLED (or after the orders service's own
 * limit). Each event's data is read as text and parsed by {@link OrdersClient}: the events need
 * not name their content type. Its own client ({@code quarkus.rest-client.orders-events.*}) so that its read timeout can
 * be as long as a quiet stream needs.
 */
@RegisterRestClient(configKey = "orders-events")
@Path("/api/orders")
public interface OrderEventsApi {

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    Multi<String> events(@jakarta.ws.rs.HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return OrderProblems.toException(response);
    }
}

package org.emporium.orders.api;

import io.smallrye.mutiny.Multi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.emporium.orders.domain.Order;
import org.emporium.orders.persistence.OrderRepository;
import org.emporium.platform.auth.CallerContext;
import org.emporium.platform.defaults.ProblemException;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Orders. An order placed with a bearer token belongs to that account: reading it needs the
 * owner's token (or an admin's or a service's); without a token it is a 401, with another
 * account's token a 404 exactly like an order that does not exist. A guest order (placed without
 * a token) is reachable by its unguessable id alone.
 */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = OrderResource.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "An access token of the identity service; optional for guest orders")
public class OrderResource {

    static final String BEARER = "bearer";
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 10_000;
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[0-9]{1,9}");

    private final OrderPlacement placement;
    private final OrderRepository orders;
    private final OrderStatusFeed feed;
    private final CallerContext callers;

    OrderResource(OrderPlacement placement, OrderRepository orders, OrderStatusFeed feed, CallerContext callers) {
        this.placement = placement;
        this.orders = orders;
        this.feed = feed;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "The caller's orders, newest first, a page at a time (needs a bearer token)")
    @SecurityRequirement(name = BEARER)
    @APIResponse(responseCode = "200", description = "One page of the caller's orders",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderPage.class)))
    @APIResponse(responseCode = "400", description = "page or size out of range, named in errors[0].field")
    @APIResponse(responseCode = "401", description = "No or a bad bearer token")
    public OrderPage mine(
            @Parameter(description = "0-based page number, at most 10000",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0", maximum = "10000"))
            @QueryParam("page") String page,
            @Parameter(description = "orders per page, 1 to 100",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20", minimum = "1", maximum = "100"))
            @QueryParam("size") String size) {
        String owner = callers.required().subject();
        int p = number("page", page, 0, 0, MAX_PAGE);
        int s = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        OrderRepository.Page found = orders.ofOwner(owner, (long) p * s, s);
        return new OrderPage(found.orders().stream().map(OrderPage.Summary::of).toList(), p, s, found.total());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place an order from a cart; 202, then follow it to CONFIRMED or CANCELLED. "
            + "With a bearer token the order is the caller's (and email may be left out: the token's is used)")
    @SecurityRequirementsSet // without a token: a guest's
    @SecurityRequirementsSet(@SecurityRequirement(name = BEARER))
    @APIResponse(responseCode = "202", description = "Accepted: {id, status}; Location names the order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.Accepted.class)))
    @APIResponse(responseCode = "400", description = "A field rule broken (named in errors[0].field), or no Idempotency-Key")
    @APIResponse(responseCode = "401", description = "A bad bearer token, or the cart belongs to an account and no token was sent")
    @APIResponse(responseCode = "404", description = "No such cart, or another account's cart")
    @APIResponse(responseCode = "422", description = "An empty cart, or the Idempotency-Key reused for another request")
    @APIResponse(responseCode = "503", description = "Cart, catalog prices or payments unreachable, or checkout busy "
            + "(too many orders pending; Retry-After says when): retry with the same key")
    public Response place(@HeaderParam("Idempotency-Key") String idempotencyKey,
                          @NotNull @Valid PlaceOrderRequest request, @Context UriInfo uri) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ProblemException.invalid("Idempotency-Key", "is required: a unique value per order, the same on a retry");
        }
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1 to 200 visible ASCII characters");
        }
        OrderView.Accepted accepted = placement.place(idempotencyKey, request, callers.optional());
        return Response.accepted(accepted)
                .location(uri.getBaseUriBuilder().path("api/orders").path(accepted.id().toString()).build())
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One order: status, reason, lines, totals, and every step of its checkout")
    @SecurityRequirementsSet // without a token: a guest's
    @SecurityRequirementsSet(@SecurityRequirement(name = BEARER))
    @APIResponse(responseCode = "200", description = "The order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "401", description = "An account's order and no (or a bad) bearer token")
    @APIResponse(responseCode = "404", description = "No such order, or another account's order")
    public OrderView get(@PathParam("id") String id) {
        return OrderView.of(find(uuid(id)));
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The order now and at every change of its status, until CONFIRMED or CANCELLED")
    @SecurityRequirementsSet // without a token: a guest's
    @SecurityRequirementsSet(@SecurityRequirement(name = BEARER))
    @APIResponse(responseCode = "200", description = "Server-sent events, each the order as GET shows it",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "401", description = "An account's order and no (or a bad) bearer token")
    @APIResponse(responseCode = "404", description = "No such order, or another account's order")
    public Multi<OrderView> events(@PathParam("id") String id) {
        UUID orderId = uuid(id);
        find(orderId); // 404 before the stream starts
        return feed.follow(orderId);
    }

    /** The order, if the caller may see it; another account's order is answered as no order at all. */
    private Order find(UUID id) {
        return orders.find(id).filter(o -> callers.mayAccess(o.owner()))
                .orElseThrow(() -> ProblemException.notFound("order " + id));
    }

    /** A query parameter that must be a whole number in [min, max]; {@code absent} when not given. */
    private static int number(String name, String text, int absent, int min, int max) {
        if (text == null || text.isEmpty()) {
            return absent;
        }
        int value = NUMBER.matcher(text).matches() ? Integer.parseInt(text) : -1;
        if (value < min || value > max) {
            throw ProblemException.invalid(name, "must be a whole number from " + min + " to " + max);
        }
        return value;
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("id", "must be a UUID");
        }
    }
}

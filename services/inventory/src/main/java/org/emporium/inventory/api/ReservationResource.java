package org.emporium.inventory.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.emporium.inventory.domain.Reservation;
import org.emporium.inventory.domain.ReservationLine;
import org.emporium.inventory.domain.ReservationLines;
import org.emporium.inventory.domain.ReservationStatus;
import org.emporium.inventory.persistence.ReservationRepository;
import org.emporium.platform.auth.CallerContext;
import org.emporium.platform.defaults.ProblemException;

/**
 * Reservations are the checkout saga's business: every call needs a service's token (or an
 * admin's, for an operator releasing a stuck one); anyone else gets 401 or 403. A reservation's id
 * is its order's, and its lines are the order's: its owner sees them through orders, which checks
 * who owns the order.
 */
@Path("/api/inventory/reservations")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class ReservationResource {

    private final ReservationRepository reservations;
    private final Duration defaultTtl;
    private final Duration minTtl;
    private final Duration maxTtl;
    private final CallerContext caller;

    public ReservationResource(ReservationRepository reservations, CallerContext caller,
                               @ConfigProperty(name = "emporium.inventory.reservation-ttl") Duration defaultTtl,
                               @ConfigProperty(name = "emporium.inventory.reservation-ttl-min") Duration minTtl,
                               @ConfigProperty(name = "emporium.inventory.reservation-ttl-max") Duration maxTtl) {
        this.reservations = reservations;
        this.defaultTtl = defaultTtl;
        this.minTtl = minTtl;
        this.maxTtl = maxTtl;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reserve all lines or none; idempotent by the caller's reservation id (services and admins)")
    public Response reserve(@NotNull @Valid ReservationRequest request, @Context UriInfo uri) {
        caller.requireAdmin();
        List<ReservationLine> lines = ReservationLines.normalize(request.lines() == null ? null
                : request.lines().stream().map(ReservationResource::line).toList());
        Reservation r = reservations.reserve(request.id(), lines, ttl(request.ttlSeconds()));
        if (r.status() == ReservationStatus.REJECTED) {
            return InventoryProblems.InsufficientStock.of(r, uri);
        }
        return Response.created(uri.getAbsolutePathBuilder().path(r.id().toString()).build())
                .entity(ReservationView.of(r)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One reservation (services and admins)")
    public ReservationView get(@PathParam("id") String id) {
        caller.requireAdmin();
        UUID reservationId = uuid(id);
        return reservations.find(reservationId).map(ReservationView::of).orElseThrow(() -> unknown(reservationId));
    }

    @POST
    @Path("/{id}/commit")
    @Operation(summary = "Commit a reservation: its units leave the stock; idempotent (services and admins)")
    public ReservationView commit(@PathParam("id") String id) {
        caller.requireAdmin();
        UUID reservationId = uuid(id);
        return reservations.commit(reservationId).map(ReservationView::of).orElseThrow(() -> unknown(reservationId));
    }

    @POST
    @Path("/{id}/release")
    @Operation(summary = "Release a reservation: its units are available again; idempotent (services and admins)")
    public ReservationView release(@PathParam("id") String id) {
        caller.requireAdmin();
        UUID reservationId = uuid(id);
        return reservations.release(reservationId).map(ReservationView::of).orElseThrow(() -> unknown(reservationId));
    }

    private Duration ttl(Integer seconds) {
        if (seconds == null) {
            return defaultTtl;
        }
        Duration ttl = Duration.ofSeconds(seconds);
        if (ttl.compareTo(minTtl) < 0 || ttl.compareTo(maxTtl) > 0) {
            throw ProblemException.invalid("ttlSeconds", "must be between " + minTtl.toSeconds() + " and "
                    + maxTtl.toSeconds());
        }
        return ttl;
    }

    private static ReservationLine line(ReservationRequest.Line line) {
        // nulls become values the shared rules reject with a message naming the field
        return line == null ? null : new ReservationLine(line.sku(), line.quantity() == null ? 0 : line.quantity());
    }

    private static ProblemException unknown(UUID id) {
        return ProblemException.notFound("no reservation with id " + id);
    }

    private static UUID uuid(String id) {
        try {
            if (id.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("id", "must be a UUID");
        }
    }
}

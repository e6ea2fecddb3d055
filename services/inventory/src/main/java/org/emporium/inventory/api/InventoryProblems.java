package org.emporium.inventory.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.emporium.inventory.domain.InvalidReservation;
import org.emporium.inventory.domain.Reservation;
import org.emporium.inventory.domain.ReservationConflict;
import org.emporium.inventory.domain.Shortage;
import org.emporium.inventory.domain.StockBelowReserved;
import org.emporium.platform.defaults.Problem;
import org.emporium.platform.defaults.ProblemException;
import org.emporium.platform.defaults.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The domain's refusals as problem+json, in the shape and with the fields of every other error. */
public class InventoryProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response invalid(InvalidReservation e, UriInfo uri) {
        return problems.problem(ProblemException.invalid(e.field(), e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response conflict(ReservationConflict e, UriInfo uri) {
        return problems.problem(new ProblemException(Problem.of(409, "Conflict", e.getMessage())), uri);
    }

    @ServerExceptionMapper
    public Response belowReserved(StockBelowReserved e, UriInfo uri) {
        return problems.problem(new ProblemException(Problem.of(422, "Unprocessable stock level", e.getMessage())), uri);
    }

    /**
     * A rejected reservation: 422 with an extension member {@code shortages} (RFC 9457 allows
     * them), so a client can tell the shopper which items are short and by how much.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InsufficientStock(String type, String title, int status, String detail, String instance,
                                    String traceId, UUID reservationId, List<Shortage> shortages) {

        static Response of(Reservation rejected, UriInfo uri) {
            String detail = "not enough stock for " + rejected.shortages().stream()
                    .map(s -> s.reason() == Shortage.Reason.UNKNOWN_SKU
                            ? s.sku() + " (unknown SKU)"
                            : s.sku() + " (requested " + s.requested() + ", available " + s.available() + ")")
                    .collect(Collectors.joining(", "));
            String traceId = Span.current().getSpanContext().isValid()
                    ? Span.current().getSpanContext().getTraceId() : null;
            InsufficientStock body = new InsufficientStock("https://emporium.dev/problems/insufficient-stock",
                    "Insufficient stock", 422, detail, uri.getPath(), traceId, rejected.id(), rejected.shortages());
            return Response.status(422).type(Problem.MEDIA).entity(body).build();
        }
    }
}

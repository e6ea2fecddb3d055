package org.emporium.cart.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.emporium.cart.domain.CartClosed;
import org.emporium.cart.domain.CartRefusal;
import org.emporium.cart.domain.NotInCart;
import org.emporium.platform.defaults.Problem;
import org.emporium.platform.defaults.ProblemException;
import org.emporium.platform.defaults.ProblemMappers;
import org.emporium.platform.upstream.UpstreamUnavailableException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The cart's refusals as problem+json, in the shape and with the fields of every other error. */
public class CartProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response notFound(NotInCart e, UriInfo uri) {
        return problems.problem(ProblemException.notFound(e.getMessage()), uri);
    }

    /** A cart merged into its owner's cart at sign-in takes no more changes. */
    @ServerExceptionMapper
    public Response closed(CartClosed e, UriInfo uri) {
        return problems.problem(new ProblemException(Problem.of(409, "Cart closed", e.getMessage())), uri);
    }

    /** Well formed, but the cart cannot take it: 422, naming the field. */
    @ServerExceptionMapper
    public Response refused(CartRefusal e, UriInfo uri) {
        Problem problem = new Problem("about:blank", "Unprocessable change", 422, e.getMessage(), null, null,
                List.of(new Problem.FieldError(e.field(), e.getMessage())));
        return problems.problem(new ProblemException(problem), uri);
    }

    /** The catalog could not confirm a SKU being added: try again shortly. */
    @ServerExceptionMapper
    public Response unavailable(UpstreamUnavailableException e, UriInfo uri) {
        Response answer = problems.problem(new ProblemException(Problem.of(503, "Service unavailable",
                "the catalog cannot confirm the product right now; try again shortly")), uri);
        return Response.fromResponse(answer).header("Retry-After", "5").build();
    }
}

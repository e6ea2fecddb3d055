package org.emporium.payments.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.emporium.payments.domain.InvalidCard;
import org.emporium.platform.defaults.ProblemException;
import org.emporium.platform.defaults.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Invalid card details as a 400 problem naming the field; the value is never echoed. */
public class PaymentProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response invalidCard(InvalidCard e, UriInfo uri) {
        return problems.problem(ProblemException.invalid(e.field(), e.getMessage()), uri);
    }
}

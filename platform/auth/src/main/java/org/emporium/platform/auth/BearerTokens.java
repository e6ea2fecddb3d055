package org.emporium.platform.auth;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.emporium.platform.defaults.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Reads the bearer token of every request that has one. A present but bad token (tampered, expired,
 * another issuer or audience, not a JWT) is a 401 even where a token is optional: a client that
 * sends credentials must learn they failed, not be served as a guest.
 */
public class BearerTokens {

    private static final String BEARER = "bearer ";

    private final TokenVerifier verifier;
    private final CallerContext context;

    public BearerTokens(TokenVerifier verifier, CallerContext context) {
        this.verifier = verifier;
        this.context = context;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void authenticate(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return;
        }
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw AuthenticationRequired.invalid("the Authorization header must be 'Bearer <access token>'");
        }
        try {
            context.set(verifier.verify(header.substring(BEARER.length()).strip()));
        } catch (TokenVerifier.InvalidToken e) {
            throw AuthenticationRequired.invalid(e.getMessage());
        }
    }

    @ServerExceptionMapper
    public Response unauthorized(AuthenticationRequired e, UriInfo uri) {
        Problem problem = new Problem("about:blank", "Unauthorized", 401, e.getMessage(), uri.getPath(), null, null);
        return Response.status(401).type(Problem.MEDIA).header(HttpHeaders.WWW_AUTHENTICATE, e.challenge())
                .entity(problem).build();
    }
}

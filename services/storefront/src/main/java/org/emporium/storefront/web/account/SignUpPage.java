package org.emporium.storefront.web.account;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /signup?return=/path}: the same start as signing in ({@link AccountPages}), with
 * {@code prompt=create}, so the provider shows its registration page first (OpenID Connect
 * "Initiating User Registration"); the shopper comes back through the same callback, signed in.
 */
@Path("/signup")
public class SignUpPage {

    private final AccountPages signIn;

    SignUpPage(AccountPages signIn) {
        this.signIn = signIn;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> signup(@RestQuery("return") String returnPath) {
        return signIn.start(returnPath, true);
    }
}

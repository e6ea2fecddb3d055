package org.emporium.platform.defaults;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.Objects;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Sends a redirect within the service as a path ({@code Location: /cart}), never as an absolute URL
 * built from the request: JAX-RS resolves {@code Response.seeOther(URI.create("/cart"))} against the
 * request's {@code Host}, so {@code Host: evil.example} got {@code Location: http://evil.example/cart}
 * (issue 19). A path is what the browser resolves against the address it is on, behind the gateway
 * or not. Redirects to other origins (identity's sign-in) are left as they are.
 */
public class RelativeRedirects {

    @ServerResponseFilter
    public void relative(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        String relative = withinService(location.toString(), request.getUriInfo().getBaseUri());
        if (relative != null) {
            response.getHeaders().putSingle(HttpHeaders.LOCATION, relative);
        }
    }

    /** The location as a path, query and fragment when it points at the request's own origin; otherwise null. */
    static String withinService(String location, URI base) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!uri.isAbsolute() || !Objects.equals(uri.getScheme(), base.getScheme())
                || !Objects.equals(uri.getRawAuthority(), base.getRawAuthority())) {
            return null;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }
}

package org.emporium.storefront.images;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.emporium.storefront.client.Sku;

/** {@code /images/products/{sku}.svg}: the generated placeholder picture, cacheable for a day. */
@Path("/images/products")
public class ProductImageResource {

    static final String SVG = "image/svg+xml";

    @GET
    @Path("/{sku}.svg")
    @NonBlocking // pure computation: no reason to hop to a worker thread
    public Response image(@PathParam("sku") String sku) {
        if (!Sku.isValid(sku)) {
            throw new NotFoundException();
        }
        return Response.ok(PlaceholderImage.svg(sku), SVG)
                .header("Cache-Control", "public, max-age=86400")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}

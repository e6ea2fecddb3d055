package org.emporium.storefront.images;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.emporium.storefront.client.Sku;
import org.emporium.storefront.client.catalog.CatalogClient;
import org.emporium.storefront.client.catalog.Product;

/**
 * {@code /images/products/{sku}.svg}: the product's generated picture ({@link ProductPicture}), from
 * the product the catalog describes, read through the storefront's product cache (a product page's
 * own picture is a cache hit; a listing's pictures are one catalog call each, then browsers keep them
 * for a day). A SKU the catalog does not know, or while
 * it can't answer, gets the SKU's placeholder, cached for a minute only so the real picture follows.
 */
@Path("/images/products")
public class ProductImageResource {

    static final String SVG = "image/svg+xml";

    private final CatalogClient catalog;

    ProductImageResource(CatalogClient catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/{sku}.svg")
    public Uni<Response> image(@PathParam("sku") String sku) {
        if (!Sku.isValid(sku)) {
            throw new NotFoundException();
        }
        return catalog.product(sku)
                .onFailure().recoverWithItem(Optional.<Product>empty())
                .map(found -> found.map(product -> picture(ProductPicture.svg(product), 86_400))
                        .orElseGet(() -> picture(PlaceholderImage.svg(sku), 60)));
    }

    private static Response picture(String svg, int maxAgeSeconds) {
        return Response.ok(svg, SVG)
                .header("Cache-Control", "public, max-age=" + maxAgeSeconds)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}

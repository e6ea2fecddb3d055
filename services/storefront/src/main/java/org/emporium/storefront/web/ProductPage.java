package org.emporium.storefront.web;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.emporium.storefront.client.CatalogClient;
import org.emporium.storefront.client.Category;
import org.emporium.storefront.client.Product;
import org.emporium.storefront.client.Sku;

/** {@code /p/{sku}}: one product with its picture, price, description and specifications. */
@Path("/p")
public class ProductPage {

    private final CatalogClient catalog;
    private final PageFrames frames;

    ProductPage(CatalogClient catalog, PageFrames frames) {
        this.catalog = catalog;
        this.frames = frames;
    }

    @GET
    @Path("/{sku}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> product(@PathParam("sku") String sku) {
        if (!Sku.isValid(sku)) {
            throw new PageNotFoundException();
        }
        // the product is what the visitor came for; without the category list only the nav and
        // the breadcrumb's label suffer, so that failure must not cost the whole page
        Uni<List<Category>> categories = catalog.categories().onFailure().recoverWithItem(List.of());
        return Uni.combine().all().unis(categories, catalog.product(sku)).asTuple()
                .map(t -> {
                    Product product = t.getItem2().orElseThrow(PageNotFoundException::new);
                    return Templates.product(frames.frame(product.name(), t.getItem1(), product.category()),
                            ProductDetails.of(product, t.getItem1()));
                })
                .flatMap(TemplateInstance::createUni);
    }
}

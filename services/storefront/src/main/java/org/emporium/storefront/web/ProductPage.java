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
import org.emporium.storefront.client.InventoryClient;
import org.emporium.storefront.client.Product;
import org.emporium.storefront.client.Sku;

/** {@code /p/{sku}}: one product with its picture, price, stock, add-to-cart form, description and specifications. */
@Path("/p")
public class ProductPage {

    private final CatalogClient catalog;
    private final PageFrames frames;
    private final InventoryClient inventory;

    ProductPage(CatalogClient catalog, PageFrames frames, InventoryClient inventory) {
        this.catalog = catalog;
        this.frames = frames;
        this.inventory = inventory;
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
        // stock is asked at the same time; it never fails (unknown stock shows nothing)
        return Uni.combine().all().unis(categories, catalog.product(sku), inventory.available(sku)).asTuple()
                .map(t -> {
                    Product product = t.getItem2().orElseThrow(PageNotFoundException::new);
                    return Templates.product(frames.frame(product.name(), t.getItem1(), product.category()),
                            ProductDetails.of(product, t.getItem1(), Availability.of(t.getItem3())));
                })
                .flatMap(TemplateInstance::createUni);
    }
}

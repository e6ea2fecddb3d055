package org.emporium.storefront.web;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.emporium.storefront.client.CatalogClient;
import org.emporium.storefront.client.ProductQuery;

/** {@code /}: hero, the categories as cards, and the newest products. */
@Path("/")
public class HomePage {

    static final ProductQuery FEATURED = new ProductQuery(null, 0, 8, SortOrder.NEWEST.param());

    private final CatalogClient catalog;
    private final PageFrames frames;

    HomePage(CatalogClient catalog, PageFrames frames) {
        this.catalog = catalog;
        this.frames = frames;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> home() {
        return Uni.combine().all().unis(catalog.categories(), catalog.products(FEATURED)).asTuple()
                .map(t -> Templates.home(frames.frame(null, t.getItem1(), null),
                        t.getItem1().stream().map(CategoryCard::of).toList(),
                        t.getItem2().items().stream().map(ProductCard::of).toList()))
                .flatMap(TemplateInstance::createUni);
    }
}

package org.emporium.storefront.web.catalog;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.emporium.storefront.client.catalog.CatalogClient;
import org.emporium.storefront.client.catalog.ProductQuery;
import org.emporium.storefront.client.recommendations.RecommendationsClient;
import org.emporium.storefront.web.cart.CartCookie;
import org.emporium.storefront.web.layout.PageFrames;
import org.emporium.storefront.web.session.ShopperCookie;
import org.jboss.resteasy.reactive.RestCookie;

/** {@code /}: hero, "Recommended for you", the categories as cards, and the newest products. */
@Path("/")
public class HomePage {

    static final ProductQuery FEATURED = new ProductQuery(null, 0, 8, SortOrder.NEWEST.param());

    private final CatalogClient catalog;
    private final PageFrames frames;
    private final RecommendationsClient recommendations;

    HomePage(CatalogClient catalog, PageFrames frames, RecommendationsClient recommendations) {
        this.catalog = catalog;
        this.frames = frames;
        this.recommendations = recommendations;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> home(@RestCookie(CartCookie.NAME) String cartCookie) {
        // recommendations are asked together with the catalog and never fail (no section instead)
        return Uni.combine().all().unis(catalog.categories(), catalog.products(FEATURED),
                        recommendations.recommendedFor(ShopperCookie.current(), CartCookie.id(cartCookie))).asTuple()
                .map(t -> Templates.home(frames.frame(null, t.getItem1(), null),
                        t.getItem1().stream().map(CategoryCard::of).toList(),
                        t.getItem2().items().stream().map(ProductCard::of).toList(),
                        RecommendationCard.of(t.getItem3(), t.getItem1(), null)))
                .flatMap(TemplateInstance::createUni);
    }
}

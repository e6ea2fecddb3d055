package org.emporium.storefront.web.catalog;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.emporium.storefront.behaviour.BehaviourEvents;
import org.emporium.storefront.client.Sku;
import org.emporium.storefront.client.catalog.CatalogClient;
import org.emporium.storefront.client.catalog.Category;
import org.emporium.storefront.client.catalog.Product;
import org.emporium.storefront.client.inventory.InventoryClient;
import org.emporium.storefront.client.recommendations.RecommendationsClient;
import org.emporium.storefront.web.cart.CartCookie;
import org.emporium.storefront.web.layout.Fragments;
import org.emporium.storefront.web.layout.PageFrames;
import org.emporium.storefront.web.layout.PageNotFoundException;
import org.emporium.storefront.web.session.ShopperCookie;
import org.jboss.resteasy.reactive.RestCookie;

/**
 * {@code /p/{sku}}: one product with its picture, price, stock, add-to-cart form, description,
 * specifications and "Customers also bought". Each view is published as {@code ProductViewed}
 * (best effort, never awaited).
 */
@Path("/p")
public class ProductPage {

    private final CatalogClient catalog;
    private final PageFrames frames;
    private final InventoryClient inventory;
    private final RecommendationsClient recommendations;
    private final BehaviourEvents behaviour;
    private final Fragments fragments;
    private final Template article;
    private final Template recommendationRow;

    ProductPage(CatalogClient catalog, PageFrames frames, InventoryClient inventory,
                RecommendationsClient recommendations, BehaviourEvents behaviour, Fragments fragments,
                @Location("fragments/productArticle") Template article,
                @Location("tags/recommendations") Template recommendationRow) {
        this.catalog = catalog;
        this.frames = frames;
        this.inventory = inventory;
        this.recommendations = recommendations;
        this.behaviour = behaviour;
        this.fragments = fragments;
        this.article = article;
        this.recommendationRow = recommendationRow;
    }

    @GET
    @Path("/{sku}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> product(@PathParam("sku") String sku, @RestCookie(CartCookie.NAME) String cartCookie) {
        if (!Sku.isValid(sku)) {
            throw new PageNotFoundException();
        }
        String cartId = CartCookie.id(cartCookie);
        String shopperId = ShopperCookie.current();
        // the product is what the visitor came for; without the category list only the nav and
        // the breadcrumb's label suffer, so that failure must not cost the whole page
        Uni<List<Category>> categories = catalog.categories().onFailure().recoverWithItem(List.of());
        // stock and recommendations are asked at the same time; neither ever fails (nothing is
        // shown instead), and recommendations give up after 250 ms, so they never hold the page
        return Uni.combine().all().unis(categories, catalog.product(sku), inventory.available(sku),
                        recommendations.alsoBought(sku, cartId)).asTuple()
                .map(t -> {
                    Product product = t.getItem2().orElseThrow(PageNotFoundException::new);
                    behaviour.productViewed(shopperId, cartId, sku, BehaviourEvents.WEB);
                    ProductDetails details = ProductDetails.of(product, t.getItem1(), Availability.of(t.getItem3()));
                    List<RecommendationCard> alsoBought = RecommendationCard.of(t.getItem4(), t.getItem1(), sku);
                    return Templates.product(frames.frame(product.name(), t.getItem1(), product.category()),
                            fragments.render(article, Map.of("product", details)),
                            alsoBought.isEmpty() ? null : fragments.render(recommendationRow, Map.of("id", "also-bought",
                                    "title", "Customers also bought", "cards", alsoBought)));
                })
                .flatMap(TemplateInstance::createUni);
    }
}

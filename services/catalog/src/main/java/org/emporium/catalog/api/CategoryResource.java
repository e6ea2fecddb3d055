package org.emporium.catalog.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.emporium.catalog.persistence.ProductRepository;

@Path("/api/catalog/categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {

    private final ProductRepository products;

    public CategoryResource(ProductRepository products) {
        this.products = products;
    }

    @GET
    @Operation(summary = "All categories, with the number of products in each")
    public CategoryList categories() {
        return new CategoryList(products.categories());
    }
}

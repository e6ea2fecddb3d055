package org.emporium.recommendations.domain;

/** Why an item is recommended. */
public enum Reason {
    /** The strongest pair behind it was bought together in confirmed orders. */
    BOUGHT_TOGETHER("bought-together"),
    /** Shoppers who interacted with the subject (or the shopper's recent items) also interacted with it. */
    SIMILAR_TO_VIEWED("similar-to-viewed"),
    /**
     * Filler when what shoppers did says too little about a product: a product like it by its catalog
     * data (same category first, then same brand, then shared attribute values).
     */
    SIMILAR_PRODUCT("similar-product"),
    /** Last filler: among the most popular items of a relevant category, or of the whole shop. */
    POPULAR_IN_CATEGORY("popular-in-category");

    private final String slug;

    Reason(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}

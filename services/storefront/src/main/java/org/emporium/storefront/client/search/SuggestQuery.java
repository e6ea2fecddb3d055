package org.emporium.storefront.client.search;

/** What the search box asks suggestions for: the typed prefix (whitespace collapsed) and how many. */
public record SuggestQuery(String prefix, int size) {

    public SuggestQuery {
        prefix = prefix == null ? "" : prefix.strip().replaceAll("\\s+", " ");
    }
}

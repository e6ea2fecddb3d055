/** The Lucene index of products and everything that reads it: queries, facets, snippets, suggestions. Plain Java. */
package org.emporium.search.index;

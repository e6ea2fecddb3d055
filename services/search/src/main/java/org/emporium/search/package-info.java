/** The search service: a Lucene read model of the catalog, fed by catalog events, served over HTTP. */
package org.emporium.search;

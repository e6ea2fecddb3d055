/** Searching: the results page with its facets and links, the search box's suggestions and the snippet sanitizer. */
package org.emporium.storefront.web.search;

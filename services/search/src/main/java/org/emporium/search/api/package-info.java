/** HTTP resources, parameter parsing and response bodies of the search API. */
package org.emporium.search.api;

/** The search API: results and suggestions, cached, under a fault tolerance policy. */
package org.emporium.storefront.client.search;

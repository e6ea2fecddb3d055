/** The storefront: the server-rendered web shop (Qute + htmx) in front of the catalog API. */
package org.emporium.storefront;

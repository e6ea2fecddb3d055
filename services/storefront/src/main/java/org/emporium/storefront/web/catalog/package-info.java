/** Browsing: the home page, category listings and the product page, with the product cards every grid shows. */
package org.emporium.storefront.web.catalog;

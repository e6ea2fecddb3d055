/** What every page shares: the page frame (header, nav, mini-cart, account), price and pagination formats, htmx headers and the error pages. */
package org.emporium.storefront.web.layout;

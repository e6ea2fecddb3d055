/** The cart: its page and htmx answers, the cart cookie and the header's mini-cart count. */
package org.emporium.storefront.web.cart;

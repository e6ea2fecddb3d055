/** Checking out: the checkout form and the order page with its live status relay and polling fallback. */
package org.emporium.storefront.web.checkout;

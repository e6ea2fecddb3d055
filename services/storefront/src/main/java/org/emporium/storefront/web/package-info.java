/** Page resources, the view models the Qute templates render, and the HTML error pages. */
package org.emporium.storefront.web;

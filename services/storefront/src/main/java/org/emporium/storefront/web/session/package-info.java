/** Who is shopping: the sealed session and shopper cookies, the request's session context and the same-origin check. */
package org.emporium.storefront.web.session;

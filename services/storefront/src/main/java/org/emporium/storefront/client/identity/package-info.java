/** The OpenID provider: discovery, the authorization code exchange, refresh and ID token checks. */
package org.emporium.storefront.client.identity;

/**
 * Who is calling: {@link org.emporium.platform.auth.BearerTokens} verifies the bearer access
 * token of every request that carries one (a bad token is a 401, never ignored); resources ask
 * {@link org.emporium.platform.auth.CallerContext} for the caller and decide by owner or role.
 * A request without a token is anonymous: guest carts and orders stay reachable by their ids.
 */
package org.emporium.platform.auth;

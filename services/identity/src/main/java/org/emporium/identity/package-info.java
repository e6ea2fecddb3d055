/**
 * Accounts and the OpenID Connect provider: registration, login with throttling, OAuth2 clients,
 * signed JWTs and the JWKS. Spring Authorization Server does the protocol; code exists only where
 * configuration cannot say it.
 */
package org.emporium.identity;

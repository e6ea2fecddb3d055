/** Who may pass: bearer access tokens verified at the edge, before any service sees the request. */
package org.emporium.gateway.security;

/** Limits the gateway enforces on inbound requests before they reach any service. */
package org.emporium.gateway.limits;

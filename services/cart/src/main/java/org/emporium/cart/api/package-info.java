/** HTTP resources, request and response bodies, and the mapping of refusals to problem+json. */
package org.emporium.cart.api;

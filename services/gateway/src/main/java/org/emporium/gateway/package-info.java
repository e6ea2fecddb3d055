/** The Emporium gateway: the single entry point that routes browser and API traffic to the services. */
package org.emporium.gateway;

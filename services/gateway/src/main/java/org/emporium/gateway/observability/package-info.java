/** What the gateway adds to Spring Boot's logs, traces and metrics: the access log and less noise. */
package org.emporium.gateway.observability;

/** HTTP resources: placing an order, reading it, its live status (SSE), my orders; bodies and error mapping. */
package org.emporium.orders.api;

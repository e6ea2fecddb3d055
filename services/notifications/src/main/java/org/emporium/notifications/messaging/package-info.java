/** The orders' events, consumed from orders.order.v1 and turned into notifications to send. */
package org.emporium.notifications.messaging;

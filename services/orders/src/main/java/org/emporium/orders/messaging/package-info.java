/** The saga's messages on Kafka: the commands and events it sends (contracts), the replies it reads. */
package org.emporium.orders.messaging;

/** Kafka → model: the CloudEvent parser and the group-less consumer that replays the input topics. */
package org.emporium.recommendations.messaging;

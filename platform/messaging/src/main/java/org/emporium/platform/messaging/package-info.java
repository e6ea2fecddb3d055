/** Kafka plumbing shared by every service: the CloudEvents envelope, the consumer-group loop and the replay consumer. */
package org.emporium.platform.messaging;

/**
 * A transactional outbox: {@link org.emporium.platform.outbox.Outbox#append} writes an event in the
 * caller's transaction; {@link org.emporium.platform.outbox.OutboxRelay} publishes committed events
 * to Kafka, in order per key, at least once, and deletes them. Holds no domain types: services pass
 * their own event data.
 */
package org.emporium.platform.outbox;

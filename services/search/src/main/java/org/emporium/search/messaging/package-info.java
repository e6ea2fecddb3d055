/** Reads catalog and inventory events from Kafka into the index, keeping the topic offsets inside the index's commits. */
package org.emporium.search.messaging;

/** Kafka → model: maps the input topics' events to the model's, fed by the platform's replay consumer. */
package org.emporium.recommendations.messaging;

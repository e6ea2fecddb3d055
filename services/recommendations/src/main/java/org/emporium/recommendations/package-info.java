/** The recommendations service: an in-memory model of the shop's events, replayed from Kafka, served over HTTP. */
package org.emporium.recommendations;

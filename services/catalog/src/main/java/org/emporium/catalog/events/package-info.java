/**
 * The catalog's published events (contracts/events/catalog.*.json) and how products become them.
 * They travel through the outbox, so each commits with the change it describes.
 */
package org.emporium.catalog.events;

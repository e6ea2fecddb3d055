/**
 * What shoppers do, published for the recommendations service: the shopper id and the
 * best-effort {@code ProductViewed} events on Kafka (never holding up a page).
 */
package org.emporium.storefront.behaviour;

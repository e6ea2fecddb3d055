/** The cart's events on cart.cart.v1 and their payloads. */
package org.emporium.cart.events;

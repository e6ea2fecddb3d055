/** The cart's rules in plain Java: limits, identifiers, what a change does to a line. */
package org.emporium.cart.domain;

/** Carts in Postgres with plain JDBC: every change locks the cart row and appends its event. */
package org.emporium.cart.persistence;

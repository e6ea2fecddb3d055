/** The rules of stock and reservations, in plain Java: no framework, no persistence. */
package org.emporium.inventory.domain;

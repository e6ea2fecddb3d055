/** Inventory: stock per SKU and the reservations that hold it for checkouts. */
package org.emporium.inventory;

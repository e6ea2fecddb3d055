/** Inventory's events on inventory.stock.v1: the contract's data records and their keys. */
package org.emporium.inventory.events;

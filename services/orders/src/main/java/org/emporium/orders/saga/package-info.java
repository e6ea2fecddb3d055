/** The checkout saga at run time: each step one transaction (lock, decide, store, outbox); its settings, deadlines and cart clearing. */
package org.emporium.orders.saga;

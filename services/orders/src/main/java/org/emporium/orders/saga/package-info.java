/** The checkout saga at run time: each step one transaction (lock, decide, store, outbox), its settings and deadlines. */
package org.emporium.orders.saga;

/** The payments service: the payment ledger of the store, a participant of the checkout saga. */
package org.emporium.payments;

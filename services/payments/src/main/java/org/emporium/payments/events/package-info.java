/** Payments' replies to the checkout saga on payments.payment.v1, as the contracts define them. */
package org.emporium.payments.events;

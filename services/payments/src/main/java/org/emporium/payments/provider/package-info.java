/** Adapters of the PaymentProvider port: a simulated card processor in test mode. */
package org.emporium.payments.provider;

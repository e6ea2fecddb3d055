/** The use cases — authorize, capture, void, refund — and the work that runs them off the consumer thread. */
package org.emporium.payments.processing;

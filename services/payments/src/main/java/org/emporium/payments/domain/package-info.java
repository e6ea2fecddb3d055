/** The rules of cards, money and a payment's life, and the provider port; plain Java, no framework. */
package org.emporium.payments.domain;

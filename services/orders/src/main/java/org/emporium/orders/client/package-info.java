/** The synchronous calls around checkout, to the cart and to card tokenization, under one fault tolerance policy. */
package org.emporium.orders.client;

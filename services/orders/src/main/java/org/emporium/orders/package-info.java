/** Orders: the order and the checkout saga that sells it or undoes what it did. */
package org.emporium.orders;

/** Cart: the anonymous shopper's cart, priced from the catalog at the time it is shown. */
package org.emporium.cart;

/** End-to-end journeys: the whole system as a shopper, an operator and a browser see it. */
package org.emporium.e2e;

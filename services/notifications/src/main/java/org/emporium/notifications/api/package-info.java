/** The admin API: which emails were sent about an order. */
package org.emporium.notifications.api;

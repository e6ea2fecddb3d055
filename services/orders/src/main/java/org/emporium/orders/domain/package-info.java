/** The order and the checkout saga as plain Java: its steps, the replies it waits for, its decisions; no framework. */
package org.emporium.orders.domain;

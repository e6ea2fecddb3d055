/** Orders, their lines, step history and idempotency keys in PostgreSQL: plain JDBC, SQL only. */
package org.emporium.orders.persistence;

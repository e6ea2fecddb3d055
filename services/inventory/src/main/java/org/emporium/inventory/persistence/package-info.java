/** Stock and reservations in PostgreSQL with plain JDBC; migrations, new products' initial stock and the expiry job. */
package org.emporium.inventory.persistence;

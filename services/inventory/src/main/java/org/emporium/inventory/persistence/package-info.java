/** Stock and reservations in PostgreSQL with plain JDBC; migrations, seeding and the expiry job. */
package org.emporium.inventory.persistence;

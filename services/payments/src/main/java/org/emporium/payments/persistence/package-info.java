/** Payments and their ledger in PostgreSQL (plain JDBC, Flyway), each change one transaction with its event. */
package org.emporium.payments.persistence;

/** JDBC access to the catalog database, and the first-start seeding. */
package org.emporium.catalog.persistence;

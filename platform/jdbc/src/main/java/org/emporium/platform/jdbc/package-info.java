/** Plain JDBC for Quarkus services on Postgres: the schema migration at startup and one local transaction around a piece of work. */
package org.emporium.platform.jdbc;

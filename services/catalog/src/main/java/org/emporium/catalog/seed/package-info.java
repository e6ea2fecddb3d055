/** A fixed, generated product catalog for local development, demos and load tests: same data on every run. */
package org.emporium.catalog.seed;

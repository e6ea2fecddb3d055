/** The catalog: products, categories and prices. A flat service: its job is simple. */
package org.emporium.catalog;

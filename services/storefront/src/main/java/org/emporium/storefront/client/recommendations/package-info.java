/** The recommendations API: "customers also bought" and "recommended for you", bounded tightly so a page never waits on it. */
package org.emporium.storefront.client.recommendations;

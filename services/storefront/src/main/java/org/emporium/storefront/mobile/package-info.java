/**
 * The mobile app's backend-for-frontend: one JSON answer per screen, assembled from the catalog,
 * inventory and recommendations in parallel under one deadline.
 */
package org.emporium.storefront.mobile;

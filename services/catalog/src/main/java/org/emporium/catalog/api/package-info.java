/** HTTP resources and request bodies of the catalog API; writes need an admin bearer token (platform/auth). */
package org.emporium.catalog.api;

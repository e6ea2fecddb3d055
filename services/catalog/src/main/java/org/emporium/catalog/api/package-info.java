/** HTTP resources, request bodies and the admin-key guard of the catalog API. */
package org.emporium.catalog.api;

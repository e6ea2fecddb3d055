/** HTTP resources, request and response bodies, error mapping and the admin-key guard. */
package org.emporium.inventory.api;

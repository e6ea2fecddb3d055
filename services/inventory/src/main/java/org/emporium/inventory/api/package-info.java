/** HTTP resources, request and response bodies, error mapping; stock writes need an admin bearer token (platform/auth). */
package org.emporium.inventory.api;

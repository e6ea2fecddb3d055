/** What inventory consumes: the checkout saga's commands (inventory.commands.v1) and the catalog's products (catalog.product.v1). */
package org.emporium.inventory.messaging;

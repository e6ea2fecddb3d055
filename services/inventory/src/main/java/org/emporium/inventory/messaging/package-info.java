/** The checkout saga's commands, consumed from inventory.commands.v1. */
package org.emporium.inventory.messaging;

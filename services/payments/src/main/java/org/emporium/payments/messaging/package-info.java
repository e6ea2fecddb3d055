/** The checkout saga's commands, consumed from payments.commands.v1. */
package org.emporium.payments.messaging;

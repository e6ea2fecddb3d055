/** The REST API: card tokenization, and the admin's view of payments and their ledger. */
package org.emporium.payments.api;

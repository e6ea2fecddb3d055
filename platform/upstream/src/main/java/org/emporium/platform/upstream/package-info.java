/** Calling another service: its failures in one shape (not found, rejected, unavailable) and how transport failures are sorted into them. */
package org.emporium.platform.upstream;

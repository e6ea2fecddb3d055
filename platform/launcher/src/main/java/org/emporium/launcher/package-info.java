/** The launcher: starts Emporium's infrastructure and services as real processes and watches them. */
package org.emporium.launcher;

/** Real servers for integration tests, started embedded from Maven artifacts. */
package org.emporium.platform.testing;

/** Cross-cutting defaults every Emporium Quarkus service gets by depending on this module. */
package org.emporium.platform.defaults;

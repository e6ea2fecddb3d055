package org.emporium.cart;

import org.emporium.platform.testing.ServiceArchitecture;

/** The domain stays plain Java and nothing reaches back into the API: the rules every service keeps. */
class ArchitectureTest extends ServiceArchitecture {

    ArchitectureTest() {
        super("org.emporium.cart");
    }
}

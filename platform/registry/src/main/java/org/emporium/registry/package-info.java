/** The local service registry (Eureka): the launcher writes instances into it, clients read them. */
package org.emporium.registry;

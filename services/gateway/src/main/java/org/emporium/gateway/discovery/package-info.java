/**
 * Where {@code lb://} routes find their instances: Eureka locally, switched on by the registry's URL
 * ({@link org.emporium.gateway.discovery.RegistryDiscovery}); the settings are in application.yml.
 */
package org.emporium.gateway.discovery;

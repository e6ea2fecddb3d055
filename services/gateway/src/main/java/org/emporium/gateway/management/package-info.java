/**
 * The actuator off the public port: metrics, health details and info answer on the management port
 * only ({@link org.emporium.gateway.management.ManagementPort}); the public port keeps just the two
 * probes the launcher, Podman and the kubelet poll ({@link org.emporium.gateway.management.PublicProbes}).
 */
package org.emporium.gateway.management;

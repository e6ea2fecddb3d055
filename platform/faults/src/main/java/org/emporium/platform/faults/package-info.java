/**
 * Runtime faults (ADR 0013): the flag file {@code ./emporium chaos} writes ({@link org.emporium.platform.faults.FlagFile}),
 * what it asks of a service ({@link org.emporium.platform.faults.Faults}), and a service's watch of it through
 * OpenFeature ({@link org.emporium.platform.faults.FaultFlags}).
 */
package org.emporium.platform.faults;

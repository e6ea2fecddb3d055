/**
 * Chaos tests: real processes from the launcher's topology, broken on purpose (Kafka stopped,
 * services killed with SIGKILL), and the invariants that must survive it.
 */
package org.emporium.chaos;

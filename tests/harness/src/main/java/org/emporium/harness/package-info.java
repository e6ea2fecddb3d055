/** What the end-to-end and chaos tests share to reach the system they started: ports, HTTP, tokens, deadlines. */
package org.emporium.harness;

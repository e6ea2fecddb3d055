/** Every answer the gateway itself makes up, success aside, is an RFC 9457 problem+json document. */
package org.emporium.gateway.problem;

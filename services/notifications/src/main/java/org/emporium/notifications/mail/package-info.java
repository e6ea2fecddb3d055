/** Sending over SMTP (Jakarta Mail): the sender worker, its retries, and what it reports. */
package org.emporium.notifications.mail;

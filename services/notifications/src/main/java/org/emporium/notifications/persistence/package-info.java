/** The notification table: insert once per event, lock what is due, record the outcome of a send. */
package org.emporium.notifications.persistence;

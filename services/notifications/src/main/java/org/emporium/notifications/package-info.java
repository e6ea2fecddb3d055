/** Notifications: emails the shopper about their order, once per event, over real SMTP. */
package org.emporium.notifications;

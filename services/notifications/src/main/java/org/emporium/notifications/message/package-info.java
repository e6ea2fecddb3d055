/** What an email says: the order as the events describe it, the reasons in words, the Qute templates. */
package org.emporium.notifications.message;

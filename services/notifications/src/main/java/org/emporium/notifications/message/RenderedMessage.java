package org.emporium.notifications.message;

/** An email ready to send: the subject and the same content as plain text and as HTML. */
public record RenderedMessage(String subject, String text, String html) {
}

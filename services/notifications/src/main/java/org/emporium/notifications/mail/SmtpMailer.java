package org.emporium.notifications.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.notifications.message.RenderedMessage;

/**
 * Builds and sends the emails over SMTP with Jakarta Mail (Angus), blocking, so a send completes
 * or fails inside the database transaction that holds the notification's lock. Every message is
 * multipart/alternative (plain text, then HTML: clients show the last part they can), and its
 * Message-ID is derived from the event id, so a message sent twice is recognisably the same one.
 */
@ApplicationScoped
public class SmtpMailer {

    private final Session session;
    private final InternetAddress from;
    private final String messageIdDomain;
    private final String server;

    public SmtpMailer(@ConfigProperty(name = "emporium.notifications.smtp.host") String host,
                      @ConfigProperty(name = "emporium.notifications.smtp.port") int port,
                      @ConfigProperty(name = "emporium.notifications.smtp.from") String from,
                      @ConfigProperty(name = "emporium.notifications.smtp.connect-timeout") Duration connectTimeout,
                      @ConfigProperty(name = "emporium.notifications.smtp.read-timeout") Duration readTimeout,
                      @ConfigProperty(name = "emporium.notifications.smtp.message-id-domain") String messageIdDomain) {
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("emporium.notifications.smtp.from is not an address: " + from, e);
        }
        this.messageIdDomain = messageIdDomain;
        this.server = host + ":" + port;
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.connectiontimeout", Long.toString(connectTimeout.toMillis()));
        p.put("mail.smtp.timeout", Long.toString(readTimeout.toMillis()));
        p.put("mail.smtp.writetimeout", Long.toString(readTimeout.toMillis()));
        p.put("mail.smtp.from", this.from.getAddress());
        // the EHLO name: without it Jakarta Mail resolves the local host name, which can be slow
        p.put("mail.smtp.localhost", messageIdDomain);
        this.session = Session.getInstance(p);
    }

    /** Where mail goes, for log lines. */
    public String server() {
        return server;
    }

    /** The Message-ID of the email for an event: the same on every attempt. */
    public String messageId(UUID eventId) {
        return "<" + eventId + "@" + messageIdDomain + ">";
    }

    /** Connects to the SMTP server; one connection serves several messages. */
    public Transport connect() throws MessagingException {
        Transport transport = session.getTransport("smtp");
        transport.connect();
        return transport;
    }

    /** Sends one email on an open connection; returns its Message-ID once the server accepted it. */
    public String send(Transport transport, UUID eventId, String recipient, RenderedMessage content)
            throws MessagingException {
        String messageId = messageId(eventId);
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
        message.setSubject(content.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        // RFC 3834: no vacation auto-replies to a machine
        message.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(content.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(content.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        transport.sendMessage(message, message.getAllRecipients());
        return messageId;
    }

    /**
     * True when the server refused the message for good (a 5xx reply for the message or the
     * recipient): retrying the same message cannot succeed. Everything else — no connection, a
     * timeout, a 4xx — is worth retrying.
     */
    public static boolean permanent(MessagingException e) {
        if (e instanceof SMTPSendFailedException s) {
            return s.getReturnCode() >= 500 && s.getReturnCode() < 600;
        }
        if (e instanceof SendFailedException s) {
            return s.getInvalidAddresses() != null && s.getInvalidAddresses().length > 0
                    && (s.getValidUnsentAddresses() == null || s.getValidUnsentAddresses().length == 0);
        }
        return false;
    }
}

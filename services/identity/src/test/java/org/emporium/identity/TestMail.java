package org.emporium.identity;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * One real SMTP server (GreenMail) per test JVM on a free port, started on first use, as
 * {@link TestDatabase} is for PostgreSQL. It keeps every mail it receives; tests tell theirs apart by
 * their unique recipient.
 */
public final class TestMail {

    /** How long a mail may take to arrive: it is sent after the answer, on a thread of its own. */
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private static GreenMail server;

    private TestMail() {
    }

    /** Spring's settings that point identity at this server. */
    public static synchronized Map<String, String> settings() {
        return Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", Integer.toString(server().getSmtp().getPort()));
    }

    /** A received mail, reduced to what the tests look at. */
    public record Mail(String from, String subject, String body) {
    }

    /** Waits (polling, up to a deadline) until {@code count} mails to {@code address} have arrived, and returns them. */
    public static List<Mail> await(String address, int count) {
        return Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                .until(() -> to(address), mails -> mails.size() >= count);
    }

    /** The mails received so far for {@code address}. */
    public static synchronized List<Mail> to(String address) {
        // GreenMail matches the text given against each message's recipients, case-insensitively: with the
        // tests' unique addresses, a whole address finds exactly its own mails
        return Arrays.stream(server().getReceivedMessagesForDomain(address)).map(TestMail::mail).toList();
    }

    private static GreenMail server() {
        if (server == null) {
            // a port the system picks (getSmtp().getPort() tells it once started)
            GreenMail started = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
            server = started;
        }
        return server;
    }

    private static Mail mail(MimeMessage message) {
        try {
            return new Mail(((InternetAddress) message.getFrom()[0]).getAddress(), message.getSubject(),
                    message.getContent().toString());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

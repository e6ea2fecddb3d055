package org.emporium.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a free port for the integration tests, which keeps what it
 * receives. Tests stop and start it to play an outage; it comes back on the same port.
 */
public class GreenMailTestResource implements QuarkusTestResourceLifecycleManager {

    private static ServerSetup setup;
    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        startServer();
        return Map.of("emporium.notifications.smtp.host", "127.0.0.1",
                "emporium.notifications.smtp.port", Integer.toString(port));
    }

    @Override
    public void stop() {
        stopServer();
    }

    /** Starts the server (again), empty. */
    public static synchronized void startServer() {
        if (server == null) {
            server = new GreenMail(setup);
            server.start();
        }
    }

    /** Stops the server: connections are refused until {@link #startServer()}. */
    public static synchronized void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** The messages received for this address since the server last started. */
    public static synchronized List<MimeMessage> messagesTo(String address) {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).filter(m -> addressedTo(m, address)).toList();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            return message.getAllRecipients() != null && Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> a instanceof InternetAddress i && address.equalsIgnoreCase(i.getAddress()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

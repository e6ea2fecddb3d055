package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local mail server, started as the launcher starts it ({@link Processes#mailFlags}, GreenMail
 * with a bounded store), keeps only the newest mails across every mailbox, and drops a mailbox
 * once none of its mails is left.
 */
class MailServerTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void keepsTheNewestMailsOfAllMailboxesAndDropsEmptiedMailboxes(@TempDir Path dir) throws Exception {
        int bound = 30;
        int smtp = ProcessComponent.freePort();
        int api = ProcessComponent.freePort();
        start(dir, smtp, api, bound);

        // 100 mails, more than three times the bound: first to ten shoppers in turn, the last 20 to one
        List<String> sent = new ArrayList<>();
        try (Smtp session = new Smtp(smtp)) {
            for (int i = 0; i < 100; i++) {
                String to = i < 80 ? "shopper-" + (i % 10) + "@example.com" : "last@example.com";
                session.send(to, "mail " + i);
                sent.add(to + " mail " + i);
            }
        }

        List<String> newest = sent.subList(sent.size() - bound, sent.size());
        await(Duration.ofSeconds(20), () -> stored(api).equals(newest));
        assertThat(stored(api)).as("the newest %d, oldest first", bound).containsExactlyElementsOf(newest);
        // mails 70..79 went to shoppers 0..9, one each: all ten mailboxes stay; none of 0..69's are left
        List<String> mailboxes = new ArrayList<>(List.of("last@example.com"));
        IntStream.range(0, 10).forEach(i -> mailboxes.add("shopper-" + i + "@example.com"));
        assertThat(users(api)).containsExactlyInAnyOrderElementsOf(mailboxes);

        // 30 more to one shopper: every other mailbox is emptied, and dropped
        try (Smtp session = new Smtp(smtp)) {
            for (int i = 100; i < 130; i++) {
                session.send("last@example.com", "mail " + i);
            }
        }
        await(Duration.ofSeconds(20), () -> users(api).equals(List.of("last@example.com")));
        assertThat(stored(api)).containsExactlyElementsOf(IntStream.range(100, 130)
                .mapToObj(i -> "last@example.com mail " + i).toList());
    }

    @Test
    void theLauncherKeepsAsManyMailsAsMailpitInTheCluster() {
        List<String> flags = Processes.mailFlags(List.of("-Xmx64m"), "g.jar", "b.jar", 13025, 8025,
                Processes.MAIL_MAX_MESSAGES);
        assertThat(flags).contains("-Demporium.mail.max-messages=500", "-Dgreenmail.auth.disabled",
                Processes.BOUNDED_MAIL_MAIN);
        assertThat(flags.getLast()).as("the main class comes last").isEqualTo(Processes.BOUNDED_MAIL_MAIN);
    }

    private void start(Path dir, int smtp, int api, int bound) throws IOException {
        String greenMail = ROOT.resolve(Processes.GREENMAIL_JAR).toString();
        String bounded = ROOT.resolve(Processes.BOUNDED_MAIL_JAR).toString();
        assertThat(Path.of(bounded)).as("platform/infrastructure is built first").exists();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow()));
        command.addAll(Processes.JVM_FLAGS);
        command.addAll(Processes.mailFlags(List.of("-Xmx64m"), greenMail, bounded, smtp, api, bound));
        Path log = dir.resolve("mail.log");
        server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await(Duration.ofSeconds(60), () -> {
            assertThat(server.isAlive()).as("the mail server runs; its log: %s", read(log)).isTrue();
            HttpResponse<String> ready = get(api, "/api/service/readiness");
            return ready != null && ready.statusCode() == 200;
        });
    }

    /** Every stored mail as "recipient subject", oldest first (subjects count up). */
    private List<String> stored(int api) {
        List<String> mails = new ArrayList<>();
        for (String user : users(api)) {
            HttpResponse<String> inbox = get(api, "/api/user/" + user + "/messages/INBOX");
            for (JsonNode mail : json(inbox.body())) {
                mails.add(user + " " + mail.path("subject").asText());
            }
        }
        mails.sort((a, b) -> Integer.compare(number(a), number(b)));
        return mails;
    }

    private List<String> users(int api) {
        List<String> users = new ArrayList<>();
        json(get(api, "/api/user").body()).forEach(user -> users.add(user.path("email").asText()));
        users.sort(null);
        return users;
    }

    private static int number(String mail) {
        return Integer.parseInt(mail.substring(mail.lastIndexOf(' ') + 1));
    }

    private HttpResponse<String> get(int api, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void await(Duration limit, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s", limit).isBefore(deadline);
            try {
                Thread.sleep(20); // a poll's pace: the deadline, not this, bounds the wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** One SMTP session, plain: what the services' mail clients say, line by line. */
    private static final class Smtp implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        Smtp(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out = socket.getOutputStream();
            expect("220");
            say("HELO launcher-test", "250");
        }

        void send(String to, String subject) throws IOException {
            say("MAIL FROM:<shop@emporium.test>", "250");
            say("RCPT TO:<" + to + ">", "250");
            say("DATA", "354");
            say("From: shop@emporium.test\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n\r\nThank you.\r\n.", "250");
        }

        private void say(String line, String reply) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(reply);
        }

        private void expect(String code) throws IOException {
            String line;
            do {
                line = in.readLine();
                assertThat(line).as("the server's reply").isNotNull().startsWith(code);
            } while (line.charAt(3) == '-');
        }

        @Override
        public void close() throws IOException {
            try {
                say("QUIT", "221");
            } finally {
                socket.close();
            }
        }
    }
}

package org.emporium.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Readiness checks: an HTTP health endpoint answering 2xx, an open port, or a Redis PONG. */
@FunctionalInterface
public interface Probe {

    boolean ready();

    /** The URL an HTTP probe checks; null for the others. */
    default String url() {
        return null;
    }

    HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    /**
     * 2xx from the URL. Until the port accepts connections, a plain connect answers (refused) and
     * the HTTP client is not used: the launcher polls every 50 ms while a dozen JVMs start on two
     * cores, and the client's request machinery cost more CPU than the connect.
     */
    static Probe http(String url) {
        return http(url, Duration.ofSeconds(2));
    }

    /** {@link #http(String)}, waiting at most {@code timeout} for the answer ({@code top} waits 500 ms). */
    static Probe http(String url, Duration timeout) {
        URI uri = URI.create(url);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        Probe listening = uri.getPort() > 0 ? tcp(uri.getHost(), uri.getPort()) : () -> true;
        return new Probe() {
            @Override
            public boolean ready() {
                if (!listening.ready()) {
                    return false;
                }
                try {
                    int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    return status >= 200 && status < 300;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }

            @Override
            public String url() {
                return url;
            }
        };
    }

    static Probe tcp(int port) {
        return tcp("127.0.0.1", port);
    }

    static Probe tcp(String host, int port) {
        return () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 300);
                return true;
            } catch (IOException e) {
                return false;
            }
        };
    }

    /** Signs in, then PING: a Redis that takes the password and answers PONG. */
    static Probe redis(int port, String password) {
        return () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
                socket.setSoTimeout(1000);
                OutputStream out = socket.getOutputStream();
                out.write(("AUTH \"" + password + "\"\r\nPING\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] answer = in.readNBytes(10);
                return new String(answer, StandardCharsets.US_ASCII).equals("+OK\r\n+PONG");
            } catch (IOException e) {
                return false;
            }
        };
    }
}

package org.emporium.platform.testing;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A request written byte for byte on a socket, for what no HTTP client sends: a target that is no URI
 * ({@code /%zz}), which RestAssured and java.net.http refuse to build.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** The whole answer (status line, headers, body) to {@code GET target} on the service under test. */
    public static String get(String target, String accept) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + target + " failed", e);
        }
    }
}

package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ProbeTest {

    @Test
    void anHttpProbeIsReadyOnlyWhenTheEndpointAnswers2xx() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int[] status = {503};
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(status[0], -1);
            exchange.close();
        });
        server.start();
        try {
            Probe probe = Probe.http("http://127.0.0.1:" + server.getAddress().getPort() + "/health");
            assertThat(probe.ready()).isFalse();
            status[0] = 204;
            assertThat(probe.ready()).isTrue();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anHttpProbeIsNotReadyWhileNothingListens() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(Probe.http("http://127.0.0.1:" + port + "/health").ready()).isFalse();
        assertThat(Probe.tcp(port).ready()).isFalse();
    }
}

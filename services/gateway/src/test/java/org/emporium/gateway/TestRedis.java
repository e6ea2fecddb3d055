package org.emporium.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * A real redis-server process (the binary bundled with embedded-redis, the one the launcher runs) on a
 * free loopback port, without persistence. It can be stopped and started again on the same port.
 */
final class TestRedis implements AutoCloseable {

    private final int port;
    private RedisServer server;

    TestRedis() {
        this.port = freePort();
    }

    int port() {
        return port;
    }

    synchronized TestRedis start() {
        try {
            server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.stop();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

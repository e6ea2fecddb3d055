package org.emporium.storefront;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/** The behaviour events turned on, with Kafka "at" a loopback port nothing listens on. */
public class KafkaAway extends BehaviourOn {

    static final String BOOTSTRAP = "127.0.0.1:" + closedPort();

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("emporium.kafka.bootstrap-servers", BOOTSTRAP);
        return overrides;
    }

    /** A port that was free a moment ago and is closed again: connections to it are refused. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

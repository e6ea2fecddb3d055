package org.emporium.notifications.mail;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the sender thread runs. An SMTP outage does not make the service unhealthy nor
 * unready: events are still taken in and kept PENDING until the server is back.
 */
@Liveness
@ApplicationScoped
public class SenderHealth implements HealthCheck {

    private final NotificationSender sender;

    public SenderHealth(NotificationSender sender) {
        this.sender = sender;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("notification-sender").status(sender.running()).build();
    }
}

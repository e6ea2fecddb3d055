package org.emporium.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Everything under {@code emporium.identity}; see application.yml for the environment variables. */
@ConfigurationProperties("emporium.identity")
public record IdentityProperties(
        String issuer,
        String adminPasswordFile,
        String adminPassword,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        Duration refreshTokenGrace,
        String audience,
        Throttle throttle,
        SignupThrottle signupThrottle,
        String mailFrom,
        String shopUrl,
        Clients clients) {

    public record Throttle(int freeFailures, Duration initialDelay, Duration maxDelay,
                           int ipMaxFailures, Duration ipWindow) {
    }

    /** Sign-up attempts allowed per client IP and per email, each within a fixed window. */
    public record SignupThrottle(int ipMaxAttempts, Duration ipWindow, int emailMaxAttempts, Duration emailWindow) {
    }

    public record Clients(Storefront storefront, PublicClient publicClient, Services services) {
    }

    public record Storefront(String secret, List<String> redirectUris, List<String> postLogoutRedirectUris) {
    }

    public record PublicClient(List<String> redirectUris) {
    }

    public record Services(String secret) {
    }
}

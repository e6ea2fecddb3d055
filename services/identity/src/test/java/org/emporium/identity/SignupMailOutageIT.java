package org.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sign-up while the mail server is down: identity's SMTP server accepts connections and never says a word
 * (a listening socket nobody serves), the worst kind of outage, since every mail waits for its timeouts.
 * The sign-up is still answered at once, the account exists and can sign in; the mail is only logged as
 * failed.
 */
class SignupMailOutageIT {

    private static final String PASSWORD = "a long enough passphrase";

    private static ServerSocket silentSmtp;
    private static ConfigurableApplicationContext identity;

    @BeforeAll
    static void startWithASilentMailServer() throws Exception {
        // connections complete in the kernel's backlog; the SMTP greeting never comes
        silentSmtp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Map<String, Object> settings = StandaloneIdentity.settings("identity_mail_outage");
        settings.put("spring.mail.port", Integer.toString(silentSmtp.getLocalPort()));
        identity = StandaloneIdentity.start(settings);
    }

    @AfterAll
    static void stop() throws Exception {
        identity.close();
        silentSmtp.close();
    }

    @Test
    void signupIsAnsweredAndTheAccountWorksWhileNoMailCanGo() {
        Browser browser = StandaloneIdentity.browser(identity);
        String email = RunningIdentityServer.uniqueEmail();

        long started = System.nanoTime();
        HttpResponse<String> accepted = browser.postJson("/api/identity/accounts",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Shopper\"}");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(accepted.statusCode()).isEqualTo(202);
        // the mail's own timeouts are 5 s each: an answer that waited for it would take at least that
        assertThat(took).isLessThan(Duration.ofSeconds(3));

        // a second sign-up (the same address: the "someone tried" mail) queues behind the stuck one
        started = System.nanoTime();
        assertThat(browser.postJson("/api/identity/accounts",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Again\"}").statusCode())
                .isEqualTo(202);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

        HttpResponse<String> signedIn = browser.login(email, PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(Browser.location(signedIn)).doesNotContain("error");
    }
}

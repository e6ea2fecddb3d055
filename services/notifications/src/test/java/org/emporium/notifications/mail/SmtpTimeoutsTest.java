package org.emporium.notifications.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The resilience audit of notifications' one outgoing call, the SMTP relay (issue 17): it has a
 * connect and a read timeout, short enough that a hung relay holds a sender for seconds, and the row
 * of docs/architecture/resilience.md says the same numbers.
 */
class SmtpTimeoutsTest {

    private static final Path TABLE = Path.of("../../docs/architecture/resilience.md");

    @Test
    void theRelayHasConnectAndReadTimeoutsAndTheTableSaysThem() throws IOException {
        Properties settings = new Properties();
        try (InputStream in = SmtpTimeoutsTest.class.getResourceAsStream("/application.properties")) {
            settings.load(in);
        }
        Duration connect = duration(settings.getProperty("emporium.notifications.smtp.connect-timeout"));
        Duration read = duration(settings.getProperty("emporium.notifications.smtp.read-timeout"));

        assertThat(connect).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(read).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
        String row = Files.readAllLines(TABLE).stream().filter(l -> l.startsWith("| notifications (")).findFirst().orElse("");
        assertThat(row).as("notifications' row of %s", TABLE.normalize())
                .contains("connect " + connect.toSeconds() + " s, read " + read.toSeconds() + " s");
    }

    /** {@code 5s} or {@code 500ms}, as the file writes them. */
    private static Duration duration(String text) {
        assertThat(text).as("a timeout in application.properties").isNotBlank();
        String value = text.strip().toLowerCase(Locale.ROOT);
        return value.endsWith("ms") ? Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)))
                : Duration.parse("PT" + value.toUpperCase(Locale.ROOT));
    }
}

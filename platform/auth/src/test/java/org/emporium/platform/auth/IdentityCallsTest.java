package org.emporium.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The resilience audit of the calls every service makes to the identity provider (issue 17): the key
 * set and the token endpoint have connect and read timeouts, and the rows of
 * docs/architecture/resilience.md say the same numbers.
 */
class IdentityCallsTest {

    private static final Path TABLE = Path.of("../../docs/architecture/resilience.md");

    @Test
    void theKeySetAndTheTokenEndpointHaveTimeoutsAndTheTableSaysThem() throws IOException {
        assertThat(IdentityCalls.CONNECT_TIMEOUT_MILLIS).isBetween(1, 10_000);
        assertThat(IdentityCalls.READ_TIMEOUT_MILLIS).isBetween(1, 10_000);
        String said = "connect " + IdentityCalls.CONNECT_TIMEOUT_MILLIS + " ms, read " + IdentityCalls.READ_TIMEOUT_MILLIS + " ms";
        List<String> rows = Files.readAllLines(TABLE).stream()
                .filter(l -> l.contains("`TokenVerifier`") || l.contains("`ServiceTokens`")).toList();

        assertThat(rows).as("the key set's and the token endpoint's rows of %s", TABLE.normalize()).hasSize(2)
                .allSatisfy(row -> assertThat(row).contains(said));
    }
}

package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-05T19:00:00Z");
    private final RestartPolicy policy = RestartPolicy.DEFAULT;

    @Test
    void waitsTwiceAsLongAfterEachRestartUpToTheLongestPause() {
        RestartPolicy patient = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), 9, Duration.ofMinutes(10));
        List<Instant> earlier = new ArrayList<>();
        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Instant now = T0.plusSeconds(i);
            pauses.add(patient.next(earlier, now).orElseThrow().toSeconds());
            earlier.add(now);
        }
        assertThat(pauses).containsExactly(1L, 2L, 4L, 8L, 10L, 10L, 10L);
    }

    @Test
    void givesUpAfterFiveRestartsWithinTenMinutes() {
        List<Instant> earlier = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            assertThat(policy.next(earlier, T0.plusSeconds(60L * i))).as("restart %d", i + 1).isPresent();
            earlier.add(T0.plusSeconds(60L * i));
        }
        assertThat(policy.next(earlier, T0.plusSeconds(300))).as("a sixth within ten minutes").isEmpty();
    }

    @Test
    void restartsOlderThanTheWindowNoLongerCountNorLengthenThePause() {
        List<Instant> earlier = new ArrayList<>(List.of(T0, T0.plusSeconds(1), T0.plusSeconds(3), T0.plusSeconds(7), T0.plusSeconds(15)));
        assertThat(policy.next(earlier, T0.plusSeconds(16))).isEmpty();

        Instant later = T0.plus(Duration.ofMinutes(10)).plusSeconds(2); // the first two are out of the window
        assertThat(policy.recent(earlier, later)).isEqualTo(3);
        assertThat(policy.next(earlier, later)).contains(Duration.ofSeconds(8));
        assertThat(policy.next(earlier, T0.plus(Duration.ofHours(1)))).contains(Duration.ofSeconds(1));
    }

    @Test
    void describesItsDurationsForThePersonReading() {
        assertThat(RestartPolicy.describe(Duration.ofSeconds(1))).isEqualTo("1 s");
        assertThat(RestartPolicy.describe(Duration.ofMinutes(10))).isEqualTo("10 min");
        assertThat(RestartPolicy.describe(Duration.ofSeconds(90))).isEqualTo("90 s");
        assertThat(RestartPolicy.describe(Duration.ofMillis(1500))).isEqualTo("1500 ms");
    }
}

package org.emporium.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

class ProblemTest {

    @Test
    void titleIsTheReasonPhraseInSentenceCase() {
        assertThat(Problem.titleFor(HttpStatus.SERVICE_UNAVAILABLE)).isEqualTo("Service unavailable");
        assertThat(Problem.titleFor(HttpStatus.GATEWAY_TIMEOUT)).isEqualTo("Gateway timeout");
        assertThat(Problem.titleFor(HttpStatus.NOT_FOUND)).isEqualTo("Not found");
        assertThat(Problem.titleFor(HttpStatus.CONTENT_TOO_LARGE)).isEqualTo("Content too large");
    }

    @Test
    void titleOfAnUnknownStatusNamesItsClass() {
        assertThat(Problem.titleFor(HttpStatusCode.valueOf(499))).isEqualTo("Client error");
        assertThat(Problem.titleFor(HttpStatusCode.valueOf(599))).isEqualTo("Server error");
    }

    @Test
    void problemIsAboutBlankWithTheStatusAndWhereItHappened() {
        Problem problem = Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "catalog is unavailable", "/api/catalog/x");

        assertThat(problem).isEqualTo(new Problem("about:blank", "Service unavailable", 503,
                "catalog is unavailable", "/api/catalog/x"));
    }
}

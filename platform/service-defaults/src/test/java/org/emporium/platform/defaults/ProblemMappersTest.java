package org.emporium.platform.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    private static final UriInfo AT_ORDERS = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(),
            new Class<?>[] {UriInfo.class}, (proxy, method, args) -> method.getName().equals("getPath") ? "/api/orders" : null);

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aProblemThatPassesSaysWhenToTryAgainInWholeSeconds() {
        Response answer = mappers.problem(new ProblemException(Problem.of(503, "Checkout busy", "retry"),
                Duration.ofMillis(1500)), AT_ORDERS);

        assertEquals(503, answer.getStatus());
        assertEquals("2", answer.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, answer.getMediaType().toString());
        assertEquals("/api/orders", ((Problem) answer.getEntity()).instance());
    }

    @Test
    void anyOtherProblemHasNoRetryAfter() {
        Response answer = mappers.problem(ProblemException.notFound("no such order"), AT_ORDERS);

        assertEquals(404, answer.getStatus());
        assertNull(answer.getHeaderString("Retry-After"));
    }
}

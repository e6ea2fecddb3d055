package org.emporium.platform.defaults;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which requests get an access line: every one whose trace is recorded, and any failed or slow one. */
class AccessLogTest {

    @Test
    void aRequestWhoseTraceIsRecordedIsLogged() {
        assertTrue(AccessLog.logged(true, 200, 3));
        assertTrue(AccessLog.logged(true, 404, 3));
    }

    @Test
    void anUnrecordedRequestIsLoggedOnlyWhenItFailedOrWasSlow() {
        assertFalse(AccessLog.logged(false, 200, 3));
        assertFalse(AccessLog.logged(false, 404, 3), "a client's mistake: the gateway's line records it");
        assertTrue(AccessLog.logged(false, 500, 3));
        assertTrue(AccessLog.logged(false, 503, 3));
        assertFalse(AccessLog.logged(false, 200, AccessLog.SLOW_MILLIS - 1));
        assertTrue(AccessLog.logged(false, 200, AccessLog.SLOW_MILLIS));
    }
}

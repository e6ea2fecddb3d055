-- The sign-up throttle's counters, shared by every identity instance (throttle.SignupThrottle), in the
-- shape of the login throttle's per-IP table (V3): attempts within a fixed window that began at
-- window_start, each counted by one atomic upsert, so instances counting at the same moment lose none.
-- Rows whose window has ended are deleted periodically (the window_start indexes).

-- Sign-up attempts per client IP.
CREATE TABLE signup_ip_attempts (
    client_ip    text        PRIMARY KEY,
    attempts     integer     NOT NULL,
    window_start timestamptz NOT NULL
);
CREATE INDEX signup_ip_attempts_window_start ON signup_ip_attempts (window_start);

-- Sign-up attempts per email, whether or not it has an account (attempts are counted, not accounts). The
-- key is the SHA-256 of the normalised email, as in login_email_failures.
CREATE TABLE signup_email_attempts (
    email_sha256 bytea       PRIMARY KEY,
    attempts     integer     NOT NULL,
    window_start timestamptz NOT NULL
);
CREATE INDEX signup_email_attempts_window_start ON signup_email_attempts (window_start);

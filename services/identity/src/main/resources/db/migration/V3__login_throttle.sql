-- The login throttle's counters, shared by every identity instance (LoginThrottle, JdbcLoginThrottle).
-- Each counter is one row changed by one atomic upsert, so two instances counting failures at the same
-- moment never lose one. Rows that no longer matter are deleted periodically (the *_at indexes).

-- Consecutive failed logins per email. The key is the SHA-256 of the normalised email as typed, not the
-- text: bounded in size whatever is posted, and a password typed into the email field is not kept legibly.
CREATE TABLE login_email_failures (
    email_sha256    bytea       PRIMARY KEY,
    failures        integer     NOT NULL,
    last_failure_at timestamptz NOT NULL
);
CREATE INDEX login_email_failures_last_failure_at ON login_email_failures (last_failure_at);

-- Failed logins per client IP within the window that began at window_start.
CREATE TABLE login_ip_failures (
    client_ip    text        PRIMARY KEY,
    failures     integer     NOT NULL,
    window_start timestamptz NOT NULL
);
CREATE INDEX login_ip_failures_window_start ON login_ip_failures (window_start);

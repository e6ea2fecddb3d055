-- One row per order event this service mails about; the event id is the key, so a redelivered
-- event inserts nothing. The message is rendered when the event arrives and stored whole: what is
-- sent later, on any retry, is exactly what the event said.
CREATE TABLE notification (
    event_id        uuid        PRIMARY KEY,
    order_id        uuid        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('ORDER_CONFIRMED', 'ORDER_CANCELLED')),
    recipient       text        NOT NULL,
    subject         text        NOT NULL,
    text_body       text        NOT NULL,
    html_body       text        NOT NULL,
    -- PENDING until the SMTP server accepted it (SENT), or refused it for good (FAILED)
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    message_id      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);

-- the sender's query: only what still waits, earliest due first
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'PENDING';
-- the admin listing
CREATE INDEX notification_order ON notification (order_id, created_at);

-- One row per payment, its current state. The id is the checkout saga's (the order id), which
-- makes every command idempotent. The card is known by the provider's token, its last four digits
-- and its brand: never by its number — the CHECK refuses any long run of digits in the token.
CREATE TABLE payment (
    id                 uuid          PRIMARY KEY,
    order_id           uuid          NOT NULL,
    status             text          NOT NULL CHECK (status IN
                           ('AUTHORIZING', 'AUTHORIZED', 'DECLINED', 'FAILED', 'CAPTURED', 'VOIDED', 'REFUNDED')),
    amount             numeric(14,2) NOT NULL CHECK (amount >= 0),
    currency           char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    card_token         text          NOT NULL CHECK (card_token !~ '[0-9]{12}'),
    card_last4         char(4)       NOT NULL CHECK (card_last4 ~ '^[0-9]{4}$'),
    card_brand         text          NOT NULL,
    authorization_code text,
    failure_code       text,
    failure_reason     text,
    -- the saga asked to void: a payment still authorizing is voided as soon as it is authorized,
    -- and a payment with a void requested is never captured
    void_requested_at  timestamptz,
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX payment_order ON payment (order_id);
-- the recovery job's query: authorizations left in flight, authorized payments left to void
CREATE INDEX payment_unfinished ON payment (updated_at)
    WHERE status = 'AUTHORIZING' OR (status = 'AUTHORIZED' AND void_requested_at IS NOT NULL);

-- Every state change, in the transaction that makes it. The CHECK repeats the state machine; no
-- state is entered twice, so one entry per (payment, state) — a second capture is impossible.
CREATE TABLE payment_ledger (
    id          bigserial     PRIMARY KEY,
    payment_id  uuid          NOT NULL REFERENCES payment (id),
    from_status text,
    to_status   text          NOT NULL,
    amount      numeric(14,2) NOT NULL,
    currency    char(3)       NOT NULL,
    at          timestamptz   NOT NULL DEFAULT now(),
    detail      text          NOT NULL,
    CONSTRAINT ledger_transition_allowed CHECK (
        (from_status IS NULL AND to_status = 'AUTHORIZING')
        OR (from_status = 'AUTHORIZING' AND to_status IN ('AUTHORIZED', 'DECLINED', 'FAILED'))
        OR (from_status = 'AUTHORIZED' AND to_status IN ('CAPTURED', 'VOIDED'))
        OR (from_status = 'CAPTURED' AND to_status = 'REFUNDED')),
    CONSTRAINT ledger_one_entry_per_state UNIQUE (payment_id, to_status)
);

-- stated on its own as well, so the rule that matters most survives any change of the one above
CREATE UNIQUE INDEX ledger_one_capture ON payment_ledger (payment_id) WHERE to_status = 'CAPTURED';

-- The outbox: events waiting to be relayed to Kafka. A row is inserted in the same transaction as
-- the state change it describes and deleted once Kafka has acknowledged it.
CREATE TABLE outbox_event (
    -- relay order: for one key, rows are inserted after the aggregate row is locked, so ids of one
    -- key grow in commit order
    id          bigserial PRIMARY KEY,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    -- the CloudEvent, structured JSON, exactly as it goes on the wire
    payload     text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Wakes the relay when a transaction with events commits (NOTIFY is delivered only on commit),
-- so an idle relay waits instead of polling and a new event leaves within milliseconds.
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_event', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();

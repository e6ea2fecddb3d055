-- The W3C trace context of the work that wrote the event (null outside any trace): the relay sends
-- it as the record's traceparent/tracestate headers, so consumers continue the same trace.
ALTER TABLE outbox_event ADD COLUMN traceparent text, ADD COLUMN tracestate text;

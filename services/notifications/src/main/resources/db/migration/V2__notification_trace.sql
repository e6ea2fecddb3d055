-- The W3C traceparent of the event's processing: sending the email later continues the order's trace.
ALTER TABLE notification ADD COLUMN traceparent text;

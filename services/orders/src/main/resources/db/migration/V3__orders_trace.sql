-- The W3C traceparent of the request that placed the order: background work on it later (a
-- deadline passing, the cart cleared after confirmation) continues the order's trace.
ALTER TABLE orders ADD COLUMN traceparent text;

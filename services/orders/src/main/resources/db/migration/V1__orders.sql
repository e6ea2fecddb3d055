-- An order is the saga's state: step says where the checkout is, deadline when its current step
-- times out, attempts how often the step's command was sent. The row is locked (FOR UPDATE) by
-- every transition, so a reply and a timeout never both move one order.
CREATE TABLE orders (
    id               uuid          PRIMARY KEY,
    cart_id          uuid          NOT NULL,
    email            text          NOT NULL,
    shipping_address jsonb         NOT NULL,
    -- the payment provider's token and what may be shown; never the card number
    card_token       text          NOT NULL,
    card_last4       char(4)       NOT NULL,
    card_brand       text          NOT NULL,
    currency         char(3)       NOT NULL,
    total            numeric(12,2) NOT NULL CHECK (total >= 0),
    status           text          NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'CANCELLED')),
    step             text          NOT NULL,
    attempts         integer       NOT NULL DEFAULT 1,
    deadline         timestamptz,
    reason           text,
    detail           text,
    cart_cleared     boolean       NOT NULL DEFAULT false,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    confirmed_at     timestamptz,
    cancelled_at     timestamptz
);

-- the deadline scanner's query: pending orders whose step timed out
CREATE INDEX orders_deadline ON orders (deadline) WHERE status = 'PENDING';
-- the cart clearer's query
CREATE INDEX orders_cart_to_clear ON orders (confirmed_at) WHERE status = 'CONFIRMED' AND NOT cart_cleared;

CREATE TABLE order_line (
    order_id   uuid          NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    sku        text          NOT NULL,
    name       text          NOT NULL,
    quantity   integer       NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    unit_price numeric(12,2) NOT NULL,
    line_total numeric(12,2) NOT NULL,
    PRIMARY KEY (order_id, sku)
);

-- every step an order took, for GET /api/orders/{id} and for whoever debugs a saga
CREATE TABLE order_step (
    order_id uuid        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    seq      integer     NOT NULL,
    step     text        NOT NULL,
    cause    text        NOT NULL,
    at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (order_id, seq)
);

-- Idempotency-Key → the order it created; request_hash tells a retry from a different request
CREATE TABLE idempotency_key (
    key          text        PRIMARY KEY,
    request_hash text        NOT NULL,
    order_id     uuid        NOT NULL REFERENCES orders (id),
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- live status: every change of an order's status wakes the order's server-sent-event streams
CREATE FUNCTION orders_notify_status() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('order_status', NEW.id::text);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER orders_status_changed AFTER UPDATE OF status ON orders
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION orders_notify_status();

-- A cart is an aggregate: its row is locked (SELECT ... FOR UPDATE) by every change, so changes
-- of one cart, and their outbox events, are serialised in commit order. version grows by one per
-- change and is carried by every event.
CREATE TABLE cart (
    id         uuid        PRIMARY KEY,
    version    bigint      NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- the expiry job's query: the carts untouched for longest first
CREATE INDEX cart_updated_at ON cart (updated_at);

CREATE TABLE cart_line (
    cart_id  uuid        NOT NULL REFERENCES cart (id) ON DELETE CASCADE,
    sku      text        NOT NULL,
    quantity integer     NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    added_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (cart_id, sku)
);

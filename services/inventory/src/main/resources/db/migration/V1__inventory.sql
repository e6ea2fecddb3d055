-- Stock per SKU. "available" is on_hand - reserved; the CHECKs make a negative one impossible
-- whatever the code does, and the reserving UPDATE re-checks it so a short line changes nothing.
CREATE TABLE stock (
    sku        text        PRIMARY KEY,
    on_hand    integer     NOT NULL CHECK (on_hand >= 0),
    reserved   integer     NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    version    bigint      NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT stock_available_not_negative CHECK (on_hand - reserved >= 0)
);

-- A reservation is one aggregate, read and written whole: its lines (sorted by SKU) and, when
-- rejected, its shortages are JSON. The id is the caller's, which makes retries idempotent.
CREATE TABLE reservation (
    id         uuid        PRIMARY KEY,
    status     text        NOT NULL CHECK (status IN ('RESERVED', 'COMMITTED', 'RELEASED', 'EXPIRED', 'REJECTED')),
    lines      jsonb       NOT NULL,
    shortages  jsonb       NOT NULL DEFAULT '[]'::jsonb,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- the expiry job's query: only live reservations, oldest deadline first
CREATE INDEX reservation_expiry ON reservation (expires_at) WHERE status = 'RESERVED';

-- An order may belong to an account: owner is the account id (the access token's sub) of whoever
-- placed it signed in. A guest order has no owner and stays reachable by its unguessable id alone.
ALTER TABLE orders ADD COLUMN owner text;

-- "my orders" (GET /api/orders): an account's orders, newest first
CREATE INDEX orders_owner ON orders (owner, created_at DESC) WHERE owner IS NOT NULL;

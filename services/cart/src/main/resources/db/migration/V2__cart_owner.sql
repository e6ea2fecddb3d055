-- A cart may belong to an account: owner is the account id (the access token's sub) of whoever
-- created it signed in, or took it over at sign-in (POST /api/carts/mine/merge). A guest cart has
-- no owner and stays reachable by its unguessable id alone.
ALTER TABLE cart ADD COLUMN owner text;

-- set when a cart's lines were merged into its owner's other cart at sign-in: the cart is then
-- empty and closed (no more changes); merging it again answers the cart it went into
ALTER TABLE cart ADD COLUMN merged_into uuid;

-- GET /api/carts/mine and the merge: an account's most recently touched open cart
CREATE INDEX cart_owner ON cart (owner, updated_at DESC) WHERE owner IS NOT NULL AND merged_into IS NULL;

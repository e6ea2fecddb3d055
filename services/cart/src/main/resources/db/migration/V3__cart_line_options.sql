-- Issue 20, variants: a line is a SKU with the options chosen for it, such as {"size": "M"}
-- ({} when the product has none), so the same SKU in two sizes is two lines. jsonb equality
-- ignores key order and whitespace, so the key needs no canonical text of its own.
ALTER TABLE cart_line ADD COLUMN options jsonb NOT NULL DEFAULT '{}';
ALTER TABLE cart_line ADD CONSTRAINT cart_line_options_object CHECK (jsonb_typeof(options) = 'object');
ALTER TABLE cart_line DROP CONSTRAINT cart_line_pkey;
ALTER TABLE cart_line ADD PRIMARY KEY (cart_id, sku, options);

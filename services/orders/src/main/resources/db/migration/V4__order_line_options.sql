-- Issue 20, variants: an order line is a SKU with the options chosen for it in the cart, such as
-- {"size": "M"} ({} when the product has none), so the same SKU in two sizes is two lines.
-- line_no keeps the cart's order of a SKU's lines (older orders: 0, they had one line per SKU).
ALTER TABLE order_line ADD COLUMN options jsonb NOT NULL DEFAULT '{}';
ALTER TABLE order_line ADD COLUMN line_no integer NOT NULL DEFAULT 0;
ALTER TABLE order_line ADD CONSTRAINT order_line_options_object CHECK (jsonb_typeof(options) = 'object');
ALTER TABLE order_line DROP CONSTRAINT order_line_pkey;
ALTER TABLE order_line ADD PRIMARY KEY (order_id, sku, options);

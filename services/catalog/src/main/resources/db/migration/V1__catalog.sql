-- Categories are few and stable; products reference them by slug so URLs and events read well.
CREATE TABLE category (
    slug        text PRIMARY KEY,
    name        text NOT NULL,
    description text NOT NULL DEFAULT ''
);

CREATE TABLE product (
    id           uuid PRIMARY KEY,
    sku          text        NOT NULL UNIQUE,
    name         text        NOT NULL,
    description  text        NOT NULL DEFAULT '',
    brand        text        NOT NULL,
    category     text        NOT NULL REFERENCES category (slug),
    price_amount numeric(12, 2) NOT NULL CHECK (price_amount >= 0),
    currency     char(3)     NOT NULL,
    image_url    text,
    attributes   jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);

-- one index per listing the API offers: by category (the storefront's main path), brand, price, age
CREATE INDEX product_category_name ON product (category, name, id);
CREATE INDEX product_brand ON product (brand);
CREATE INDEX product_price ON product (price_amount, id);
CREATE INDEX product_created ON product (created_at DESC, id);

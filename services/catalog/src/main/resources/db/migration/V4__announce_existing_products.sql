-- Products stored before the catalog published events (before V3) were never announced, so
-- search would not know them. One pending flag: set when this migration finds products already
-- there; the catalog announces them all through the outbox on its next start and clears it.
CREATE TABLE product_announcement (
    id      int PRIMARY KEY CHECK (id = 1),
    pending boolean NOT NULL
);
INSERT INTO product_announcement (id, pending) VALUES (1, EXISTS (SELECT 1 FROM product));

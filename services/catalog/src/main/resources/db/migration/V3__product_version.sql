-- Grows with every change of a product and travels in its events, so consumers can tell a newer
-- event from a redelivered older one (the outbox delivers at least once).
ALTER TABLE product ADD COLUMN version bigint NOT NULL DEFAULT 1;

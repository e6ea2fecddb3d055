-- Accounts. Emails are stored lower-cased; the unique index on lower(email) also guards rows written
-- by anything that forgot to normalise.
CREATE TABLE accounts (
    id            uuid         PRIMARY KEY,
    email         varchar(254) NOT NULL,
    name          varchar(200) NOT NULL,
    password_hash varchar(500) NOT NULL,
    roles         varchar(200) NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_email_key ON accounts (lower(email));

-- Signing keys for JWTs. Exactly one active key at a time (the partial unique index makes a race
-- between two first starts harmless: the second insert is ignored and both read the winner).
CREATE TABLE signing_keys (
    kid         varchar(64)  PRIMARY KEY,
    algorithm   varchar(16)  NOT NULL,
    public_key  bytea        NOT NULL,
    private_key bytea        NOT NULL,
    active      boolean      NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (active) WHERE active;

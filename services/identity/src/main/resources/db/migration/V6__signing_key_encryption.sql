-- Signing keys encrypted at rest, and rotation (oauth.SigningKeyStore, oauth.SigningKeys).
--
-- private_key_protection says how private_key is stored: 'none' is PKCS#8 in plain text (every key
-- written before this migration), 'A256GCM' is that PKCS#8 encrypted with AES-256-GCM under the
-- key-encryption key EMPORIUM_IDENTITY_KEY_ENCRYPTION_KEY (a 12-byte random nonce, then the ciphertext
-- and its 16-byte tag; the kid is the associated data, so a row's key cannot be passed off as
-- another's). identity encrypts the 'none' rows at its next start. No default: whoever writes a key
-- says how it is protected.
ALTER TABLE signing_keys ADD COLUMN private_key_protection varchar(16) NOT NULL DEFAULT 'none'
    CONSTRAINT signing_keys_private_key_protection CHECK (private_key_protection IN ('none', 'A256GCM'));
ALTER TABLE signing_keys ALTER COLUMN private_key_protection DROP DEFAULT;

-- When a rotation replaced the key (NULL while it is the active one). A retired key stays published in
-- the JWKS until every token it signed has expired, then it is deleted.
ALTER TABLE signing_keys ADD COLUMN retired_at timestamptz;
-- no inactive keys existed before rotation; should one, it counts as retired when it was created
UPDATE signing_keys SET retired_at = created_at WHERE NOT active AND retired_at IS NULL;
ALTER TABLE signing_keys ADD CONSTRAINT signing_keys_active_or_retired CHECK (active = (retired_at IS NULL));

-- The last rotation of each authorization's refresh token (IdempotentRefresh): for a few seconds the
-- token it replaced may be presented again and gets the same answer. Hashes only: the tokens themselves
-- stay where Spring Authorization Server keeps them, in oauth2_authorization. One row per authorization
-- (only the immediate predecessor is ever accepted), overwritten by the next rotation, gone with the
-- authorization; rows older than the grace period are ignored, not deleted.
CREATE TABLE refresh_token_rotations (
    authorization_id varchar(100) PRIMARY KEY REFERENCES oauth2_authorization (id) ON DELETE CASCADE,
    previous_sha256  bytea        NOT NULL,
    next_sha256      bytea        NOT NULL,
    rotated_at       timestamptz  NOT NULL
);
CREATE UNIQUE INDEX refresh_token_rotations_previous ON refresh_token_rotations (previous_sha256);

-- Spring Authorization Server finds an authorization by its refresh token with an equality on this
-- column (and IdempotentRefresh locks the row the same way); a hash index serves equality on values of
-- any length, where a B-tree would refuse the longest.
CREATE INDEX oauth2_authorization_refresh_token ON oauth2_authorization USING hash (refresh_token_value);

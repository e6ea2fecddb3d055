-- Spring Authorization Server finds an authorization by a token's value: by its code when the code is
-- exchanged (twice per exchange), by its ID token at sign-out, by any of them on revocation (an OR of
-- every column, which can use indexes only if every column has one). Without these, each lookup read
-- the whole table: 1.2-1.6 ms at 3,600 authorizations, growing with every sign-in, holding a pooled
-- connection all the while (the pool ran dry at 32 shoppers signing in, docs/performance.md). Hash
-- indexes, as for the refresh token (V4): equality on values of any length (access and ID tokens are
-- JWTs of about a kilobyte).
CREATE INDEX oauth2_authorization_code ON oauth2_authorization USING hash (authorization_code_value);
CREATE INDEX oauth2_authorization_access_token ON oauth2_authorization USING hash (access_token_value);
CREATE INDEX oauth2_authorization_id_token ON oauth2_authorization USING hash (oidc_id_token_value);
CREATE INDEX oauth2_authorization_user_code ON oauth2_authorization USING hash (user_code_value);
CREATE INDEX oauth2_authorization_device_code ON oauth2_authorization USING hash (device_code_value);

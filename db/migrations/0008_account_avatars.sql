-- The account's own picture, kept only when it looked like the council's logo, so the review page can
-- show it beside the logo. Applied once by the worker's migrator; never edit after it lands.

-- One picture per account: the last one that resembled the logo. It goes with the account (and so
-- with the account's flags, under the retention purge). The checks repeat what the worker checks
-- before storing, so nothing but a PNG, JPEG, GIF or WebP image, typed by its own first bytes, can be
-- kept here whoever writes the row.
CREATE TABLE account_avatars (
    account_id   bigint PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    content_type text NOT NULL,
    image        bytea NOT NULL,
    fetched_url  text NOT NULL,
    fetched_at   timestamptz NOT NULL DEFAULT now(),
    -- The largest download the avatar fetcher can be set to allow (Avatars:MaxBytes, 50 MiB).
    CHECK (octet_length(image) <= 52428800),
    CHECK (
        (content_type = 'image/png'  AND substring(image FROM 1 FOR 8) = '\x89504e470d0a1a0a'::bytea)
     OR (content_type = 'image/jpeg' AND substring(image FROM 1 FOR 3) = '\xffd8ff'::bytea)
     OR (content_type = 'image/gif'  AND substring(image FROM 1 FOR 6) IN ('\x474946383761'::bytea, '\x474946383961'::bytea))
     OR (content_type = 'image/webp' AND substring(image FROM 1 FOR 4) = '\x52494646'::bytea
                                     AND substring(image FROM 9 FOR 4) = '\x57454250'::bytea)
    )
);

-- What the clerk may read: the pictures of flagged accounts only, never the table itself.
CREATE VIEW flagged_account_avatars AS
SELECT v.account_id, v.content_type, v.image, v.fetched_at
FROM account_avatars v
WHERE EXISTS (SELECT 1 FROM flags f WHERE f.account_id = v.account_id);

-- As in 0004: without the clerk's role (the migrating user could not create it) this still succeeds.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'socialwatch_clerk') THEN
        EXECUTE 'REVOKE ALL ON account_avatars FROM socialwatch_clerk';
        EXECUTE 'GRANT SELECT ON flagged_account_avatars TO socialwatch_clerk';
    END IF;
END
$$;

-- How often the avatar at the current URL failed to download; the avatar job stops after a few
-- tries and starts again when the platform reports a new URL.
ALTER TABLE accounts ADD COLUMN avatar_attempts integer NOT NULL DEFAULT 0;
CREATE INDEX accounts_avatar_pending ON accounts (last_seen_at DESC)
    WHERE avatar_url IS NOT NULL AND avatar_url IS DISTINCT FROM avatar_fetched_url;

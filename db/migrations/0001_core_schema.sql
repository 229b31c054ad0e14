-- SocialWatch core schema: what is polled, what was found, what was flagged, what must be sent.
-- Applied once by the worker's migrator (DbUp, journal table public.schemaversions); never edit after it lands.

-- Sources mirror the configuration (the configuration is the truth; the worker syncs it at start).
CREATE TABLE sources (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text NOT NULL UNIQUE,
    platform     text NOT NULL,
    kind         text NOT NULL,
    target       text NOT NULL,
    schedule     text NOT NULL,               -- an interval (hh:mm:ss) or a Quartz cron expression
    interval_seconds integer NOT NULL,        -- the expected time between polls, for health checks
    enabled      boolean NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Where each source has got to, and how its last polls went. One row per source.
CREATE TABLE source_cursors (
    source_id        bigint PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
    position         text,                    -- the connector's own cursor (JSON), opaque to the rest
    last_attempt_at  timestamptz,
    last_success_at  timestamptz,
    last_error_at    timestamptz,
    last_error       text,
    failing_since    timestamptz,             -- set on the first failure after a success
    not_before       timestamptz,             -- a platform asked us to wait until then
    posts_stored     bigint NOT NULL DEFAULT 0
);

CREATE TABLE accounts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform      text NOT NULL,
    platform_id   text NOT NULL,
    handle        text NOT NULL,
    display_name  text NOT NULL DEFAULT '',
    bio           text NOT NULL DEFAULT '',
    avatar_url    text,
    avatar_hash   bigint,                     -- 64-bit perceptual hash of the avatar image
    avatar_fetched_url text,                  -- the URL the stored hash was computed from
    avatar_error  text,
    platform_created_at timestamptz,
    first_seen_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    raw           jsonb,
    UNIQUE (platform, platform_id)
);
CREATE INDEX accounts_handle ON accounts (lower(handle));
CREATE INDEX accounts_last_seen ON accounts (last_seen_at);

-- Earlier profiles of an account: a row is written with the old values whenever a profile changes.
CREATE TABLE account_history (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    handle        text NOT NULL,
    display_name  text NOT NULL,
    bio           text NOT NULL,
    avatar_url    text,
    replaced_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX account_history_account ON account_history (account_id);

CREATE TABLE posts (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform      text NOT NULL,
    platform_id   text NOT NULL,
    account_id    bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    source_id     bigint REFERENCES sources (id) ON DELETE SET NULL,
    text          text NOT NULL,
    url           text,
    in_reply_to   text,
    created_at    timestamptz NOT NULL,
    fetched_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz,
    deleted_at    timestamptz,
    raw           jsonb NOT NULL,
    UNIQUE (platform, platform_id)
);
CREATE INDEX posts_account_created ON posts (account_id, created_at DESC);
CREATE INDEX posts_fetched ON posts (fetched_at);

-- Earlier texts of an edited post: a row with the old text is written whenever the text changes.
CREATE TABLE post_versions (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id       bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    text          text NOT NULL,
    raw           jsonb NOT NULL,
    replaced_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX post_versions_post ON post_versions (post_id);

-- What the rules found. One flag per (post, rule), or per (account, rule) for account-level findings.
CREATE TABLE flags (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule          text NOT NULL,
    severity      text NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
    score         double precision NOT NULL,
    evidence      jsonb NOT NULL,
    policy_clause text NOT NULL,
    account_id    bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    post_id       bigint REFERENCES posts (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'actioned', 'dismissed')),
    reviewed_by   text,
    reviewed_at   timestamptz,
    review_note   text
);
CREATE UNIQUE INDEX flags_one_per_post_rule ON flags (post_id, rule) WHERE post_id IS NOT NULL;
CREATE UNIQUE INDEX flags_one_per_account_rule ON flags (account_id, rule) WHERE post_id IS NULL;
CREATE INDEX flags_status_created ON flags (status, created_at DESC);
CREATE INDEX flags_rule_created ON flags (rule, created_at DESC);
CREATE INDEX flags_account ON flags (account_id);

-- The alert outbox: written in the same transaction as the flag it announces, sent later by a job.
CREATE TABLE alert_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    flag_id         bigint REFERENCES flags (id) ON DELETE CASCADE,
    source_id       bigint REFERENCES sources (id) ON DELETE CASCADE,  -- for "source failing" alerts
    kind            text NOT NULL CHECK (kind IN ('flag', 'source_failing')),
    delivery        text NOT NULL CHECK (delivery IN ('immediate', 'digest')),
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX alert_outbox_pending ON alert_outbox (delivery, next_attempt_at) WHERE status = 'pending';

-- The clerk's table: one row per flag, with everything needed to read it without joins.
CREATE VIEW flagged_posts AS
SELECT f.id            AS flag_id,
       a.platform,
       a.handle        AS author_handle,
       a.display_name  AS author_name,
       p.text          AS post_text,
       p.url,
       p.created_at    AS posted_at,
       f.created_at    AS flagged_at,
       f.rule,
       f.severity,
       f.score,
       f.evidence,
       f.policy_clause,
       f.status,
       f.reviewed_by,
       f.reviewed_at,
       f.review_note,
       a.id            AS account_id,
       p.id            AS post_id
FROM flags f
JOIN accounts a ON a.id = f.account_id
LEFT JOIN posts p ON p.id = f.post_id;

-- Alert delivery: digests claimed once per scheduled slot, and "source failing" alerts once per failing spell.
-- Applied once by the worker's migrator; never edit after it lands.

-- One row per digest slot (a due time of Alerts:DigestCron). The UNIQUE slot makes "prepare the digest
-- for 08:00 Monday" happen once however many workers try; the row is then sent like an alert: claimed
-- with FOR UPDATE SKIP LOCKED, retried with back-off, its Message-ID derived from its id.
CREATE TABLE alert_digests (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slot_at         timestamptz NOT NULL UNIQUE,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'empty')),
    alert_count     integer NOT NULL DEFAULT 0,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX alert_digests_pending ON alert_digests (next_attempt_at) WHERE status = 'pending';

-- A digest alert belongs to the digest that carries it once that digest is prepared.
ALTER TABLE alert_outbox ADD COLUMN digest_id bigint REFERENCES alert_digests (id) ON DELETE SET NULL;
CREATE INDEX alert_outbox_digest ON alert_outbox (digest_id) WHERE digest_id IS NOT NULL;
CREATE INDEX alert_outbox_undigested ON alert_outbox (id) WHERE status = 'pending' AND delivery = 'digest' AND digest_id IS NULL;

-- The failing spell a "source failing" alert announces (source_cursors.failing_since at the time):
-- one alert per spell, however often the check runs.
ALTER TABLE alert_outbox ADD COLUMN failing_since timestamptz;
CREATE UNIQUE INDEX alert_outbox_one_per_failing_spell ON alert_outbox (source_id, failing_since) WHERE kind = 'source_failing';

-- The flag an alert announces is looked up by flag when the clerk asks about one flag.
CREATE INDEX alert_outbox_flag ON alert_outbox (flag_id) WHERE flag_id IS NOT NULL;

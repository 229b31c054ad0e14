-- Which parts of each stored profile some fetch actually carried, as a bit mask: 1 handle,
-- 2 display name, 4 bio, 8 avatar (ProfileFields in the connectors). The author embedded in a post is
-- often part of a profile (a Facebook comment's author is an id and a name); a field nobody has sent
-- yet holds a placeholder, and filling it in later is not a change of profile, so it is not written to
-- account_history (which the impersonation checks read). Profiles stored before this migration were
-- written as complete, so they count as known.
-- Applied once by the worker's migrator; never edit after it lands.
ALTER TABLE accounts ADD COLUMN known_fields smallint NOT NULL DEFAULT 15;

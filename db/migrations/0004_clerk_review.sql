-- The Town Clerk's access: read the flagged_posts view and review flags, nothing else.
-- Applied once by the worker's migrator; never edit after it lands.

-- Recording a review: the only way the clerk changes anything. The worker's CLI (flags resolve) calls
-- the same function, so both behave the same. Only the review columns are written.
CREATE FUNCTION review_flag(flag_id bigint, new_status text, note text, reviewer text)
RETURNS void
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
    IF new_status IS NULL OR new_status NOT IN ('open', 'acknowledged', 'actioned', 'dismissed') THEN
        RAISE EXCEPTION 'status must be open, acknowledged, actioned or dismissed (was %)', coalesce(new_status, 'null')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF reviewer IS NULL OR btrim(reviewer) = '' THEN
        RAISE EXCEPTION 'a reviewer name is required' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    UPDATE public.flags AS f
    SET status = new_status,
        reviewed_by = left(btrim(reviewer), 200),
        reviewed_at = now(),
        review_note = left(note, 4000)
    WHERE f.id = review_flag.flag_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no flag with id %', review_flag.flag_id USING ERRCODE = 'no_data_found';
    END IF;
END
$$;

-- The clerk's form: the reviewer is whoever logged in to the database, so a review cannot be
-- recorded in someone else's name.
CREATE FUNCTION review_flag(flag_id bigint, new_status text, note text DEFAULT NULL)
RETURNS void
LANGUAGE sql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$ SELECT public.review_flag(flag_id, new_status, note, session_user::text) $$;

-- Functions are executable by everyone unless revoked.
REVOKE ALL ON FUNCTION review_flag(bigint, text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION review_flag(bigint, text, text) FROM PUBLIC;

-- Roles belong to the whole server, not to one database: the role may already exist (another
-- database on the same server, or an administrator created it). Creating it needs CREATEROLE; without
-- it the migration still succeeds and docs/clerk-guide.md shows the administrator what to run.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'socialwatch_clerk') THEN
        BEGIN
            CREATE ROLE socialwatch_clerk NOLOGIN;
        EXCEPTION
            WHEN duplicate_object THEN NULL;  -- created at the same moment by a migration of another database
            WHEN insufficient_privilege THEN
                RAISE NOTICE 'socialwatch_clerk was not created (the migrating user lacks CREATEROLE); see docs/clerk-guide.md';
        END;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'socialwatch_clerk') THEN
        EXECUTE 'GRANT SELECT ON flagged_posts TO socialwatch_clerk';
        EXECUTE 'GRANT EXECUTE ON FUNCTION review_flag(bigint, text, text) TO socialwatch_clerk';
    END IF;
END
$$;

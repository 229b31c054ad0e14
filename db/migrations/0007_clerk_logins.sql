-- Sign-ins for the review page: one row per clerk, created with `socialwatch clerks add NAME`.
-- Applied once by the worker's migrator; never edit after it lands.

-- The password is kept only as an ASP.NET Core Identity hash (PBKDF2 with a per-password salt).
-- failed_count counts wrong passwords since the last good one; after Web:LockoutFailures of them the
-- login is locked until locked_until (`socialwatch clerks unlock NAME` ends it early).
CREATE TABLE clerk_logins (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           text NOT NULL,
    password_hash  text NOT NULL,
    failed_count   integer NOT NULL DEFAULT 0,
    locked_until   timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_sign_in_at timestamptz,
    CHECK (name = btrim(name) AND length(name) BETWEEN 1 AND 100)
);
CREATE UNIQUE INDEX clerk_logins_name ON clerk_logins (lower(name));

-- The review page reads flags as the clerk's role (SET LOCAL ROLE socialwatch_clerk in each of its
-- transactions), so the worker's own login must be a member of that role. The clerk's role never sees
-- the password hashes. Without the right to grant it, the migration still succeeds and
-- docs/security.md shows the administrator the one GRANT to run.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'socialwatch_clerk') THEN
        EXECUTE 'REVOKE ALL ON clerk_logins FROM socialwatch_clerk';
        IF NOT pg_has_role(current_user, 'socialwatch_clerk', 'MEMBER') THEN
            BEGIN
                EXECUTE format('GRANT socialwatch_clerk TO %I', current_user);
            EXCEPTION
                WHEN insufficient_privilege THEN
                    RAISE NOTICE 'the review page needs: GRANT socialwatch_clerk TO %; see docs/security.md', current_user;
            END;
        END IF;
    END IF;
END
$$;

-- The keys that protect the review page's sign-in cookie and antiforgery tokens (ASP.NET Core Data
-- Protection's key ring, one XML element per key). Kept in the database so that a clerk stays signed
-- in across a worker restart or redeployment (the container's root is read-only and its home folder
-- does not survive), and so that every worker of a cluster accepts the cookies the others issued.
-- Applied once by the worker's migrator; never edit after it lands.

-- Rows are only ever added: Data Protection marks a key revoked or expired inside its XML, and an
-- expired key must stay to read cookies issued under it until they expire too.
CREATE TABLE review_page_keys (
    name       text PRIMARY KEY,
    xml        text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- The clerk's role reads flags; it has no business with the keys.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'socialwatch_clerk') THEN
        EXECUTE 'REVOKE ALL ON review_page_keys FROM socialwatch_clerk';
    END IF;
END
$$;

-- posts.source_id says which source first stored a post; nothing joins on it to keep data consistent.
-- Its foreign key cost a look-up and a row lock on the sources row for every stored post (the
-- ingestion path's largest cost after the indexes, see docs/performance.md "Ingestion"), and sources
-- are never deleted by the worker (a source removed from the configuration is disabled, its row
-- kept), so the ON DELETE SET NULL it carried never ran. The column stays, without the constraint.
-- Applied once by the worker's migrator; never edit after it lands.
ALTER TABLE posts DROP CONSTRAINT posts_source_id_fkey;

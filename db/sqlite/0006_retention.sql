-- 0006: retention (issue 6): tombstones of removed articles, and the indexes that removing articles in batches needs.

-- An article removed by retention leaves its dedup key behind, so that a feed still carrying the item does not bring
-- it back as new. The key is the first 16 bytes of the SHA-256 of the canonical URL (articles.canonical_url is what
-- ingest matches an item on): a fixed 16 bytes instead of a URL, for what can be millions of rows. A tombstone expires
-- Retention:TombstoneDays after the last poll that still carried the item (last_seen_ms), not after its removal: an
-- item a feed keeps for years stays dropped for years.
CREATE TABLE article_tombstones (
    url_hash      BLOB PRIMARY KEY,
    removed_ms    INTEGER NOT NULL,      -- when retention removed the article
    last_seen_ms  INTEGER NOT NULL       -- the last poll that still carried it (removed_ms until one does)
) WITHOUT ROWID;
CREATE INDEX article_tombstones_last_seen ON article_tombstones (last_seen_ms);

-- Retention takes the oldest articles by first-seen time, a batch at a time.
CREATE INDEX articles_first_seen ON articles (first_seen_ms);

-- Deleting an article makes SQLite look for rows referring to it in every table with a foreign key to it; without an
-- index on the child column that is a scan of the table per deleted article. The queue is small when clustering keeps
-- up but holds millions during a backlog, and retention also asks it "is this article waiting?".
CREATE INDEX cluster_queue_article ON cluster_queue (article_id);

-- References to articles that are not foreign keys, cleared when their article goes.
CREATE INDEX story_members_nearest ON story_members (nearest_article_id) WHERE nearest_article_id IS NOT NULL;
CREATE INDEX story_origins_article ON story_origins (article_id) WHERE article_id IS NOT NULL;

-- 0004: the editor page (ARCHITECTURE step 8): editors' corrections, full-text search, the feed HTML shown to
-- editors, and the indexes the stories page needs to stay fast at millions of articles.

-- Every correction an editor asked for, in the order asked. The clustering consumer alone applies them (it owns
-- the stories), at a point of the clustering order it records in applied_order; `newsagg recluster` replays each
-- at the same point, so that a correction made once holds in every later run. Articles name the stories a
-- correction is about: a story's id is the id of its first article, and articles survive re-clustering.
CREATE TABLE corrections (
    id                 INTEGER PRIMARY KEY,
    kind               TEXT NOT NULL,     -- merge, split, cannot-link, set-origin, undo
    story_id           INTEGER,           -- the story the editor was looking at
    other_story_id     INTEGER,           -- merge: the story merged into it
    article_ids_json   TEXT NOT NULL DEFAULT '[]',  -- split: the articles split out; cannot-link: the two articles
    outlet_id          TEXT,              -- set-origin: the original outlet
    origin_article_id  INTEGER,           -- set-origin: the original article, when ingested
    undoes             INTEGER REFERENCES corrections (id),  -- undo: the correction it reverts
    note               TEXT,              -- the editor's reason, free text
    editor             TEXT NOT NULL,     -- who asked (the signed-in editor's name)
    requested_ms       INTEGER NOT NULL,
    status             TEXT NOT NULL DEFAULT 'pending',  -- pending, applied, rejected
    applied_order      INTEGER,           -- applied after the article clustered at this order (cluster_decisions.seq)
    applied_ms         INTEGER,
    result_json        TEXT,              -- what it did: stories touched, articles moved (shown, and used by undo)
    error              TEXT,              -- rejected: why
    undone_by          INTEGER            -- the undo that reverted it
);
CREATE INDEX corrections_pending ON corrections (id) WHERE status = 'pending';
CREATE INDEX corrections_applied ON corrections (applied_order) WHERE status = 'applied';

-- Stories kept apart by an editor: the stories holding these two articles are never merged (cannot-link). A
-- split and a "not the same story" both add one; undoing them removes it.
CREATE TABLE story_apart (
    correction_id  INTEGER NOT NULL REFERENCES corrections (id),
    article_a      INTEGER NOT NULL,
    article_b      INTEGER NOT NULL,
    PRIMARY KEY (correction_id, article_a, article_b)
);

-- The feed's own HTML of each version, as fetched (bounded), so the article page can show it. It is sanitised
-- when shown, never stored sanitised: a better sanitiser then applies to old articles too.
ALTER TABLE article_versions ADD COLUMN content_html TEXT;

-- Full-text search over the current title and body of every article (the stories page's search box). External
-- content: the text lives once, in articles; triggers keep the index in step with inserts and edits.
CREATE VIRTUAL TABLE article_search USING fts5 (title, body, content = 'articles', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO article_search (article_search) VALUES ('rebuild');
CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_search (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER article_search_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO article_search (article_search, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO article_search (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
    INSERT INTO article_search (article_search, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;

-- The stories page, biggest first.
CREATE INDEX stories_members ON stories (members, id) WHERE merged_into IS NULL;

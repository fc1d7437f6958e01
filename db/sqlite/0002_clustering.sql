-- 0002: story clustering (ARCHITECTURE step 6). Features are computed once per article version and kept, so that
-- the in-memory index is rebuilt from them at start and every decision can be explained later.

-- Which settings and algorithm version a decision was taken with (one row per distinct configuration).
CREATE TABLE cluster_settings (
    id                 INTEGER PRIMARY KEY,
    algorithm_version  TEXT NOT NULL,
    settings_json      TEXT NOT NULL,
    first_used_ms      INTEGER NOT NULL,
    UNIQUE (algorithm_version, settings_json)
);

-- The features of each article's clustered version. cluster_seq is the queue position it was clustered at:
-- the index is rebuilt in that order.
CREATE TABLE article_features (
    article_id    INTEGER PRIMARY KEY REFERENCES articles (id),
    version       INTEGER NOT NULL,
    cluster_seq   INTEGER NOT NULL UNIQUE,
    outlet_id     TEXT NOT NULL,
    published_ms  INTEGER NOT NULL,
    seen_ms       INTEGER NOT NULL,      -- the article's first-seen time: the index window slides on it
    title_text    TEXT NOT NULL,         -- normalized title terms
    lead_text     TEXT NOT NULL,         -- normalized title and lead terms, bounded
    terms         BLOB NOT NULL,         -- (uint32 term hash, int32 weight) little-endian pairs, sorted by term
    index_terms   BLOB NOT NULL,         -- uint32 term hashes posted to the inverted index
    minhash       BLOB NOT NULL,         -- 64 uint32
    sentences     BLOB NOT NULL,         -- uint32 hashes of long sentences, sorted
    body_tokens   INTEGER NOT NULL
);

-- A story's id is the id of its first article. A story merged into another keeps its row with merged_into set,
-- so that a link to it still leads somewhere.
CREATE TABLE stories (
    id           INTEGER PRIMARY KEY,
    members      INTEGER NOT NULL,
    oldest_ms    INTEGER NOT NULL,
    newest_ms    INTEGER NOT NULL,
    created_ms   INTEGER NOT NULL,
    updated_ms   INTEGER NOT NULL,
    merged_into  INTEGER
);
-- The stories page reads the newest live stories first.
CREATE INDEX stories_newest ON stories (newest_ms) WHERE merged_into IS NULL;

-- Each clustered article's story and its relation to its nearest earlier neighbour there.
CREATE TABLE story_members (
    article_id          INTEGER PRIMARY KEY REFERENCES articles (id),
    story_id            INTEGER NOT NULL,
    relation            TEXT NOT NULL,   -- original, duplicate, rewrite, related
    nearest_article_id  INTEGER,
    score               REAL NOT NULL,
    joined_ms           INTEGER NOT NULL
);
CREATE INDEX story_members_story ON story_members (story_id);

-- Why each version went where it went: the candidates with every metric's score, the stories scored as a whole,
-- the stories merged. seq is the queue position: `newsagg recluster` replays decisions in this order.
CREATE TABLE cluster_decisions (
    article_id          INTEGER NOT NULL REFERENCES articles (id),
    version             INTEGER NOT NULL,
    seq                 INTEGER NOT NULL UNIQUE,
    story_id            INTEGER NOT NULL,
    action              TEXT NOT NULL,   -- new-story, joined, joined-and-merged, updated
    relation            TEXT NOT NULL,
    nearest_article_id  INTEGER,
    score               REAL NOT NULL,
    candidates_json     TEXT NOT NULL,
    stories_json        TEXT NOT NULL,
    merged_json         TEXT NOT NULL,
    settings_id         INTEGER NOT NULL REFERENCES cluster_settings (id),
    decided_ms          INTEGER NOT NULL,
    PRIMARY KEY (article_id, version)
);

-- Article versions the engine could not cluster (a bug, not bad input: every stored text can be clustered). They
-- leave the queue so that the rest is not blocked, and stay listed here with the error for an operator.
CREATE TABLE cluster_failures (
    article_id  INTEGER NOT NULL REFERENCES articles (id),
    version     INTEGER NOT NULL,
    error       TEXT NOT NULL,
    failed_ms   INTEGER NOT NULL,
    PRIMARY KEY (article_id, version)
);

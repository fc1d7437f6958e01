-- 0003: provenance (ARCHITECTURE step 7). Evidence is what an article's text and feed say about its sources, each
-- piece with the exact span it came from; edges are what the provenance stage concludes from the evidence and from
-- the text shared within a story; story_origins is each story's original outlet (and article, when ingested).
-- Everything here is recomputed by `newsagg recluster` and updated when new evidence arrives.

-- One row per piece of evidence of an article's current version.
CREATE TABLE provenance_evidence (
    id                 INTEGER PRIMARY KEY,
    article_id         INTEGER NOT NULL REFERENCES articles (id),
    version            INTEGER NOT NULL,
    kind               TEXT NOT NULL,     -- attribution, wire-credit, declared, canonical, link, clock-skew
    value              TEXT NOT NULL,     -- the outlet name or URL as written
    outlet_id          TEXT,              -- the outlet it resolves to (directory or external), when it names one
    span               TEXT NOT NULL,     -- the exact text (or feed element) it came from
    created_ms         INTEGER NOT NULL
);
CREATE INDEX provenance_evidence_article ON provenance_evidence (article_id);
CREATE INDEX provenance_evidence_outlet ON provenance_evidence (outlet_id);

-- Derived article → its source. The source is an ingested article (source_article_id) or, when the source is not
-- ingested, an outlet node (source_article_id NULL). chosen = 1 marks the one edge per article its chain follows.
CREATE TABLE provenance_edges (
    id                 INTEGER PRIMARY KEY,
    article_id         INTEGER NOT NULL REFERENCES articles (id),
    source_article_id  INTEGER,
    source_outlet_id   TEXT NOT NULL,
    kind               TEXT NOT NULL,     -- copy, rewrite, attribution, wire-credit, link, declared
    confidence         REAL NOT NULL,     -- 0..1
    chosen             INTEGER NOT NULL DEFAULT 0,
    gap_ms             INTEGER,           -- derived published - source published (articles only)
    evidence_json      TEXT NOT NULL,     -- spans and scores behind the edge
    algorithm_version  TEXT NOT NULL,
    created_ms         INTEGER NOT NULL
);
CREATE INDEX provenance_edges_article ON provenance_edges (article_id);
CREATE INDEX provenance_edges_source ON provenance_edges (source_article_id);
CREATE INDEX provenance_edges_outlet ON provenance_edges (source_outlet_id);

-- Each live story's original outlet: the root of its earliest chain.
CREATE TABLE story_origins (
    story_id           INTEGER PRIMARY KEY,
    outlet_id          TEXT NOT NULL,
    article_id         INTEGER,           -- the original article, when ingested
    basis              TEXT NOT NULL,     -- chain: a derived chain ends there; earliest: the earliest report
    updated_ms         INTEGER NOT NULL
);
CREATE INDEX story_origins_outlet ON story_origins (outlet_id);

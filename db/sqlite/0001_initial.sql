-- 0001: feeds, outlets, articles with versions and sightings, the clustering queue.
-- Times are UTC milliseconds since the Unix epoch in INTEGER columns: the same representation works on
-- PostgreSQL (bigint), sorts correctly and needs no type handler.

CREATE TABLE outlets (
    id            TEXT PRIMARY KEY,            -- stable slug from config/outlets.json, e.g. "reuters"
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,               -- wire, newspaper, broadcaster, magazine, aggregator, press-release-wire, blog, state-media
    country       TEXT,
    aliases_json  TEXT NOT NULL DEFAULT '[]',
    domains_json  TEXT NOT NULL DEFAULT '[]',
    external      INTEGER NOT NULL DEFAULT 0   -- 1: found in an attribution, not in the directory
);

CREATE TABLE feeds (
    id                      INTEGER PRIMARY KEY,
    key                     TEXT NOT NULL UNIQUE,      -- the id in feeds.json, e.g. "bbc-world"
    outlet_id               TEXT NOT NULL,
    url                     TEXT NOT NULL UNIQUE,      -- the URL polled now (a permanent redirect may have replaced the configured one)
    configured_url          TEXT NOT NULL,             -- as written in feeds.json: a change there resets the feed
    title                   TEXT,
    site_link               TEXT,
    source                  TEXT NOT NULL DEFAULT 'config',  -- config (feeds.json) or import (OPML): only config feeds follow feeds.json
    enabled                 INTEGER NOT NULL DEFAULT 1,
    status                  TEXT NOT NULL DEFAULT 'active',   -- active, failing, dead
    etag                    TEXT,                      -- validators exactly as the server sent them
    last_modified           TEXT,
    last_body_hash          TEXT,
    interval_s              INTEGER NOT NULL DEFAULT 0,
    consecutive_failures    INTEGER NOT NULL DEFAULT 0,
    not_found_since_ms      INTEGER,
    consecutive_not_found   INTEGER NOT NULL DEFAULT 0,
    pending_redirect_url    TEXT,
    pending_redirect_count  INTEGER NOT NULL DEFAULT 0,
    last_error              TEXT,
    last_status_code        INTEGER,
    last_polled_ms          INTEGER,
    last_success_ms         INTEGER,
    next_poll_ms            INTEGER,
    polls                   INTEGER NOT NULL DEFAULT 0,
    articles_new            INTEGER NOT NULL DEFAULT 0,
    created_ms              INTEGER NOT NULL
);

CREATE TABLE articles (
    id                       INTEGER PRIMARY KEY,
    canonical_url            TEXT NOT NULL UNIQUE,     -- the dedup key: re-polls and cross-feed repeats hit it
    guid                     TEXT,
    outlet_id                TEXT NOT NULL,            -- outlet of the first feed that carried it
    title                    TEXT NOT NULL,
    body                     TEXT NOT NULL,
    author                   TEXT,
    published_ms             INTEGER NOT NULL,
    published_is_first_seen  INTEGER NOT NULL DEFAULT 0,
    updated_ms               INTEGER,
    first_seen_ms            INTEGER NOT NULL,
    changed_ms               INTEGER NOT NULL,
    content_hash             TEXT NOT NULL,
    version                  INTEGER NOT NULL DEFAULT 1,
    hints_json               TEXT NOT NULL DEFAULT '[]',
    categories_json          TEXT NOT NULL DEFAULT '[]'
);
-- The page and the clustering window read newest first.
CREATE INDEX articles_published ON articles (published_ms);
CREATE INDEX articles_outlet ON articles (outlet_id, published_ms);

-- Every version of every article, the first included: history is never overwritten.
CREATE TABLE article_versions (
    article_id    INTEGER NOT NULL REFERENCES articles (id),
    version       INTEGER NOT NULL,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    seen_ms       INTEGER NOT NULL,
    feed_id       INTEGER REFERENCES feeds (id),
    PRIMARY KEY (article_id, version)
);

-- Every feed that carried an article: deduplication never loses membership.
CREATE TABLE sightings (
    article_id     INTEGER NOT NULL REFERENCES articles (id),
    feed_id        INTEGER NOT NULL REFERENCES feeds (id),
    first_seen_ms  INTEGER NOT NULL,
    last_seen_ms   INTEGER NOT NULL,
    PRIMARY KEY (article_id, feed_id)
);
CREATE INDEX sightings_feed ON sightings (feed_id, last_seen_ms);

-- New articles and new versions waiting for the clustering consumer, in ingest order.
CREATE TABLE cluster_queue (
    seq          INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles (id),
    version      INTEGER NOT NULL,
    enqueued_ms  INTEGER NOT NULL
);

-- 0005: the stories page, fastest-growing first (checked with EXPLAIN QUERY PLAN in EditorQueriesTests and
-- measured by `newsagg bench-pages`).

-- Growth is members per day over the story's life, with an hour of grace so that a story of one fresh article does
-- not outrank one that grew to twenty in two hours. Integer arithmetic keeps the key exact for keyset paging.
-- EditorQueries repeats the expression word for word: SQLite uses an expression index only for the same expression.
CREATE INDEX stories_growth ON stories ((members * 86400000 / (newest_ms - oldest_ms + 3600000)), id) WHERE merged_into IS NULL;

-- Articles and the few key/value facts the server keeps about itself.
-- Times are unix milliseconds (UTC); JSON columns hold vestnik-api wire types.

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    slug         TEXT    NOT NULL UNIQUE,
    title        TEXT    NOT NULL,
    lead         TEXT    NOT NULL DEFAULT '',
    body         TEXT    NOT NULL DEFAULT '[]',
    source_name  TEXT    NOT NULL,
    source_url   TEXT    NULL,
    published_at INTEGER NOT NULL,
    updated_at   INTEGER NULL,
    views        INTEGER NOT NULL DEFAULT 0,
    tags         TEXT    NOT NULL DEFAULT '[]',
    image        TEXT    NULL
);

-- Serves the news list's keyset pagination: ORDER BY published_at DESC, id DESC.
CREATE INDEX articles_published_at_id ON articles (published_at DESC, id DESC);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

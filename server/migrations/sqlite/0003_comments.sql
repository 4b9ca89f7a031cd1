-- Readers' comments and the event log the live stream replays from.
-- Times are unix milliseconds (UTC). A removed comment keeps its row
-- (removed_at set) so its events and idempotent retries still resolve.

CREATE TABLE comments (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    -- One level of replies: a reply's parent is always a top-level comment.
    parent_id  INTEGER NULL REFERENCES comments (id) ON DELETE CASCADE,
    author     TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    -- The posting client's id for this comment: a retry finds the stored one.
    client_id  TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    removed_at INTEGER NULL,
    -- The poster's address, kept for moderation only; never sent to clients.
    ip         TEXT    NULL,
    UNIQUE (article_id, client_id)
);

-- Pages of top-level comments (parent_id IS NULL) by id, and replies by parent.
CREATE INDEX comments_article_parent_id ON comments (article_id, parent_id, id);
CREATE INDEX comments_parent_id ON comments (parent_id);

-- Every change to an article's comments, in order. AUTOINCREMENT: an id is
-- never reused, so a client's Last-Event-ID always means the same point.
CREATE TABLE comment_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('comment', 'comment_removed')),
    comment_id INTEGER NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
);

CREATE INDEX comment_events_article_id ON comment_events (article_id, id);

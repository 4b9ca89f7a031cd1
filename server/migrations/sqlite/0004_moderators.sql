-- Moderators, each with a token of their own (only its SHA-256 is stored),
-- and the log of every moderation action: who did what to which comment, when.
-- Times are unix milliseconds (UTC).

CREATE TABLE moderators (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    -- Hex SHA-256 of the token `vestnik-server moderator add` printed once.
    token_hash TEXT    NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER NULL
);

-- One active moderator per name; a revoked name can be given again.
CREATE UNIQUE INDEX moderators_active_name ON moderators (name) WHERE revoked_at IS NULL;

CREATE TABLE moderation_log (
    id           INTEGER PRIMARY KEY,
    -- NULL for the server's shared token (--moderator-token).
    moderator_id INTEGER NULL REFERENCES moderators (id),
    -- The name at the time, kept even if the moderator is revoked.
    moderator    TEXT    NOT NULL,
    action       TEXT    NOT NULL,
    comment_id   INTEGER NULL REFERENCES comments (id) ON DELETE SET NULL,
    article_id   INTEGER NULL REFERENCES articles (id) ON DELETE SET NULL,
    created_at   INTEGER NOT NULL
);

CREATE INDEX moderation_log_created ON moderation_log (id DESC);

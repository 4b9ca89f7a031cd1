-- The moderation desk: comment states, who wrote what (by reader key and
-- network), readers' reports, word lists, bans, per-article settings, used
-- proof-of-work challenges, and events meant for one reader only.
-- Times are unix milliseconds (UTC).

-- published: everyone sees it; pending: waits for a moderator (its author
-- sees it); rejected: refused with a reason (its author sees it); removed:
-- taken down. `removed_at` stays as the time of a removal or rejection.
ALTER TABLE comments ADD COLUMN status TEXT NOT NULL DEFAULT 'published'
    CHECK (status IN ('published', 'pending', 'rejected', 'removed'));
UPDATE comments SET status = 'removed' WHERE removed_at IS NOT NULL;
-- First 16 bytes of the SHA-256 of the reader's key, hex; the key itself is never stored.
ALTER TABLE comments ADD COLUMN reader_id TEXT NULL;
-- 203.0.113.0/24 or 2001:db8:1::/48: what bans by network and the desk use.
ALTER TABLE comments ADD COLUMN ip_prefix TEXT NULL;
-- Why it waits (pre_moderation, new_commenter, links, suspect_word, reports,
-- repeated) and what about (the suspect word).
ALTER TABLE comments ADD COLUMN held_for TEXT NULL;
ALTER TABLE comments ADD COLUMN held_detail TEXT NULL;
-- A rejection's reason code and the moderator's note to the author.
ALTER TABLE comments ADD COLUMN reject_reason TEXT NULL;
ALTER TABLE comments ADD COLUMN reject_note TEXT NULL;
-- Posted under a shadow ban: published for its author only.
ALTER TABLE comments ADD COLUMN shadow INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN featured INTEGER NOT NULL DEFAULT 0;
-- Reports since a moderator last approved it (the reported queue).
ALTER TABLE comments ADD COLUMN open_reports INTEGER NOT NULL DEFAULT 0;
-- The text folded for comparison (case, ё, look-alikes, spaces): repeat-post detection.
ALTER TABLE comments ADD COLUMN fingerprint TEXT NULL;

CREATE INDEX comments_status_id ON comments (status, id);
CREATE INDEX comments_open_reports ON comments (open_reports, id) WHERE open_reports > 0;
CREATE INDEX comments_reader ON comments (reader_id, created_at);
CREATE INDEX comments_ip_prefix ON comments (ip_prefix, created_at);
CREATE INDEX comments_fingerprint ON comments (fingerprint, created_at);

-- NULL: every reader's stream; a reader id: that reader's only (their own
-- pending or rejected comment, a comment posted under a shadow ban).
ALTER TABLE comment_events ADD COLUMN audience TEXT NULL;

CREATE TABLE comment_reports (
    comment_id INTEGER NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    reader_id  TEXT    NOT NULL,
    reason     TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    -- One report per reader per comment.
    PRIMARY KEY (comment_id, reader_id)
);

CREATE TABLE word_list (
    -- The entry folded as comments are (lowercase, ё as е, look-alikes): unique per list.
    folded     TEXT    NOT NULL,
    -- As the moderator wrote it.
    word       TEXT    NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('banned', 'suspect')),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (folded, kind)
);

CREATE TABLE bans (
    id           INTEGER PRIMARY KEY,
    scope        TEXT    NOT NULL CHECK (scope IN ('reader', 'network')),
    -- A reader id or a network prefix.
    target       TEXT    NOT NULL,
    shadow       INTEGER NOT NULL DEFAULT 0,
    -- NULL: for good.
    expires_at   INTEGER NULL,
    created_at   INTEGER NOT NULL,
    moderator    TEXT    NOT NULL,
    note         TEXT    NULL,
    author       TEXT    NULL,
    lifted_at    INTEGER NULL
);

CREATE INDEX bans_target ON bans (scope, target) WHERE lifted_at IS NULL;

-- An article's own settings; no row (or NULLs): the site's.
CREATE TABLE article_moderation (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    mode       TEXT    NULL CHECK (mode IN ('post', 'pre', 'new', 'links')),
    -- 1: closed by hand, 0: opened by hand (even past --close-after-days).
    closed     INTEGER NULL
);

-- Proof-of-work challenges already spent: each opens one comment.
CREATE TABLE spent_challenges (
    challenge  TEXT    PRIMARY KEY,
    expires_at INTEGER NOT NULL
);

CREATE INDEX spent_challenges_expires ON spent_challenges (expires_at);

-- What the action said besides its comment: a reason, a scope, a word.
ALTER TABLE moderation_log ADD COLUMN detail TEXT NULL;

-- Who has been counted as a reader of which article, and when (one view per
-- reader per article a day); the Postgres twin of migrations/sqlite/0002.
CREATE TABLE article_views (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    reader_id  TEXT   NOT NULL,
    counted_at BIGINT NOT NULL,
    PRIMARY KEY (article_id, reader_id)
);

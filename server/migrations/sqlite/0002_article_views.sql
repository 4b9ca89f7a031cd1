-- Who has been counted as a reader of which article, and when: the server
-- counts one view per reader per article a day. reader_id is the random id
-- the browser keeps in localStorage; nothing else about the reader is stored.
CREATE TABLE article_views (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    reader_id  TEXT    NOT NULL,
    counted_at INTEGER NOT NULL,
    PRIMARY KEY (article_id, reader_id)
);

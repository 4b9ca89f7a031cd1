-- Every replica hears every write (decision 35): Postgres sends these at
-- commit, in commit order, to each connection that LISTENs. Postgres only:
-- SQLite has one process, whose writers tell its streams themselves.

CREATE FUNCTION vestnik_notify_comment_events() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- No payload: listeners read the log after the last id they handled,
    -- and one transaction's identical notifications arrive as one.
    PERFORM pg_notify('vestnik_comment_events', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER comment_events_notify
    AFTER INSERT ON comment_events
    FOR EACH STATEMENT EXECUTE FUNCTION vestnik_notify_comment_events();

CREATE FUNCTION vestnik_notify_article_settings() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('vestnik_article_settings', OLD.article_id::text);
    ELSE
        PERFORM pg_notify('vestnik_article_settings', NEW.article_id::text);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER article_moderation_notify
    AFTER INSERT OR UPDATE OR DELETE ON article_moderation
    FOR EACH ROW EXECUTE FUNCTION vestnik_notify_article_settings();

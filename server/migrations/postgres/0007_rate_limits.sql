-- Rate-limit buckets (store/rate.rs), one per limit and reader address:
-- the instant the bucket's next request is due (GCRA's TAT), unix ms. Used
-- when replicas share the database; one process keeps them in memory.
CREATE TABLE rate_limits (
    bucket TEXT   NOT NULL,
    key    TEXT   NOT NULL,
    tat    BIGINT NOT NULL,
    PRIMARY KEY (bucket, key)
);

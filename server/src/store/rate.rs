//! Rate-limit buckets kept in the database, so that replicas count together.
//!
//! The generic cell rate algorithm (GCRA), the one governor runs in memory:
//! each bucket keeps one instant, its "theoretical arrival time" (TAT). A
//! request at `now` is allowed when `max(TAT, now) - now` is at most the
//! burst's tolerance (`period × (burst - 1)`), and then moves the TAT to
//! `max(TAT, now) + period`. One upsert decides and records, atomically on
//! both backends (`CASE` rather than `GREATEST`/`MAX`, which differ).

use super::Store;
use crate::error::StoreError;
use jiff::Timestamp;
use std::time::Duration;

/// Takes one request from the bucket `bucket`/`key`: `None` when it is
/// allowed, else how long until one would be.
pub async fn take_rate_token(
    store: &Store,
    bucket: &str,
    key: &str,
    period: Duration,
    burst: u32,
    now: Timestamp,
) -> Result<Option<Duration>, StoreError> {
    let now_ms = now.as_millisecond();
    let period_ms = i64::try_from(period.as_millis())
        .unwrap_or(i64::MAX / 4)
        .max(1);
    let tolerance_ms = period_ms.saturating_mul(i64::from(burst.max(1) - 1));
    let allowed: Option<i64> = sqlx::query_scalar(
        "INSERT INTO rate_limits (bucket, key, tat) VALUES ($1, $2, $3 + $4) \
         ON CONFLICT (bucket, key) DO UPDATE \
         SET tat = (CASE WHEN rate_limits.tat > $3 THEN rate_limits.tat ELSE $3 END) + $4 \
         WHERE (CASE WHEN rate_limits.tat > $3 THEN rate_limits.tat ELSE $3 END) - $3 <= $5 \
         RETURNING tat",
    )
    .bind(bucket)
    .bind(key)
    .bind(now_ms)
    .bind(period_ms)
    .bind(tolerance_ms)
    .fetch_optional(store.db())
    .await?;
    if allowed.is_some() {
        return Ok(None);
    }
    let tat: Option<i64> =
        sqlx::query_scalar("SELECT tat FROM rate_limits WHERE bucket = $1 AND key = $2")
            .bind(bucket)
            .bind(key)
            .fetch_optional(store.db())
            .await?;
    let wait_ms = tat.map_or(0, |tat| tat - tolerance_ms - now_ms).max(0);
    Ok(Some(Duration::from_millis(
        u64::try_from(wait_ms).unwrap_or(0),
    )))
}

/// Forgets the buckets of `bucket` that are full again (their TAT has passed).
pub async fn forget_rate_tokens(
    store: &Store,
    bucket: &str,
    now: Timestamp,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM rate_limits WHERE bucket = $1 AND tat < $2")
        .bind(bucket)
        .bind(now.as_millisecond())
        .execute(store.db())
        .await?;
    Ok(())
}

//! Demo content: the Kharkiv newsroom's page from `server/seed/`, its nine
//! "other news", and 300 generated items so the endless list has depth.

mod generated;

use crate::error::ServerError;
use crate::store::{NewArticle, Store, insert_article};
use jiff::civil::Time;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use serde::Deserialize;
use vestnik_api::{Block, Inline, Source, Tag};

/// Slug of the article from the fixture page, the newest of the demo.
pub const SEED_ARTICLE_SLUG: &str = "belgium-invest-kharkiv";
/// How many generated items the demo has after the fixture's ten articles.
pub const GENERATED_COUNT: u32 = 300;
/// The `meta` key that marks a database as seeded.
pub const SEEDED_KEY: &str = "demo_seeded";
/// The newsroom's zone: the fixture page shows its time in Kyiv local time.
const NEWSROOM_ZONE: &str = "Europe/Kyiv";

/// The fixture article as structured data (see `server/seed/seed-page.ru.txt`).
const SEED_ARTICLE_JSON: &str = include_str!("../../seed/belgium-invest-kharkiv.json");
/// The fixture's "Другие новости" with the headlines and slugs written for them.
const OTHER_NEWS_JSON: &str = include_str!("../../seed/other-news.json");

/// What [`seed_demo`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeedOutcome {
    /// The demo was written now.
    Seeded {
        /// Articles inserted (fewer than the demo has if some slugs already existed).
        articles: u64,
        /// Publication instant of the seed article, from which the other ages count.
        anchor: Timestamp,
    },
    /// The database had been seeded before; nothing was written.
    AlreadySeeded,
}

#[derive(Deserialize)]
struct SeedArticle {
    slug: String,
    title: String,
    lead: String,
    body: Vec<Block>,
    source: Source,
    /// Kyiv wall-clock time the fixture page shows, `HH:MM`.
    local_time: String,
    views: u64,
    tags: Vec<Tag>,
}

#[derive(Deserialize)]
struct OtherNews {
    slug: String,
    title: String,
    summary: String,
    /// Age relative to the seed article ("16 часов назад" = 16).
    age_hours: i64,
    views: u64,
    tags: Vec<Tag>,
}

/// Writes the demo content once per database; later calls change nothing.
pub async fn seed_demo(store: &Store, now: Timestamp) -> Result<SeedOutcome, ServerError> {
    seed_demo_with(store, now, GENERATED_COUNT).await
}

/// [`seed_demo`] with `generated` made-up items instead of the usual 300: tests
/// and benchmarks of the endless list need thousands.
pub async fn seed_demo_with(
    store: &Store,
    now: Timestamp,
    generated: u32,
) -> Result<SeedOutcome, ServerError> {
    let articles = demo_articles_with(now, generated)?;
    let anchor = articles
        .first()
        .map(|a| a.published_at)
        .ok_or_else(|| ServerError::Corrupt("the demo has no articles".to_owned()))?;
    let mut tx = store.begin().await?;
    // Claiming the marker first takes SQLite's write lock, so a second process
    // seeding the same file at the same moment waits, then finds the marker.
    let claimed =
        sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
            .bind(SEEDED_KEY)
            .bind(anchor.to_string())
            .execute(&mut *tx)
            .await?
            .rows_affected();
    if claimed == 0 {
        tx.rollback().await?;
        return Ok(SeedOutcome::AlreadySeeded);
    }
    let mut inserted = 0;
    for article in &articles {
        if insert_article(&mut *tx, article).await? {
            inserted += 1;
        }
    }
    tx.commit().await?;
    Ok(SeedOutcome::Seeded {
        articles: inserted,
        anchor,
    })
}

/// The whole demo as it would be seeded at `now`, newest first.
pub fn demo_articles(now: Timestamp) -> Result<Vec<NewArticle>, ServerError> {
    demo_articles_with(now, GENERATED_COUNT)
}

/// The demo with `generated` made-up items after the fixture's ten articles.
pub fn demo_articles_with(now: Timestamp, generated: u32) -> Result<Vec<NewArticle>, ServerError> {
    let seed: SeedArticle = serde_json::from_str(SEED_ARTICLE_JSON)
        .map_err(|e| ServerError::Corrupt(format!("seed article JSON: {e}")))?;
    let others: Vec<OtherNews> = serde_json::from_str(OTHER_NEWS_JSON)
        .map_err(|e| ServerError::Corrupt(format!("other news JSON: {e}")))?;
    let anchor = latest_local_time(now, &seed.local_time)?;
    let newsroom = Source {
        name: "Харьковчанин".to_owned(),
        url: None,
    };

    let mut articles = Vec::with_capacity(1 + others.len() + generated as usize);
    articles.push(NewArticle {
        slug: seed.slug,
        title: seed.title,
        lead: seed.lead,
        body: seed.body,
        source: seed.source,
        published_at: anchor,
        updated_at: None,
        views: seed.views,
        tags: seed.tags,
        image: None,
    });
    for item in others {
        articles.push(NewArticle {
            published_at: before(anchor, SignedDuration::from_hours(item.age_hours))?,
            body: vec![Block::Paragraph {
                inlines: vec![Inline::plain(&item.summary)],
            }],
            slug: item.slug,
            title: item.title,
            lead: item.summary,
            source: newsroom.clone(),
            updated_at: None,
            views: item.views,
            tags: item.tags,
            image: None,
        });
    }
    for index in 1..=generated {
        articles.push(generated::article(index, anchor, &newsroom)?);
    }
    Ok(articles)
}

/// The most recent instant at or before `now` when Kyiv clocks showed `hh_mm`.
pub fn latest_local_time(now: Timestamp, hh_mm: &str) -> Result<Timestamp, ServerError> {
    let zone = TimeZone::get(NEWSROOM_ZONE)
        .map_err(|e| ServerError::Config(format!("time zone {NEWSROOM_ZONE}: {e}")))?;
    let time: Time = hh_mm
        .parse()
        .map_err(|e| ServerError::Corrupt(format!("seed time {hh_mm:?}: {e}")))?;
    let today = now.to_zoned_datetime(zone.clone()).date();
    let at = |date: jiff::civil::Date| {
        // `compatible` picks the later instant in a DST gap and the earlier in a fold.
        zone.to_ambiguous_timestamp(date.to_datetime(time))
            .compatible()
            .map_err(|e| ServerError::Corrupt(format!("seed time: {e}")))
    };
    let candidate = at(today)?;
    if candidate <= now {
        return Ok(candidate);
    }
    let yesterday = today
        .yesterday()
        .map_err(|e| ServerError::Corrupt(format!("seed date: {e}")))?;
    at(yesterday)
}

fn before(anchor: Timestamp, age: SignedDuration) -> Result<Timestamp, ServerError> {
    anchor
        .checked_sub(age)
        .map_err(|e| ServerError::Corrupt(format!("seed time out of range: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_is_newest_first_with_unique_slugs() {
        let now: Timestamp = "2026-11-25T00:50:00Z".parse().unwrap();
        let demo = demo_articles(now).unwrap();
        assert_eq!(demo.len(), 310);
        assert_eq!(demo[0].slug, SEED_ARTICLE_SLUG);
        assert!(
            demo.windows(2)
                .all(|w| w[0].published_at > w[1].published_at)
        );
        let mut slugs: Vec<_> = demo.iter().map(|a| a.slug.as_str()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), 310);
    }

    #[test]
    fn seed_time_is_the_last_0247_in_kyiv() {
        // 00:50 UTC is 02:50 in Kyiv (EET, winter): today's 02:47 has passed.
        let now: Timestamp = "2026-11-25T00:50:00Z".parse().unwrap();
        assert_eq!(
            latest_local_time(now, "02:47").unwrap().to_string(),
            "2026-11-25T00:47:00Z"
        );
        // 00:40 UTC is 02:40 in Kyiv: the last 02:47 was yesterday's.
        let now: Timestamp = "2026-11-25T00:40:00Z".parse().unwrap();
        assert_eq!(
            latest_local_time(now, "02:47").unwrap().to_string(),
            "2026-11-24T00:47:00Z"
        );
        // Summer (EEST, UTC+3).
        let now: Timestamp = "2026-07-01T12:00:00Z".parse().unwrap();
        assert_eq!(
            latest_local_time(now, "02:47").unwrap().to_string(),
            "2026-06-30T23:47:00Z"
        );
    }
}

//! The demo content matches the fixture page and is seeded exactly once.

use crate::common::TestServer;
use jiff::{SignedDuration, Timestamp};
use vestnik_api::{Article, Block, NewsPage};
use vestnik_server::{SeedOutcome, Store, seed_demo, store};

const FIXTURE: &str = include_str!("../../seed/seed-page.ru.txt");

/// What the fixture page says, read independently of the seed data.
struct Fixture {
    title: String,
    /// Body paragraphs in order: `(text, Some(attribution))` for «…» statements.
    paragraphs: Vec<(String, Option<String>)>,
    /// "Другие новости": summary and the age text ("16 часов назад").
    others: Vec<(String, String)>,
}

fn fixture() -> Fixture {
    let lines: Vec<&str> = FIXTURE.lines().map(str::trim).collect();
    let title = lines[0].to_owned();
    let mut paragraphs = Vec::new();
    for line in &lines[1..] {
        if line.starts_with("Источник:") {
            break;
        }
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix('«') {
            let end = rest.rfind('»').expect("closing »");
            let said = &rest[end..];
            let who = ["Алекс Ленартс", "Игорь Терехов"]
                .into_iter()
                .find(|name| said.contains(name))
                .expect("a known speaker after the quote");
            paragraphs.push((rest[..end].to_owned(), Some(who.to_owned())));
        } else {
            paragraphs.push(((*line).to_owned(), None));
        }
    }
    let start = lines
        .iter()
        .position(|l| *l == "Другие новости")
        .expect("other news heading")
        + 1;
    let rest: Vec<&str> = lines[start..]
        .iter()
        .copied()
        .filter(|l| !l.is_empty())
        .collect();
    let others = rest
        .chunks(2)
        .map(|pair| {
            let age = pair[1]
                .strip_prefix("Харьковчанин ")
                .expect("source then age");
            (pair[0].to_owned(), age.to_owned())
        })
        .collect();
    Fixture {
        title,
        paragraphs,
        others,
    }
}

#[tokio::test]
async fn seed_article_matches_the_fixture() {
    let server = TestServer::seeded().await;
    let fixture = fixture();
    assert_eq!(
        fixture.paragraphs.len(),
        8,
        "the fixture has 8 body paragraphs"
    );

    let article: Article = serde_json::from_value(
        server
            .json("/api/articles/belgium-invest-kharkiv", 200)
            .await,
    )
    .unwrap();
    assert_eq!(article.title, fixture.title);
    assert_eq!(article.lead, fixture.paragraphs[0].0);
    assert_eq!(article.body.len(), fixture.paragraphs.len());
    for (block, (text, attribution)) in article.body.iter().zip(&fixture.paragraphs) {
        match (block, attribution) {
            (Block::Paragraph { inlines }, None) => {
                assert_eq!(inlines.len(), 1);
                assert_eq!(&inlines[0].text, text);
                assert!(inlines[0].marks.is_empty() && inlines[0].href.is_none());
            }
            (
                Block::Quote {
                    text: quoted,
                    attribution: who,
                },
                Some(expected_who),
            ) => {
                assert_eq!(quoted, text);
                assert!(!quoted.contains('«') && !quoted.ends_with('»'));
                assert_eq!(who.as_deref(), Some(expected_who.as_str()));
            }
            (block, _) => panic!("block {block:?} does not match fixture paragraph {text:?}"),
        }
    }
    let quotes: Vec<_> = article
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Quote { attribution, .. } => attribution.as_deref(),
            _ => None,
        })
        .collect();
    assert_eq!(quotes, ["Алекс Ленартс", "Игорь Терехов"]);

    let source = article.source.expect("source");
    assert_eq!(source.name, "Харьковский горсовет");
    assert_eq!(source.url.as_deref(), Some("https://www.city.kharkiv.ua/"));
    assert_eq!(article.views, 293);
    assert_eq!(article.comment_count, 0);
    assert!(article.updated_at.is_none());
    assert!(FIXTURE.contains("\n293\n"), "views are the fixture's");

    // "02:47" on the page: Kyiv wall-clock time, the latest such instant before seeding.
    let published: Timestamp = article.published_at.parse().unwrap();
    assert_eq!(published, server.anchor());
    let kyiv = published.in_tz("Europe/Kyiv").unwrap();
    assert_eq!((kyiv.hour(), kyiv.minute(), kyiv.second()), (2, 47, 0));
    assert!(published <= server.now);
    assert!(server.now.duration_since(published) < SignedDuration::from_hours(24));
}

#[tokio::test]
async fn fixture_news_are_seeded_with_their_ages_and_the_total_is_310() {
    let server = TestServer::seeded().await;
    let fixture = fixture();
    assert_eq!(fixture.others.len(), 9);
    let page: NewsPage =
        serde_json::from_value(server.json("/api/news?limit=10", 200).await).unwrap();
    assert_eq!(
        page.items[0].slug, "belgium-invest-kharkiv",
        "the seed article is the newest"
    );

    let expected_hours = [
        16,
        30,
        6 * 24 + 3,
        7 * 24 + 2,
        8 * 24 + 1,
        8 * 24 + 5,
        10 * 24 + 2,
        11 * 24 + 4,
        12 * 24 + 3,
    ];
    let anchor = server.anchor();
    for ((item, (summary, age_text)), hours) in page.items[1..]
        .iter()
        .zip(&fixture.others)
        .zip(expected_hours)
    {
        assert_eq!(&item.summary, summary);
        assert!(!item.title.is_empty() && item.title != item.summary);
        assert!(
            item.slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        );
        let source = item.source.as_ref().expect("source");
        assert_eq!(source.name, "Харьковчанин");
        assert_eq!(source.url, None);
        let published: Timestamp = item.published_at.parse().unwrap();
        let age = anchor.duration_since(published);
        assert_eq!(age, SignedDuration::from_hours(hours), "{}", item.slug);
        // And the coarse age the page shows agrees: "16 часов", "1 день", "6 дней".
        let shown: i64 = age_text.split(' ').next().unwrap().parse().unwrap();
        let whole = if age_text.contains("час") {
            age.as_hours()
        } else {
            age.as_hours() / 24
        };
        assert_eq!(whole, shown, "{age_text}");

        let article: Article = serde_json::from_value(
            server
                .json(&format!("/api/articles/{}", item.slug), 200)
                .await,
        )
        .unwrap();
        assert_eq!(article.lead, *summary);
        assert_eq!(article.body.len(), 1);
        assert!(article.views > 0);
    }
    assert_eq!(store::count_articles(&server.store).await.unwrap(), 310);
}

#[tokio::test]
async fn generated_news_are_older_than_13_days_and_numbered() {
    let server = TestServer::seeded().await;
    let first: Article =
        serde_json::from_value(server.json("/api/articles/news-0001", 200).await).unwrap();
    let last: Article =
        serde_json::from_value(server.json("/api/articles/news-0300", 200).await).unwrap();
    let anchor = server.anchor();
    let age = |a: &Article| anchor.duration_since(a.published_at.parse::<Timestamp>().unwrap());
    assert!(age(&first) >= SignedDuration::from_hours(13 * 24));
    assert!(age(&first) < SignedDuration::from_hours(13 * 24 + 3));
    // 299 steps of about 3 hours.
    let span = age(&last) - age(&first);
    assert!(
        span > SignedDuration::from_hours(299 * 3 - 1)
            && span < SignedDuration::from_hours(299 * 3 + 1)
    );
    assert_eq!(first.source.unwrap().name, "Харьковчанин");
    assert!(matches!(&first.body[..], [Block::Paragraph { .. }]));
    server.json("/api/articles/news-0301", 404).await;
}

#[tokio::test]
async fn seeding_again_on_the_same_file_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let url = crate::common::fresh_database(dir.path()).await;
    let now = Timestamp::now();

    let store = Store::open(&url).await.unwrap();
    let first = seed_demo(&store, now).await.unwrap();
    assert!(
        matches!(first, SeedOutcome::Seeded { articles: 310, .. }),
        "{first:?}"
    );
    store.close().await;

    // A restart, a day later: the same file, migrations run again, seeding again.
    let store = Store::open(&url).await.unwrap();
    let later = now + SignedDuration::from_hours(24);
    assert_eq!(
        seed_demo(&store, later).await.unwrap(),
        SeedOutcome::AlreadySeeded
    );
    assert_eq!(
        seed_demo(&store, later).await.unwrap(),
        SeedOutcome::AlreadySeeded
    );
    assert_eq!(store::count_articles(&store).await.unwrap(), 310);
    let marker: String = sqlx::query_scalar("SELECT value FROM meta WHERE key = $1")
        .bind("demo_seeded")
        .fetch_one(store.db())
        .await
        .unwrap();
    assert!(marker.parse::<Timestamp>().is_ok(), "{marker}");
}

#[tokio::test]
async fn no_demo_leaves_the_database_empty() {
    let server = TestServer::start(crate::common::Setup::default()).await;
    let page = server.json("/api/news", 200).await;
    assert_eq!(page["items"], serde_json::json!([]));
    assert_eq!(page["next"], serde_json::Value::Null);
}

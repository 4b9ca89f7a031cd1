//! Property tests of the wire types: whatever JSON a backend (or a proxy, or
//! a broken cache) sends, decoding answers a value or an error and never
//! panics; what vestnik sends decodes back to the same value.
//!
//! `cargo xtask test` runs them with a fixed seed (`PROPTEST_RNG_SEED`) and a
//! modest case count; `cargo xtask fuzz` runs them much longer.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::fmt::Debug;
use vestnik_api::moderation::{QueueItem, QueuePage};
use vestnik_api::{
    Article, Block, Challenge, ClientConfig, Comment, CommentCount, CommentPage, CommentRemoved,
    CommentSettings, CommentStatus, ErrorBody, ErrorCode, ErrorDetail, Image, ImageSource, Inline,
    Link, Mark, ModerationMode, NewComment, NewsItem, NewsPage, Proof, Reason, Refusal, Rejection,
    Site, Source, Tag, ViewCount,
};

/// Any JSON value: every kind, nested a few levels, with arbitrary Unicode
/// strings and keys drawn partly from the real field names.
fn any_json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        one_of(&[
            "slug",
            "title",
            "lead",
            "body",
            "type",
            "inlines",
            "text",
            "marks",
            "href",
            "source",
            "name",
            "url",
            "published_at",
            "views",
            "tags",
            "image",
            "src",
            "width",
            "height",
            "sources",
            "items",
            "next",
            "id",
            "author",
            "parent_id",
            "client_id",
            "total",
            "error",
            "code",
            "message",
            "fields",
            "api_base",
            "site",
            "locale",
            "level",
        ]),
        any::<String>(),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        Just(json!(u64::MAX)),
        Just(json!(-1)),
        Just(json!(1e300)),
        any::<String>().prop_map(Value::from),
        one_of(&[
            "paragraph",
            "heading",
            "quote",
            "image",
            "embed",
            "video",
            "strong",
            "emphasis"
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn one_of(choices: &'static [&'static str]) -> impl Strategy<Value = String> + Clone {
    prop::sample::select(choices).prop_map(str::to_owned)
}

/// Every place inside `value`, as a path of keys and indexes.
fn paths(value: &Value, here: Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(here.clone());
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let mut path = here.clone();
                path.push(json!(i));
                paths(item, path, out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                let mut path = here.clone();
                path.push(json!(key));
                paths(item, path, out);
            }
        }
        _ => {}
    }
}

fn place<'a>(value: &'a mut Value, path: &[Value]) -> &'a mut Value {
    path.iter().fold(value, |at, step| match step {
        Value::String(key) => &mut at[key.as_str()],
        _ => &mut at[step.as_u64().unwrap() as usize],
    })
}

/// `document` with the value at one of its places (chosen by `pick`)
/// replaced by `replacement`: the near-miss a real backend sends.
fn mutated(document: &Value, pick: prop::sample::Index, replacement: Value) -> Value {
    let mut out = Vec::new();
    paths(document, Vec::new(), &mut out);
    let mut copy = document.clone();
    let path: &Vec<Value> = pick.get(&out);
    *place(&mut copy, path) = replacement;
    copy
}

/// Decodes `json` as `T`; when that succeeds, encoding and decoding again
/// gives the same value (decoding is lenient, but what it keeps is kept).
fn decodes_stably<T: Serialize + DeserializeOwned + PartialEq + Debug>(
    json: &Value,
) -> Result<(), TestCaseError> {
    if let Ok(value) = serde_json::from_value::<T>(json.clone()) {
        let again: T = serde_json::from_str(&serde_json::to_string(&value).unwrap()).unwrap();
        prop_assert_eq!(again, value);
    }
    // The same bytes through the text decoder the app uses.
    let _ = serde_json::from_str::<T>(&json.to_string());
    Ok(())
}

fn decode_every_type(json: &Value) -> Result<(), TestCaseError> {
    decodes_stably::<Article>(json)?;
    decodes_stably::<NewsPage>(json)?;
    decodes_stably::<CommentPage>(json)?;
    decodes_stably::<Comment>(json)?;
    decodes_stably::<CommentRemoved>(json)?;
    decodes_stably::<CommentCount>(json)?;
    decodes_stably::<ViewCount>(json)?;
    decodes_stably::<Site>(json)?;
    decodes_stably::<ErrorBody>(json)?;
    decodes_stably::<Vec<Block>>(json)?;
    decodes_stably::<ClientConfig>(json)?;
    decodes_stably::<CommentSettings>(json)?;
    decodes_stably::<Challenge>(json)?;
    decodes_stably::<QueueItem>(json)?;
    decodes_stably::<QueuePage>(json)?;
    Ok(())
}

/// A real article, in the shape the reference server sends.
fn sample_article() -> Value {
    json!({
        "id": 7, "slug": "belgium-invest-kharkiv", "title": "Бельгия заинтересована",
        "lead": "Секретарь горсовета встретился с послом.",
        "body": [
            {"type": "paragraph", "inlines": [
                {"text": "Встреча "}, {"text": "важно", "marks": ["strong"]},
                {"text": "сайт", "href": "https://www.city.kharkiv.ua/"}]},
            {"type": "quote", "text": "Бюджет семьи", "attribution": "Игорь Терехов"},
            {"type": "heading", "level": 2, "text": "Что дальше"},
            {"type": "image", "src": "/m/a.jpg", "alt": "Площадь", "width": 1200, "height": 800,
             "sources": [{"src": "/m/a-600.jpg", "width": 600}]},
            {"type": "embed", "url": "https://youtu.be/x", "title": "Видео", "provider": "YouTube"}
        ],
        "source": {"name": "Харьковский горсовет", "url": "https://www.city.kharkiv.ua/"},
        "published_at": "2021-04-07T00:47:00Z", "updated_at": null, "views": 293,
        "comment_count": 2, "tags": [{"slug": "politika", "name": "Политика"}],
        "image": {"src": "https://e.example/a.jpg", "width": 10, "height": 10}
    })
}

fn sample_comments() -> Value {
    json!({
        "items": [
            {"id": 1, "author": "Анна", "text": "смотрите http://пример.рф/новости",
             "created_at": "2021-04-07T01:00:00Z", "client_id": "abcdefgh-1"},
            {"id": 2, "parent_id": 1, "author": "Б", "text": "👨‍👩‍👧", "created_at": ""}
        ],
        "next": "cursor", "total": 2, "last_event_id": 9
    })
}

fn sample_news() -> Value {
    json!({
        "items": [{"slug": "a", "title": "A", "summary": "s", "published_at": "2021-04-07T00:47:00Z",
                   "source": {"name": "N"}, "image": null}],
        "next": "b", "tag": {"slug": "t", "name": "T"}
    })
}

// Strategies for values vestnik itself produces, to check they come back whole.

fn text() -> impl Strategy<Value = String> {
    any::<String>()
}

fn source() -> impl Strategy<Value = Source> {
    (text(), prop::option::of(text())).prop_map(|(name, url)| Source { name, url })
}

fn tag() -> impl Strategy<Value = Tag> {
    (text(), text()).prop_map(|(slug, name)| Tag { slug, name })
}

fn image() -> impl Strategy<Value = Image> {
    (
        text(),
        text(),
        prop::option::of(text()),
        prop::option::of(text()),
        any::<u32>(),
        any::<u32>(),
        prop::collection::vec(
            (text(), any::<u32>()).prop_map(|(src, width)| ImageSource { src, width }),
            0..3,
        ),
    )
        .prop_map(
            |(src, alt, caption, credit, width, height, sources)| Image {
                src,
                alt,
                caption,
                credit,
                width,
                height,
                sources,
            },
        )
}

fn mark() -> impl Strategy<Value = Mark> {
    prop_oneof![
        Just(Mark::Emphasis),
        Just(Mark::Strong),
        Just(Mark::Unsupported)
    ]
}

fn inline() -> impl Strategy<Value = Inline> {
    (
        text(),
        prop::collection::vec(mark(), 0..3),
        prop::option::of(text()),
    )
        .prop_map(|(text, marks, href)| Inline { text, marks, href })
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        prop::collection::vec(inline(), 0..4).prop_map(|inlines| Block::Paragraph { inlines }),
        (any::<u8>(), text()).prop_map(|(level, text)| Block::Heading { level, text }),
        (text(), prop::option::of(text()))
            .prop_map(|(text, attribution)| Block::Quote { text, attribution }),
        image().prop_map(Block::Image),
        (text(), prop::option::of(text()), prop::option::of(text())).prop_map(
            |(url, title, provider)| Block::Embed {
                url,
                title,
                provider
            }
        ),
        Just(Block::Unsupported),
    ]
}

fn article() -> impl Strategy<Value = Article> {
    (
        (any::<i64>(), text(), text(), text()),
        prop::collection::vec(block(), 0..5),
        prop::option::of(source()),
        (text(), prop::option::of(text())),
        (any::<u64>(), any::<u64>()),
        prop::collection::vec(tag(), 0..3),
        prop::option::of(image()),
    )
        .prop_map(
            |(
                (id, slug, title, lead),
                body,
                source,
                (published_at, updated_at),
                (views, comment_count),
                tags,
                image,
            )| {
                Article {
                    id,
                    slug,
                    title,
                    lead,
                    body,
                    source,
                    published_at,
                    updated_at,
                    views,
                    comment_count,
                    tags,
                    image,
                }
            },
        )
}

fn status() -> impl Strategy<Value = CommentStatus> {
    prop::sample::select(vec![
        CommentStatus::Published,
        CommentStatus::Pending,
        CommentStatus::Rejected,
        CommentStatus::Removed,
    ])
}

fn rejection() -> impl Strategy<Value = Rejection> {
    (
        prop::sample::select(Reason::ALL.to_vec()),
        prop::option::of(text()),
    )
        .prop_map(|(reason, note)| Rejection { reason, note })
}

fn comment() -> impl Strategy<Value = Comment> {
    (
        (
            any::<i64>(),
            prop::option::of(any::<i64>()),
            text(),
            text(),
            text(),
        ),
        prop::option::of(text()),
        (status(), prop::option::of(rejection()), any::<bool>()),
    )
        .prop_map(
            |(
                (id, parent_id, author, text, created_at),
                client_id,
                (status, rejection, featured),
            )| Comment {
                id,
                parent_id,
                author,
                text,
                created_at,
                client_id,
                status,
                rejection,
                featured,
            },
        )
}

fn round_trips<T: Serialize + DeserializeOwned + PartialEq + Debug>(
    value: &T,
) -> Result<(), TestCaseError> {
    let json = serde_json::to_string(value).unwrap();
    let back: T = serde_json::from_str(&json).unwrap();
    prop_assert_eq!(&back, value);
    Ok(())
}

proptest! {
    /// Arbitrary JSON never panics any decoder, and what decodes is stable.
    #[test]
    fn arbitrary_json_decodes_or_fails_cleanly(json in any_json()) {
        decode_every_type(&json)?;
    }

    /// A real document with one place swapped for anything: the near misses
    /// that a lenient decoder must survive.
    #[test]
    fn near_misses_of_real_documents_decode_or_fail_cleanly(
        which in 0..3usize,
        pick in any::<prop::sample::Index>(),
        replacement in any_json(),
    ) {
        let document = [sample_article(), sample_comments(), sample_news()][which].clone();
        decode_every_type(&mutated(&document, pick, replacement))?;
    }

    /// Arbitrary bytes as text (a cut-off answer, an HTML error page) never panic.
    #[test]
    fn arbitrary_text_never_panics_a_decoder(body in any::<String>()) {
        let _ = serde_json::from_str::<Article>(&body);
        let _ = serde_json::from_str::<CommentPage>(&body);
        let _ = serde_json::from_str::<NewsPage>(&body);
        let _ = serde_json::from_str::<ErrorBody>(&body);
        let _ = ClientConfig::parse(&body);
    }

    /// What vestnik sends comes back as it was, in any script.
    #[test]
    fn articles_round_trip(article in article()) {
        round_trips(&article)?;
    }

    /// Comments, pages of them and posts round-trip with any text.
    #[test]
    fn comments_round_trip(
        items in prop::collection::vec(comment(), 0..4),
        next in prop::option::of(text()),
        total in any::<u64>(),
        last_event_id in any::<i64>(),
        settings in (any::<bool>(), prop::sample::select(ModerationMode::ALL.to_vec()), any::<bool>()),
        post in (text(), text(), prop::option::of(any::<i64>()), text()),
        spam in (prop::option::of(text()), prop::option::of(text()), prop::option::of((text(), text(), any::<u64>(), text()))),
    ) {
        for item in &items {
            round_trips(item)?;
        }
        let (closed, moderation, proof_of_work) = settings;
        let settings = CommentSettings { closed, moderation, proof_of_work };
        round_trips(&CommentPage { items, next, total, last_event_id, settings })?;
        let (author, text, parent_id, client_id) = post;
        let (reader_key, website, proof) = spam;
        let proof = proof.map(|(challenge, salt, number, signature)| Proof { challenge, salt, number, signature });
        round_trips(&NewComment { author, text, parent_id, client_id, reader_key, website, proof })?;
    }

    /// News pages, site settings, config files and error bodies round-trip.
    #[test]
    fn the_other_types_round_trip(
        items in prop::collection::vec(
            (text(), text(), text(), prop::option::of(source()), text(), prop::option::of(image())),
            0..3,
        ),
        next in prop::option::of(text()),
        tag in prop::option::of(tag()),
        site in (text(), text(), text(), prop::option::of(text()), prop::collection::vec((text(), text()), 0..3)),
        api_base in prop::option::of(text()),
        error in (text(), prop::collection::btree_map(text(), text(), 0..3)),
    ) {
        let items = items
            .into_iter()
            .map(|(slug, title, summary, source, published_at, image)| NewsItem {
                slug, title, summary, source, published_at, image,
            })
            .collect();
        round_trips(&NewsPage { items, next, tag })?;
        let (name, locale, time_zone, telegram_url, links) = site;
        let links = links.into_iter().map(|(title, url)| Link { title, url }).collect();
        let site = Site { name, locale, time_zone, telegram_url, links };
        round_trips(&site)?;
        round_trips(&ClientConfig { api_base, site: Some(site) })?;
        let (message, fields): (String, BTreeMap<String, String>) = error;
        for code in [ErrorCode::BadRequest, ErrorCode::Invalid, ErrorCode::Forbidden, ErrorCode::Unknown] {
            for (reason, detail) in [(None, None), (Some(Refusal::BannedWord), Some(message.clone()))] {
                round_trips(&ErrorBody {
                    error: ErrorDetail {
                        code,
                        message: message.clone(),
                        fields: fields.clone(),
                        reason,
                        detail,
                    },
                })?;
            }
        }
    }
}

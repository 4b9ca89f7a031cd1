//! Browser tests: wasm-bindgen-test in headless Chromium (they need a DOM
//! and the browser's Intl), so built for wasm32 only.
#![cfg(target_arch = "wasm32")]

use super::*;
use crate::testing::{all, mount, settle, text_of};
use leptos::prelude::*;
use vestnik_api::{Article, Block, Inline, Mark, Source};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

fn seed_like_article() -> Article {
    Article {
        id: 1,
        slug: "belgium-invest-kharkiv".into(),
        title: "IT и производство велосипедов – Бельгия заинтересована инвестировать в Харьков"
            .into(),
        lead: "Секретарь горсовета встретился с послом.".into(),
        body: vec![
            Block::Paragraph {
                inlines: vec![Inline::plain(
                    "Встреча прошла в Харьковском городском совете.",
                )],
            },
            Block::Quote {
                text: "Бюджет каждой семьи - это экономика города.".into(),
                attribution: Some("Игорь Терехов".into()),
            },
            Block::Heading {
                level: 7,
                text: "Что дальше".into(),
            },
            Block::Unsupported,
            Block::Paragraph {
                inlines: vec![
                    Inline {
                        text: "важно".into(),
                        marks: vec![Mark::Strong, Mark::Emphasis],
                        href: None,
                    },
                    Inline::plain(" и "),
                    Inline {
                        text: "ссылка".into(),
                        marks: vec![],
                        href: Some("https://www.city.kharkiv.ua/".into()),
                    },
                    Inline {
                        text: "опасная".into(),
                        marks: vec![],
                        href: Some(" JavaScript:alert(1)".into()),
                    },
                    Inline {
                        text: "чужая".into(),
                        marks: vec![],
                        // A browser reads `\` as `/`: another host, not a path here.
                        href: Some("/\\evil.example/".into()),
                    },
                ],
            },
        ],
        source: Some(Source {
            name: "Харьковский горсовет".into(),
            url: Some("https://www.city.kharkiv.ua/".into()),
        }),
        published_at: "2021-04-07T00:47:00Z".into(),
        updated_at: None,
        views: 293,
        comment_count: 0,
        tags: vec![],
        image: None,
    }
}

#[wasm_bindgen_test]
async fn the_headline_is_the_one_h1_and_focusable_for_navigation() {
    let root = mount(|| view! { <ArticleView article=seed_like_article() /> });
    settle().await;
    let h1s = all(&root, "h1");
    assert_eq!(h1s.len(), 1);
    assert_eq!(
        h1s[0].text_content().unwrap(),
        "IT и производство велосипедов – Бельгия заинтересована инвестировать в Харьков"
    );
    assert_eq!(h1s[0].get_attribute("tabindex").as_deref(), Some("-1"));
}

#[wasm_bindgen_test]
async fn blocks_render_in_order_as_their_own_elements() {
    let root = mount(|| view! { <ArticleView article=seed_like_article() /> });
    settle().await;
    let body = root.query_selector(".article-body").unwrap().unwrap();
    let tags: Vec<String> = (0..body.child_element_count())
        .filter_map(|i| body.children().item(i))
        .map(|e| e.tag_name().to_lowercase())
        .collect();
    // The unsupported block leaves nothing behind; level 7 is clamped to h4.
    assert_eq!(tags, ["p", "figure", "h4", "p"]);
    assert_eq!(
        text_of(&body, "p"),
        "Встреча прошла в Харьковском городском совете."
    );
}

#[wasm_bindgen_test]
async fn a_quote_is_a_blockquote_with_who_said_it() {
    let root = mount(|| view! { <ArticleView article=seed_like_article() /> });
    settle().await;
    assert_eq!(
        text_of(&root, "figure.quote blockquote"),
        "Бюджет каждой семьи - это экономика города."
    );
    assert_eq!(
        text_of(&root, "figure.quote figcaption cite"),
        "Игорь Терехов"
    );
}

#[wasm_bindgen_test]
async fn marks_nest_and_only_safe_links_become_links() {
    let root = mount(|| view! { <ArticleView article=seed_like_article() /> });
    settle().await;
    assert_eq!(text_of(&root, "em > strong"), "важно");
    let links = all(&root, ".article-body a");
    assert_eq!(
        links.len(),
        1,
        "the javascript: and /\\ links stay plain text"
    );
    assert_eq!(
        links[0].get_attribute("href").as_deref(),
        Some("https://www.city.kharkiv.ua/")
    );
    assert!(root.text_content().unwrap().contains("опасная"));
    assert!(root.text_content().unwrap().contains("чужая"));
}

#[wasm_bindgen_test]
async fn meta_line_has_the_exact_instant_and_the_view_count() {
    let root = mount(|| view! { <ArticleView article=seed_like_article() /> });
    settle().await;
    let time = root
        .query_selector("time.published")
        .unwrap()
        .expect("a time element");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2021-04-07T00:47:00.000Z")
    );
    // An earlier year: date, year and the Kyiv time (UTC+3 in April).
    assert_eq!(time.text_content().unwrap(), "7 апреля 2021 г. в 03:47");
    assert!(time.get_attribute("title").unwrap().contains("2021"));
    assert_eq!(text_of(&root, ".views-count"), "293");
}

#[wasm_bindgen_test]
async fn source_line_names_and_links_the_source() {
    let root = mount(|| view! { <ArticleView article=seed_like_article() /> });
    settle().await;
    assert_eq!(
        text_of(&root, ".source-line"),
        "Источник: Харьковский горсовет"
    );
    let link = root.query_selector(".source-line a").unwrap().unwrap();
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener"));
}

#[wasm_bindgen_test]
async fn an_article_with_only_a_slug_and_title_still_renders() {
    let bare: Article = serde_json::from_str(r#"{"slug":"x","title":"Только заголовок"}"#).unwrap();
    let root = mount(move || view! { <ArticleView article=bare /> });
    settle().await;
    assert_eq!(text_of(&root, "h1"), "Только заголовок");
    assert!(
        root.query_selector("time").unwrap().is_none(),
        "no date, no time element"
    );
    assert!(root.query_selector(".source-line").unwrap().is_none());
    assert_eq!(text_of(&root, ".views-count"), "0");
}

#[wasm_bindgen_test]
async fn an_unreadable_date_is_left_out_not_shown_as_invalid() {
    let mut article = seed_like_article();
    article.published_at = "позавчера".into();
    let root = mount(move || view! { <ArticleView article /> });
    settle().await;
    assert!(root.query_selector("time").unwrap().is_none());
    assert!(!root.text_content().unwrap().contains("Invalid"));
}

fn with_site(telegram_url: Option<&str>) -> crate::shell::site::SiteSettings {
    let mut site = crate::shell::site::SiteSettings::fallback();
    site.name = "Харьковчанин".into();
    site.telegram_url = telegram_url.map(str::to_owned);
    crate::shell::site::SiteSettings(Signal::stored(site))
}

#[wasm_bindgen_test]
async fn views_are_compact_with_the_exact_number_in_the_tooltip() {
    let mut article = seed_like_article();
    article.views = 1234;
    let root = mount(move || view! { <ArticleView article /> });
    settle().await;
    assert_eq!(text_of(&root, ".views-count"), "1,2\u{a0}тыс.");
    assert_eq!(
        root.query_selector(".views")
            .unwrap()
            .unwrap()
            .get_attribute("title")
            .as_deref(),
        Some("Просмотры: 1\u{a0}234")
    );
}

#[wasm_bindgen_test]
async fn the_telegram_invitation_shows_only_when_the_site_has_a_channel() {
    let root = mount(|| {
        provide_context(with_site(Some("https://t.me/vestnik_demo")));
        view! { <ArticleView article=seed_like_article() /> }
    });
    settle().await;
    assert_eq!(
        text_of(&root, ".telegram-cta"),
        "Сейчас все самое оперативное в нашем Telegram-канале. Подписывайтесь, чтобы быть в курсе самой важной информации"
    );
    assert_eq!(
        root.query_selector(".telegram-cta a")
            .unwrap()
            .unwrap()
            .get_attribute("href")
            .as_deref(),
        Some("https://t.me/vestnik_demo")
    );

    let without = mount(|| {
        provide_context(with_site(None));
        view! { <ArticleView article=seed_like_article() /> }
    });
    let hostile = mount(|| {
        provide_context(with_site(Some("javascript:alert(1)")));
        view! { <ArticleView article=seed_like_article() /> }
    });
    settle().await;
    assert!(without.query_selector(".telegram-cta").unwrap().is_none());
    assert!(hostile.query_selector(".telegram-cta").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn share_links_carry_the_address_and_title() {
    let root = mount(|| view! { <ArticleView article=seed_like_article() /> });
    settle().await;
    let hrefs: Vec<String> = all(&root, ".share-bar a")
        .iter()
        .filter_map(|a| a.get_attribute("href"))
        .collect();
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    let url = String::from(js_sys::encode_uri_component(&format!(
        "{origin}/news/belgium-invest-kharkiv"
    )));
    assert_eq!(hrefs.len(), 4);
    assert!(hrefs[0].starts_with(&format!("https://t.me/share/url?url={url}&text=IT%20")));
    assert!(hrefs[1].starts_with("viber://forward?text=IT%20"));
    assert_eq!(
        hrefs[2],
        format!("https://www.facebook.com/sharer/sharer.php?u={url}")
    );
    assert!(hrefs[3].starts_with(&format!("https://x.com/intent/post?url={url}&text=")));
}

#[wasm_bindgen_test]
async fn copying_the_link_always_tells_the_reader_what_happened() {
    let root = mount(|| view! { <ArticleView article=seed_like_article() /> });
    settle().await;
    assert_eq!(text_of(&root, ".share-status"), "");
    root.query_selector(".share-copy")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    for _ in 0..20 {
        settle().await;
        if !text_of(&root, ".share-status").is_empty() {
            break;
        }
    }
    // A headless browser may refuse the clipboard; then the reader gets the
    // address to copy by hand instead of silence.
    let status = text_of(&root, ".share-status");
    assert!(
        status == "Ссылка скопирована"
            || (status.starts_with("Не удалось скопировать")
                && status.ends_with("/news/belgium-invest-kharkiv")),
        "{status}"
    );
}

#[wasm_bindgen_test]
async fn head_tags_describe_the_article_for_search_and_link_previews() {
    let _root = mount(|| {
        provide_context(with_site(None));
        view! { <ArticleView article=seed_like_article() /> }
    });
    settle().await;
    let head = document().head().unwrap();
    // Every test shares this page's <head>; the tags of this mount come last.
    let last = |selector: &str| {
        all(&head, selector)
            .pop()
            .unwrap_or_else(|| panic!("{selector} in {}", head.inner_html()))
    };
    let meta = |selector: &str| last(selector).get_attribute("content").unwrap();
    assert_eq!(
        meta("meta[name=description]"),
        "Секретарь горсовета встретился с послом."
    );
    assert_eq!(meta("meta[property='og:type']"), "article");
    assert!(meta("meta[property='og:title']").starts_with("IT и производство велосипедов"));
    assert!(meta("meta[property='og:url']").ends_with("/news/belgium-invest-kharkiv"));
    assert_eq!(meta("meta[property='og:site_name']"), "Харьковчанин");
    assert_eq!(meta("meta[name='twitter:card']"), "summary");
    assert_eq!(
        meta("meta[property='article:published_time']"),
        "2021-04-07T00:47:00Z"
    );
    assert!(
        last("link[rel=canonical]")
            .get_attribute("href")
            .unwrap()
            .ends_with("/news/belgium-invest-kharkiv")
    );
    let json_ld = last("script[type='application/ld+json']")
        .text_content()
        .unwrap();
    let data: serde_json::Value = serde_json::from_str(&json_ld).unwrap();
    assert_eq!(data["@type"], "NewsArticle");
    assert_eq!(data["datePublished"], "2021-04-07T00:47:00Z");
    assert_eq!(data["publisher"]["name"], "Харьковчанин");
    assert_eq!(data["sourceOrganization"]["name"], "Харьковский горсовет");
}

#[wasm_bindgen_test]
async fn json_ld_cannot_close_its_script_element() {
    let mut article = seed_like_article();
    article.title = "</script><script>alert(1)</script>".into();
    let _root = mount(move || {
        view! { <ArticleView article /> }
    });
    settle().await;
    let scripts = all(
        &document().head().unwrap(),
        "script[type='application/ld+json']",
    );
    let last = scripts.last().unwrap().text_content().unwrap();
    assert!(!last.contains("</script>"), "{last}");
    let data: serde_json::Value = serde_json::from_str(&last).unwrap();
    assert_eq!(data["headline"], "</script><script>alert(1)</script>");
}

#[wasm_bindgen_test]
async fn an_update_time_shows_beside_the_publication_time() {
    let mut article = seed_like_article();
    article.updated_at = Some("2021-04-08T09:10:00Z".into());
    let root = mount(move || view! { <ArticleView article /> });
    settle().await;
    assert_eq!(
        text_of(&root, ".updated"),
        "обновлено 8 апреля 2021 г. в 12:10"
    );
    assert_eq!(
        root.query_selector("time.updated-at")
            .unwrap()
            .unwrap()
            .get_attribute("datetime")
            .as_deref(),
        Some("2021-04-08T09:10:00.000Z")
    );
    let plain = mount(|| view! { <ArticleView article=seed_like_article() /> });
    settle().await;
    assert!(plain.query_selector(".updated").unwrap().is_none());
}

#[wasm_bindgen_test]
fn the_reader_id_is_made_once_and_kept() {
    use super::views::{is_valid_reader_id, reader_id};
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("vestnik.reader_id").unwrap();
    let first = reader_id();
    assert!(is_valid_reader_id(&first), "{first}");
    assert_eq!(reader_id(), first);
    assert_eq!(
        storage.get_item("vestnik.reader_id").unwrap().as_deref(),
        Some(first.as_str())
    );
    // A damaged stored id is replaced, not sent.
    storage.set_item("vestnik.reader_id", "<script>").unwrap();
    let replaced = reader_id();
    assert!(is_valid_reader_id(&replaced));
    assert_ne!(replaced, first);
}

fn photo(src: &str) -> vestnik_api::Image {
    vestnik_api::Image {
        src: src.into(),
        alt: "Мост через Лопань".into(),
        caption: Some("Мост после ремонта".into()),
        credit: Some("А. Петренко".into()),
        width: 1600,
        height: 900,
        sources: vec![vestnik_api::ImageSource {
            src: "/media/bridge-800.jpg".into(),
            width: 800,
        }],
    }
}

#[wasm_bindgen_test]
async fn a_body_image_reserves_its_size_loads_lazily_and_has_caption_and_credit() {
    let mut article = seed_like_article();
    article.body.push(Block::Image(photo("/media/bridge.jpg")));
    let root = mount(move || view! { <ArticleView article /> });
    settle().await;
    let img = root
        .query_selector(".article-body figure img")
        .unwrap()
        .expect("an img");
    assert_eq!(img.get_attribute("width").as_deref(), Some("1600"));
    assert_eq!(img.get_attribute("height").as_deref(), Some("900"));
    assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
    assert_eq!(
        img.get_attribute("alt").as_deref(),
        Some("Мост через Лопань")
    );
    assert_eq!(
        img.get_attribute("srcset").as_deref(),
        Some("/media/bridge-800.jpg 800w, /media/bridge.jpg 1600w")
    );
    assert!(img.get_attribute("sizes").is_some());
    assert_eq!(text_of(&root, "figure .caption"), "Мост после ремонта");
    assert_eq!(text_of(&root, "figure .credit"), "Фото: А. Петренко");
}

#[wasm_bindgen_test]
async fn the_lead_image_loads_at_once_and_unsafe_sources_are_left_out() {
    let mut article = seed_like_article();
    article.image = Some(photo("/media/lead.jpg"));
    article
        .body
        .push(Block::Image(photo("javascript:alert(1)")));
    let root = mount(move || view! { <ArticleView article /> });
    settle().await;
    let lead = root
        .query_selector(".article > figure img")
        .unwrap()
        .expect("the lead image");
    assert_eq!(lead.get_attribute("fetchpriority").as_deref(), Some("high"));
    assert_eq!(lead.get_attribute("loading"), None);
    assert!(
        root.query_selector(".article-body figure.figure")
            .unwrap()
            .is_none()
    );
}

#[wasm_bindgen_test]
async fn an_embed_is_a_link_card_and_never_a_frame() {
    let mut article = seed_like_article();
    article.body.push(Block::Embed {
        url: "https://www.youtube.com/watch?v=x".into(),
        title: Some("Видео с места событий".into()),
        provider: Some("YouTube".into()),
    });
    article.body.push(Block::Embed {
        url: "javascript:alert(1)".into(),
        title: None,
        provider: None,
    });
    article.body.push(Block::Embed {
        url: "https://t.me/s/channel/1".into(),
        title: None,
        provider: None,
    });
    let root = mount(move || view! { <ArticleView article /> });
    settle().await;
    assert!(root.query_selector("iframe").unwrap().is_none());
    let cards = all(&root, ".embed-card a");
    assert_eq!(cards.len(), 2, "the javascript: embed is dropped");
    assert_eq!(
        cards[0].get_attribute("href").as_deref(),
        Some("https://www.youtube.com/watch?v=x")
    );
    assert_eq!(
        cards[0].get_attribute("rel").as_deref(),
        Some("noopener nofollow")
    );
    assert_eq!(text_of(&cards[0], ".embed-provider"), "YouTube");
    assert_eq!(text_of(&cards[0], ".embed-title"), "Видео с места событий");
    assert_eq!(text_of(&cards[1], ".embed-provider"), "Внешний материал");
    assert_eq!(
        text_of(&cards[1], ".embed-title"),
        "https://t.me/s/channel/1"
    );
}

#[wasm_bindgen_test]
async fn the_rubric_leads_the_breadcrumb_and_every_tag_links_to_its_news() {
    let mut article = seed_like_article();
    article.tags = vec![
        vestnik_api::Tag {
            slug: "economy".into(),
            name: "Экономика".into(),
        },
        vestnik_api::Tag {
            slug: "kharkiv".into(),
            name: "Харьков".into(),
        },
    ];
    let root = mount(move || view! { <ArticleView article /> });
    settle().await;
    let crumbs = all(&root, "nav.breadcrumb li a");
    let trail: Vec<_> = crumbs
        .iter()
        .map(|a| {
            (
                a.text_content().unwrap_or_default(),
                a.get_attribute("href").unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        trail,
        vec![
            ("Главная".to_owned(), "/".to_owned()),
            ("Экономика".to_owned(), "/tags/economy".to_owned())
        ]
    );
    // The breadcrumb comes before the headline in reading order.
    let nav = root.query_selector("nav.breadcrumb").unwrap().unwrap();
    let h1 = root.query_selector("h1").unwrap().unwrap();
    assert_eq!(
        nav.compare_document_position(&h1) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING,
        web_sys::Node::DOCUMENT_POSITION_FOLLOWING
    );
    let tags: Vec<_> = all(&root, ".tag-list a[rel=tag]")
        .iter()
        .map(|a| a.get_attribute("href").unwrap_or_default())
        .collect();
    assert_eq!(tags, vec!["/tags/economy", "/tags/kharkiv"]);
}

#[wasm_bindgen_test]
async fn without_tags_there_is_only_the_front_page_in_the_trail_and_no_tag_list() {
    let root = mount(|| view! { <ArticleView article=seed_like_article() /> });
    settle().await;
    assert_eq!(all(&root, "nav.breadcrumb li").len(), 1);
    assert!(all(&root, ".tag-list").is_empty());
}

#[wasm_bindgen_test]
async fn the_comment_count_is_worded_by_plural_rules_and_jumps_to_the_comments() {
    let comments = RwSignal::new(0_u64);
    let root = mount(move || {
        view! { <ArticleView article=seed_like_article() comments=Signal::from(comments) /> }
    });
    settle().await;
    let link = root.query_selector("a.comment-count").unwrap().unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("#comments"));
    assert_eq!(text_of(&root, "a.comment-count"), "0 комментариев");
    comments.set(3);
    settle().await;
    assert_eq!(text_of(&root, "a.comment-count"), "3 комментария");
    comments.set(21);
    settle().await;
    assert_eq!(text_of(&root, "a.comment-count"), "21 комментарий");
}

/// The server builds the same addresses without the browser's encoder.
#[wasm_bindgen_test]
fn paths_are_encoded_as_encode_uri_component_does() {
    let mut state: u32 = 0x2026_1202;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state
    };
    for _ in 0..500 {
        let text: String = (0..next() % 12)
            .filter_map(|_| {
                char::from_u32(next() % 0x1_0000 + if next() % 5 == 0 { 0x1_0000 } else { 0 })
            })
            .collect();
        assert_eq!(
            vestnik_api::paths::encode_component(&text),
            String::from(js_sys::encode_uri_component(&text)),
            "{text:?}"
        );
    }
}

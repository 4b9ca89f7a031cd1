//! Lists of news as the app's `NewsCard` and feed render them (`src/related/`):
//! the first page under an article, a tag's page, the fresh news on a dead end.

use super::html::Html;
use super::{Context, iso_millis, millis, parse_instant};
use vestnik_api::i18n::format;
use vestnik_api::links::safe_src;
use vestnik_api::paths::article_path;
use vestnik_api::{NewsItem, NewsPage};

/// One entry: linked headline, summary, source and how long ago.
pub fn news_card(ctx: &Context, item: &NewsItem, position: usize, set_size: i64) -> Html {
    let (position_text, set_size_text) = (position.to_string(), set_size.to_string());
    let title_id = format!("news-title-{position}");
    let mut html = Html::new();
    html.open(
        "article",
        &[
            ("class", Some("news-card")),
            ("tabindex", Some("0")),
            ("aria-posinset", Some(&position_text)),
            ("aria-setsize", Some(&set_size_text)),
            ("aria-labelledby", Some(&title_id)),
        ],
    );
    if let Some(image) = &item.image
        && let Some(src) = safe_src(&image.src)
    {
        let (width, height) = (image.width.to_string(), image.height.to_string());
        html.open(
            "img",
            &[
                ("class", Some("news-thumb")),
                ("src", Some(src)),
                ("alt", Some("")),
                ("width", Some(&width)),
                ("height", Some(&height)),
                ("loading", Some("lazy")),
                ("decoding", Some("async")),
            ],
        );
    }
    html.open(
        "h3",
        &[("class", Some("news-title")), ("id", Some(&title_id))],
    )
    .element(
        "a",
        &[("href", Some(&article_path(&item.slug)))],
        &item.title,
    )
    .close("h3");
    let summary = item.summary.trim();
    if !summary.is_empty() && summary != item.title.trim() {
        html.element("p", &[("class", Some("news-summary"))], &item.summary);
    }
    html.open("p", &[("class", Some("news-meta"))]);
    if let Some(source) = &item.source {
        html.element("span", &[("class", Some("news-source"))], &source.name);
    }
    if let Some(at) = parse_instant(&item.published_at) {
        let full = format::full(&ctx.local(at), ctx.lang);
        html.element(
            "time",
            &[
                ("class", Some("relative-time")),
                ("datetime", Some(&iso_millis(at))),
                ("title", Some(&full)),
            ],
            &format::relative(millis(at), millis(ctx.now), ctx.lang),
        );
    }
    html.close("p").close("article");
    html
}

/// A page of news as the feed's first chunk, labelled by the heading `labelled_by`.
pub fn news_list(ctx: &Context, page: &NewsPage, labelled_by: &str) -> Html {
    let set_size = if page.next.is_some() {
        -1
    } else {
        i64::try_from(page.items.len()).unwrap_or(-1)
    };
    let mut html = Html::new();
    html.open(
        "div",
        &[
            ("class", Some("news-feed")),
            ("role", (!page.items.is_empty()).then_some("feed")),
            ("aria-labelledby", Some(labelled_by)),
            ("aria-busy", Some("false")),
        ],
    );
    if !page.items.is_empty() {
        html.open(
            "div",
            &[
                ("class", Some("feed-chunk")),
                ("role", Some("none")),
                ("data-chunk", Some("0")),
            ],
        );
        for (i, item) in page.items.iter().enumerate() {
            html.append(news_card(ctx, item, i + 1, set_size));
        }
        html.close("div");
    }
    html.close("div");
    html
}

/// "Другие новости" under an article: its first page.
pub fn other_news(ctx: &Context, page: &NewsPage) -> Html {
    let mut html = Html::new();
    html.open(
        "section",
        &[
            ("class", Some("other-news")),
            ("aria-labelledby", Some("other-news-title")),
        ],
    )
    .element(
        "h2",
        &[("id", Some("other-news-title"))],
        ctx.strings().other_news,
    )
    .append(news_list(ctx, page, "other-news-title"))
    .close("section");
    html
}

/// A tag's page: its name and the first page of its news.
pub fn tag_page(ctx: &Context, name: &str, page: &NewsPage) -> Html {
    let mut html = Html::new();
    html.open(
        "section",
        &[
            ("class", Some("tag-page")),
            ("aria-labelledby", Some("tag-title")),
        ],
    )
    .element(
        "h1",
        &[("id", Some("tag-title")), ("tabindex", Some("-1"))],
        name,
    )
    .island("news", news_list(ctx, page, "tag-title"))
    .close("section");
    html
}

/// The not-found page (`src/shell/not_found.rs`) with the newest stories.
pub fn not_found(ctx: &Context, fresh: &[NewsItem]) -> Html {
    let strings = ctx.strings();
    let mut html = Html::new();
    html.open(
        "section",
        &[
            ("class", Some("not-found")),
            ("aria-labelledby", Some("not-found-title")),
        ],
    )
    .element(
        "h1",
        &[("id", Some("not-found-title")), ("tabindex", Some("-1"))],
        strings.not_found_title,
    )
    .element("p", &[], strings.not_found_text)
    .open("p", &[])
    .element("a", &[("href", Some("/"))], strings.to_front_page)
    .close("p")
    .close("section");
    if !fresh.is_empty() {
        let set_size = i64::try_from(fresh.len()).unwrap_or(-1);
        html.open(
            "section",
            &[
                ("class", Some("fresh-news")),
                ("aria-labelledby", Some("fresh-news-title")),
            ],
        )
        .element(
            "h2",
            &[("id", Some("fresh-news-title"))],
            strings.fresh_news,
        )
        .open("div", &[("class", Some("news-feed"))]);
        for (i, item) in fresh.iter().enumerate() {
            html.append(news_card(ctx, item, i + 1, set_size));
        }
        html.close("div").close("section");
    }
    html
}

//! Whole pages: the site's header and footer around one page's content, its
//! head tags, and the data the app takes over with.

use super::html::{Html, script_json};
use super::{Context, article, head, news};
use vestnik_api::paths::tag_path;
use vestnik_api::{Article, NewsItem, NewsPage, rendered};

/// A page ready for the template: what goes into `<head>` and into `<body>`.
#[derive(Debug)]
pub struct Page {
    /// Head tags and the data block.
    pub head: String,
    /// The page in place of the boot skeleton.
    pub body: String,
    /// The data the page was rendered from, as JSON: two pages with the same
    /// data are the same page but for relative times ("16 часов назад").
    pub data: String,
}

/// The data the page was rendered from, for the app (`vestnik_api::rendered`).
#[derive(Default, serde::Serialize)]
struct Data<'a> {
    article: Option<&'a Article>,
    news: Option<&'a NewsPage>,
    /// What a page without data of its own shows (the not-found page's fresh news).
    #[serde(skip_serializing_if = "Option::is_none")]
    shown: Option<&'a [NewsItem]>,
}

fn data_block(html: &mut Html, id: &str, value: &impl serde::Serialize) {
    html.open(
        "script",
        &[("type", Some("application/json")), ("id", Some(id))],
    )
    .trusted(&script_json(value))
    .close("script");
}

fn assemble(ctx: &Context, head: Html, content: Html, data: &Data<'_>) -> Page {
    let with_comments = data.article.is_some();
    let strings = ctx.strings();
    let mut head_html = head;
    data_block(&mut head_html, rendered::SITE_ID, &ctx.site);
    if let Some(article) = data.article {
        data_block(&mut head_html, rendered::ARTICLE_ID, article);
    }
    if let Some(news) = data.news {
        data_block(&mut head_html, rendered::NEWS_ID, news);
    }
    let mut body = Html::new();
    body.element(
        "a",
        &[("class", Some("skip-link")), ("href", Some("#main"))],
        strings.skip_to_content,
    );
    if with_comments {
        body.element(
            "a",
            &[("class", Some("skip-link")), ("href", Some("#comments"))],
            strings.skip_to_comments,
        );
    }
    body.open("header", &[("class", Some("site-header"))])
        .element(
            "a",
            &[("class", Some("site-name")), ("href", Some("/"))],
            &ctx.site.name,
        )
        .island("language", language_switch(ctx))
        .close("header")
        .open(
            "main",
            &[
                ("id", Some("main")),
                ("class", Some("page")),
                ("data-rendered", Some("")),
            ],
        )
        .append(content)
        .close("main")
        .open("footer", &[("class", Some("site-footer"))])
        .element("p", &[], &ctx.site.name)
        .open("ul", &[("class", Some("site-links"))]);
    for link in &ctx.site.links {
        if let Some(href) = vestnik_api::links::safe_href(&link.url) {
            body.open("li", &[])
                .element("a", &[("href", Some(href))], &link.title)
                .close("li");
        }
    }
    body.close("ul").close("footer");
    Page {
        head: head_html.into_string(),
        body: body.into_string(),
        data: script_json(&(&ctx.site, data)),
    }
}

/// The header's language switch as the app draws it (`LanguageSwitch`), so
/// that nothing moves when the app brings it to life; the page is in the
/// site's language.
fn language_switch(ctx: &Context) -> Html {
    let shown = vestnik_api::i18n::Lang::from_tag(&ctx.site.locale);
    let mut html = Html::new();
    html.open(
        "div",
        &[
            ("class", Some("language-switch")),
            ("role", Some("group")),
            ("aria-label", Some(ctx.strings().language)),
        ],
    );
    for lang in vestnik_api::i18n::Lang::ALL {
        let pressed = if lang == shown { "true" } else { "false" };
        html.element(
            "button",
            &[
                ("type", Some("button")),
                ("lang", Some(lang.tag())),
                ("aria-pressed", Some(pressed)),
            ],
            lang.name(),
        );
    }
    html.close("div");
    html
}

/// An article with the first page of other news; the comments are a place
/// the app fills (reading and writing them needs the live connection).
pub fn article_page(ctx: &Context, article: &Article, other_news: &NewsPage) -> Page {
    let strings = ctx.strings();
    let mut content = article::article(ctx, article);
    let total = article.comment_count.to_string();
    let mut comments = Html::new();
    comments
        .open(
            "section",
            &[
                ("id", Some("comments")),
                ("class", Some("comments")),
                ("aria-labelledby", Some("comments-title")),
                ("tabindex", Some("-1")),
            ],
        )
        .open("h2", &[("id", Some("comments-title"))])
        .text(strings.comments_title)
        .text(" ")
        .element("span", &[("class", Some("comments-total"))], &total)
        .close("h2")
        .element(
            "p",
            &[("class", Some("comments-need-script"))],
            strings.comments_need_script,
        )
        .close("section");
    content
        .island("comments", comments)
        .island("news", news::other_news(ctx, other_news));
    let data = Data {
        article: Some(article),
        news: Some(other_news),
        shown: None,
    };
    assemble(ctx, head::article_head(ctx, article), content, &data)
}

/// A tag's page: its name and the first page of its news.
pub fn tag_page(ctx: &Context, slug: &str, name: &str, page: &NewsPage) -> Page {
    let head = head::plain_head(ctx, Some(name), Some(&tag_path(slug)), false);
    let data = Data {
        article: None,
        news: Some(page),
        shown: None,
    };
    assemble(ctx, head, news::tag_page(ctx, name, page), &data)
}

/// The page for an address that names nothing, with the newest stories.
pub fn not_found_page(ctx: &Context, fresh: &[NewsItem]) -> Page {
    let head = head::plain_head(ctx, Some(ctx.strings().not_found_title), None, true);
    let data = Data {
        shown: Some(fresh),
        ..Data::default()
    };
    assemble(ctx, head, news::not_found(ctx, fresh), &data)
}

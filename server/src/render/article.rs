//! An article as the app's `ArticleView` renders it (`src/article/`).

use super::html::Html;
use super::{Context, iso_millis, parse_instant};
use vestnik_api::i18n::format;
use vestnik_api::links::{http_url, safe_href, safe_src};
use vestnik_api::paths::{ShareTarget, article_path, tag_path};
use vestnik_api::{Article, Block, Image, Inline, Mark, Source, Tag};

/// The eye of the view count (`src/article/meta_line.rs`).
const VIEWS_ICON: &str = "<svg class=\"icon\" aria-hidden=\"true\" viewBox=\"0 0 24 24\" width=\"16\" height=\"16\"><path d=\"M12 5C6.5 5 2.7 9.2 1.5 12c1.2 2.8 5 7 10.5 7s9.3-4.2 10.5-7C21.3 9.2 17.5 5 12 5zm0 11.5a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9zm0-2.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4z\"></path></svg>";
/// The speech bubble of the comment count.
const COMMENTS_ICON: &str = "<svg class=\"icon\" aria-hidden=\"true\" viewBox=\"0 0 24 24\" width=\"16\" height=\"16\"><path d=\"M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z\"></path></svg>";

/// `<article class="article">…</article>`: the whole article, ready to read.
pub fn article(ctx: &Context, article: &Article) -> Html {
    let mut tags = article.tags.clone();
    let rubric = (!tags.is_empty()).then(|| tags.remove(0));
    let mut html = Html::new();
    html.open(
        "article",
        &[
            ("class", Some("article")),
            ("aria-labelledby", Some("article-title")),
        ],
    );
    html.open("header", &[("class", Some("article-header"))]);
    html.append(breadcrumb(ctx, rubric.as_ref()));
    html.element(
        "h1",
        &[("id", Some("article-title")), ("tabindex", Some("-1"))],
        &article.title,
    );
    html.island("meta", meta_line(ctx, article));
    html.close("header");
    if let Some(image) = &article.image {
        html.append(figure(ctx, image, true));
    }
    html.open("div", &[("class", Some("article-body"))]);
    for block in &article.body {
        html.append(block_html(ctx, block));
    }
    html.close("div");
    if let Some(source) = &article.source {
        html.append(source_line(ctx, source));
    }
    html.append(tag_list(ctx, rubric.into_iter().chain(tags)));
    html.append(telegram_cta(ctx));
    html.island(
        "share",
        share_bar(ctx, &ctx.url(&article_path(&article.slug)), &article.title),
    );
    html.close("article");
    html
}

fn breadcrumb(ctx: &Context, rubric: Option<&Tag>) -> Html {
    let strings = ctx.strings();
    let mut html = Html::new();
    html.open(
        "nav",
        &[
            ("class", Some("breadcrumb")),
            ("aria-label", Some(strings.breadcrumb)),
        ],
    )
    .open("ol", &[])
    .open("li", &[])
    .element("a", &[("href", Some("/"))], strings.home)
    .close("li");
    if let Some(tag) = rubric {
        html.open("li", &[])
            .element("a", &[("href", Some(&tag_path(&tag.slug)))], &tag.name)
            .close("li");
    }
    html.close("ol").close("nav");
    html
}

/// `<time>` as the app's `Instant` writes it; nothing for a date that is none.
fn instant(ctx: &Context, iso: &str, class: &str) -> Option<Html> {
    let at = parse_instant(iso)?;
    let local = ctx.local(at);
    let shown = format::published(&local, &ctx.local(ctx.now), ctx.lang);
    let full = format::full(&local, ctx.lang);
    let mut html = Html::new();
    html.element(
        "time",
        &[
            ("class", Some(class)),
            ("datetime", Some(&iso_millis(at))),
            ("title", Some(&full)),
        ],
        &shown,
    );
    Some(html)
}

fn meta_line(ctx: &Context, article: &Article) -> Html {
    let (strings, lang) = (ctx.strings(), ctx.lang);
    let mut html = Html::new();
    html.open("p", &[("class", Some("meta-line"))]);
    if let Some(published) = instant(ctx, &article.published_at, "published") {
        html.append(published);
    }
    if let Some(updated) = article
        .updated_at
        .as_deref()
        .and_then(|at| instant(ctx, at, "updated-at"))
    {
        html.open("span", &[("class", Some("updated"))])
            .text(strings.updated)
            .text(" ")
            .append(updated)
            .close("span");
    }
    let views_title = format!("{}: {}", strings.views, format::count(article.views, lang));
    html.open(
        "span",
        &[("class", Some("views")), ("title", Some(&views_title))],
    )
    .trusted(VIEWS_ICON)
    .open("span", &[("class", Some("visually-hidden"))])
    .text(strings.views)
    .text(": ")
    .close("span")
    .element(
        "span",
        &[("class", Some("views-count"))],
        &format::compact(article.views, lang),
    )
    .close("span");
    let comments = format!(
        "{} {}",
        format::count(article.comment_count, lang),
        strings.comments.for_count(article.comment_count, lang)
    );
    html.open(
        "a",
        &[
            ("class", Some("comment-count")),
            ("href", Some("#comments")),
        ],
    )
    .trusted(COMMENTS_ICON)
    .text(&comments)
    .close("a");
    html.close("p");
    html
}

/// A picture with its caption and credit (`src/article/figure.rs`); the lead
/// image loads at once, body images when the reader comes near.
pub fn figure(ctx: &Context, image: &Image, lead: bool) -> Html {
    let mut html = Html::new();
    let Some(src) = safe_src(&image.src) else {
        return html;
    };
    let has_sources = !image.sources.is_empty();
    let srcset = image
        .sources
        .iter()
        .filter(|s| s.width > 0)
        .filter_map(|s| safe_src(&s.src).map(|src| format!("{src} {}w", s.width)))
        .chain(std::iter::once(format!("{src} {}w", image.width)))
        .collect::<Vec<_>>()
        .join(", ");
    let (width, height) = (image.width.to_string(), image.height.to_string());
    html.open("figure", &[("class", Some("figure"))]).open(
        "img",
        &[
            ("src", Some(src)),
            ("alt", Some(&image.alt)),
            ("width", Some(&width)),
            ("height", Some(&height)),
            ("srcset", has_sources.then_some(srcset.as_str())),
            (
                "sizes",
                has_sources.then_some("(max-width: 48rem) 100vw, 46rem"),
            ),
            ("loading", (!lead).then_some("lazy")),
            ("fetchpriority", lead.then_some("high")),
            ("decoding", Some("async")),
        ],
    );
    let caption = image.caption.as_deref().filter(|c| !c.trim().is_empty());
    let credit = image.credit.as_deref().filter(|c| !c.trim().is_empty());
    if caption.is_some() || credit.is_some() {
        html.open("figcaption", &[]);
        if let Some(caption) = caption {
            html.element("span", &[("class", Some("caption"))], caption);
        }
        if let Some(credit) = credit {
            html.open("span", &[("class", Some("credit"))])
                .text(ctx.strings().photo_credit)
                .text(" ")
                .text(credit)
                .close("span");
        }
        html.close("figcaption");
    }
    html.close("figure");
    html
}

fn block_html(ctx: &Context, block: &Block) -> Html {
    let mut html = Html::new();
    match block {
        Block::Paragraph { inlines } => {
            html.open("p", &[]);
            for inline in inlines {
                html.append(inline_run(inline));
            }
            html.close("p");
        }
        Block::Heading { level, text } => {
            let tag = match (*level).clamp(2, 4) {
                2 => "h2",
                3 => "h3",
                _ => "h4",
            };
            html.element(tag, &[], text);
        }
        Block::Quote { text, attribution } => {
            html.open("figure", &[("class", Some("quote"))])
                .open("blockquote", &[])
                .element("p", &[], text)
                .close("blockquote");
            if let Some(who) = attribution.as_deref().filter(|a| !a.trim().is_empty()) {
                html.open("figcaption", &[])
                    .element("cite", &[], who)
                    .close("figcaption");
            }
            html.close("figure");
        }
        Block::Image(image) => html = figure(ctx, image, false),
        Block::Embed {
            url,
            title,
            provider,
        } => {
            if http_url(url).is_ok() {
                let title = title
                    .as_deref()
                    .filter(|t| !t.trim().is_empty())
                    .unwrap_or(url);
                let provider = provider
                    .as_deref()
                    .unwrap_or(ctx.strings().external_content);
                html.open("aside", &[("class", Some("embed-card"))])
                    .open(
                        "a",
                        &[
                            ("href", Some(url)),
                            ("rel", Some("noopener nofollow")),
                            ("target", Some("_blank")),
                        ],
                    )
                    .element("span", &[("class", Some("embed-provider"))], provider)
                    .element("span", &[("class", Some("embed-title"))], title)
                    .close("a")
                    .close("aside");
            }
        }
        Block::Unsupported => {}
    }
    html
}

/// A run with its marks, the first mark innermost, and its link outermost.
fn inline_run(inline: &Inline) -> Html {
    let tags: Vec<&str> = inline
        .marks
        .iter()
        .filter_map(|mark| match mark {
            Mark::Emphasis => Some("em"),
            Mark::Strong => Some("strong"),
            Mark::Unsupported => None,
        })
        .collect();
    let href = inline.href.as_deref().and_then(safe_href);
    let mut html = Html::new();
    if let Some(href) = href {
        html.open("a", &[("href", Some(href))]);
    }
    for tag in tags.iter().rev() {
        html.open(tag, &[]);
    }
    html.text(&inline.text);
    for tag in &tags {
        html.close(tag);
    }
    if href.is_some() {
        html.close("a");
    }
    html
}

fn source_line(ctx: &Context, source: &Source) -> Html {
    let mut html = Html::new();
    html.open("p", &[("class", Some("source-line"))])
        .text(ctx.strings().source)
        .text(": ");
    match source.url.as_deref().and_then(safe_href) {
        Some(url) => {
            html.element(
                "a",
                &[
                    ("href", Some(url)),
                    ("rel", Some("noopener")),
                    ("target", Some("_blank")),
                ],
                &source.name,
            );
        }
        None => {
            html.text(&source.name);
        }
    }
    html.close("p");
    html
}

fn tag_list(ctx: &Context, tags: impl Iterator<Item = Tag>) -> Html {
    let tags: Vec<Tag> = tags.collect();
    let mut html = Html::new();
    if tags.is_empty() {
        return html;
    }
    html.open(
        "nav",
        &[
            ("class", Some("tag-list")),
            ("aria-label", Some(ctx.strings().tags)),
        ],
    )
    .open("ul", &[]);
    for tag in &tags {
        html.open("li", &[])
            .element(
                "a",
                &[("href", Some(&tag_path(&tag.slug))), ("rel", Some("tag"))],
                &tag.name,
            )
            .close("li");
    }
    html.close("ul").close("nav");
    html
}

fn telegram_cta(ctx: &Context) -> Html {
    let mut html = Html::new();
    let Some(url) = ctx
        .site
        .telegram_url
        .as_deref()
        .filter(|url| http_url(url).is_ok())
    else {
        return html;
    };
    let strings = ctx.strings();
    html.open("aside", &[("class", Some("telegram-cta"))])
        .open("p", &[])
        .text(strings.telegram_before)
        .element(
            "a",
            &[
                ("href", Some(url)),
                ("rel", Some("noopener")),
                ("target", Some("_blank")),
            ],
            strings.telegram_link,
        )
        .text(strings.telegram_after)
        .close("p")
        .close("aside");
    html
}

/// The share links and the copy button, which the app brings to life when it
/// takes the bar over (and adds the device's share sheet where there is one).
fn share_bar(ctx: &Context, url: &str, title: &str) -> Html {
    let mut html = Html::new();
    html.open(
        "nav",
        &[
            ("class", Some("share-bar")),
            ("aria-label", Some(ctx.strings().share)),
        ],
    )
    .open("ul", &[]);
    for target in ShareTarget::ALL {
        html.open("li", &[])
            .element(
                "a",
                &[
                    ("class", Some(target.class())),
                    ("href", Some(&target.href(url, title))),
                    ("rel", Some("noopener")),
                    ("target", Some("_blank")),
                ],
                target.name(),
            )
            .close("li");
    }
    html.open("li", &[])
        .element(
            "button",
            &[("type", Some("button")), ("class", Some("share-copy"))],
            ctx.strings().copy_link,
        )
        .close("li")
        .close("ul")
        .element(
            "p",
            &[
                ("class", Some("share-status")),
                ("role", Some("status")),
                ("aria-live", Some("polite")),
            ],
            "",
        )
        .close("nav");
    html
}

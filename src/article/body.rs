//! The body blocks of an article, one component per kind.

use super::embed_card::EmbedCard;
use super::figure::{Figure, Loading};
use leptos::prelude::*;
use vestnik_api::links::safe_href;
use vestnik_api::{Block, Inline, Mark};

/// One body block.
#[component]
pub fn BlockView(block: Block) -> impl IntoView {
    match block {
        Block::Paragraph { inlines } => view! { <Paragraph inlines /> }.into_any(),
        Block::Heading { level, text } => view! { <Heading level text /> }.into_any(),
        Block::Quote { text, attribution } => view! { <Quote text attribution /> }.into_any(),
        Block::Image(image) => view! { <Figure image loading=Loading::Lazy /> }.into_any(),
        Block::Embed {
            url,
            title,
            provider,
        } => view! { <EmbedCard url title provider /> }.into_any(),
        // A kind this build does not know is left out rather than guessed at.
        Block::Unsupported => ().into_any(),
    }
}

/// A paragraph of running text.
#[component]
fn Paragraph(inlines: Vec<Inline>) -> impl IntoView {
    view! { <p>{inlines.into_iter().map(|inline| view! { <InlineRun inline /> }).collect_view()}</p> }
}

/// A run of text with its marks, and a link when its target is safe.
#[component]
fn InlineRun(inline: Inline) -> impl IntoView {
    let Inline { text, marks, href } = inline;
    let mut run = text.into_any();
    for mark in marks {
        run = match mark {
            Mark::Emphasis => view! { <em>{run}</em> }.into_any(),
            Mark::Strong => view! { <strong>{run}</strong> }.into_any(),
            Mark::Unsupported => run,
        };
    }
    match href.as_deref().and_then(safe_href) {
        Some(href) => view! { <a href=href.to_owned()>{run}</a> }.into_any(),
        None => run,
    }
}

/// A sub-heading; levels outside 2..=4 are clamped so the outline stays sound.
#[component]
fn Heading(level: u8, text: String) -> impl IntoView {
    match level.clamp(2, 4) {
        2 => view! { <h2>{text}</h2> }.into_any(),
        3 => view! { <h3>{text}</h3> }.into_any(),
        _ => view! { <h4>{text}</h4> }.into_any(),
    }
}

/// Quoted speech with who said it; the quotation marks come from the stylesheet.
#[component]
fn Quote(text: String, attribution: Option<String>) -> impl IntoView {
    view! {
        <figure class="quote">
            <blockquote>
                <p>{text}</p>
            </blockquote>
            {attribution
                .filter(|a| !a.trim().is_empty())
                .map(|who| view! { <figcaption><cite>{who}</cite></figcaption> })}
        </figure>
    }
}

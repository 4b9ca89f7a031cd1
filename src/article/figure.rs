//! Pictures: the lead image and images in the body.

use crate::i18n::use_lang;
use leptos::prelude::*;
use vestnik_api::Image;
use vestnik_api::links::safe_src;

/// How the picture is fetched: the lead image is the page's largest paint and
/// loads at once; body images wait until the reader scrolls near them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loading {
    /// Above the fold: load now, with high priority.
    Eager,
    /// Below the fold: load when near the viewport.
    Lazy,
}

/// A picture with its caption and credit. The width and height attributes let
/// the browser reserve the space before the file arrives, so nothing shifts.
#[component]
pub fn Figure(image: Image, loading: Loading) -> impl IntoView {
    let lang = use_lang();
    let Image {
        src,
        alt,
        caption,
        credit,
        width,
        height,
        sources,
    } = image;
    let src = safe_src(&src)?.to_owned();
    let srcset = sources
        .iter()
        .filter(|s| s.width > 0)
        .filter_map(|s| safe_src(&s.src).map(|src| format!("{src} {}w", s.width)))
        .chain(std::iter::once(format!("{src} {width}w")))
        .collect::<Vec<_>>()
        .join(", ");
    let has_sources = !sources.is_empty();
    let caption = caption.filter(|c| !c.trim().is_empty());
    let credit = credit.filter(|c| !c.trim().is_empty());
    let has_caption = caption.is_some() || credit.is_some();
    Some(view! {
        <figure class="figure">
            <img
                src=src
                alt=alt
                width=width
                height=height
                srcset=has_sources.then_some(srcset)
                sizes=has_sources.then_some("(max-width: 48rem) 100vw, 46rem")
                loading=(loading == Loading::Lazy).then_some("lazy")
                fetchpriority=(loading == Loading::Eager).then_some("high")
                decoding="async"
            />
            {has_caption
                .then(|| {
                    view! {
                        <figcaption>
                            {caption.map(|c| view! { <span class="caption">{c}</span> })}
                            {credit
                                .map(|c| {
                                    view! {
                                        <span class="credit">
                                            {move || lang.get().strings().photo_credit} " " {c.clone()}
                                        </span>
                                    }
                                })}
                        </figcaption>
                    }
                })}
        </figure>
    })
}

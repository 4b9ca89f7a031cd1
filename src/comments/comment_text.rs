//! A comment's plain text, with its web addresses made into links and
//! everything else shown exactly as typed (never parsed as HTML).
//!
//! Where an address starts and ends is `vestnik_api::links::linkify`, a rule
//! the server shares (and tests natively, with property tests over arbitrary
//! Unicode); this is only its view.

use leptos::prelude::*;
use vestnik_api::links::{Piece, linkify};

/// The text of a comment. Links are marked as user content that vouches for
/// nothing (`nofollow ugc`) and cannot reach back into this page (`noopener`);
/// `dir="auto"` keeps a right-to-left text or a stray override inside its own box.
#[component]
pub fn CommentText(text: String) -> impl IntoView {
    let runs = linkify(&text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.to_owned().into_any(),
            Piece::Link(url) => view! {
                <a href=url.to_owned() rel="nofollow ugc noopener" target="_blank">
                    {url.to_owned()}
                </a>
            }
            .into_any(),
        })
        .collect_view();
    view! { <p class="comment-text" dir="auto">{runs}</p> }
}

//! A comment's plain text, with its web addresses made into links and
//! everything else shown exactly as typed (never parsed as HTML).

use leptos::prelude::*;

/// A run of a comment's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text shown as it is.
    Text(&'a str),
    /// An http(s) address, shown as a link to itself.
    Link(&'a str),
}

/// Splits `text` into plain runs and http(s) addresses. An address ends at
/// whitespace or a quote mark, and trailing punctuation (the full stop after
/// a link at the end of a sentence) is left out of it.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = find_scheme(rest) {
        let candidate = &rest[start..];
        let end = candidate
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '«' | '»'))
            .unwrap_or(candidate.len());
        let url = candidate[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'']);
        let scheme_len = if url.len() >= 8 && url[..8].eq_ignore_ascii_case("https://") {
            8
        } else {
            7
        };
        if url.len() <= scheme_len {
            // "https://" alone is not an address: keep it as text and go on.
            out.push(Piece::Text(&rest[..start + scheme_len]));
            rest = &rest[start + scheme_len..];
            continue;
        }
        if start > 0 {
            out.push(Piece::Text(&rest[..start]));
        }
        out.push(Piece::Link(url));
        rest = &rest[start + url.len()..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// Where the next `http://` or `https://` starts, in any letter case.
fn find_scheme(text: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    let http = lower.find("http://");
    let https = lower.find("https://");
    match (http, https) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The text of a comment. Links are marked as user content that vouches for
/// nothing (`nofollow ugc`) and cannot reach back into this page (`noopener`);
/// `dir="auto"` keeps a right-to-left text or a stray override inside its own box.
#[component]
pub fn CommentText(text: String) -> impl IntoView {
    let runs = pieces(&text)
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

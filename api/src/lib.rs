//! The wire types of the vestnik JSON API, shared by the SPA and the reference server.
//!
//! Every type here is what travels over HTTP, described for people in
//! `docs/api/openapi.yaml`. Times are RFC 3339 strings in UTC: the browser parses
//! them with its own `Date`, so the Wasm build carries no date library.
//!
//! Decoding is lenient where a missing field has an honest default (no tags, no
//! views yet, an unknown block kind) so that one odd field from a backend does
//! not blank a whole article; fields without which nothing sensible can be
//! shown (a slug, a title) stay required.

mod client_config;
pub mod head;
pub mod i18n;
pub mod links;
pub mod moderation;
pub mod paths;
pub mod proof_of_work;

pub use client_config::{ApiBase, ClientConfig, ConfigProblem, DEFAULT_API_BASE, check_api_base};
pub use moderation::{
    CommentStatus, ModerationLog, ModerationLogEntry, ModerationMode, Reason, Rejection,
};
pub use proof_of_work::{Challenge, Proof};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Site-wide settings: `GET /api/site`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Site {
    /// The publication's name, shown in the header and the page title.
    pub name: String,
    /// BCP 47 language tag of the site's content and UI, e.g. `ru`.
    #[serde(default = "default_locale")]
    pub locale: String,
    /// IANA time zone in which times are shown, e.g. `Europe/Kyiv`.
    #[serde(default = "default_time_zone")]
    pub time_zone: String,
    /// The Telegram channel readers are invited to follow, if the site has one.
    #[serde(default)]
    pub telegram_url: Option<String>,
    /// Other links for the header or footer (about, contacts, ...).
    #[serde(default)]
    pub links: Vec<Link>,
}

fn default_locale() -> String {
    "ru".to_owned()
}

fn default_time_zone() -> String {
    "Europe/Kyiv".to_owned()
}

/// A titled link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// What the reader sees.
    pub title: String,
    /// Where it goes.
    pub url: String,
}

/// One article with its body: `GET /api/articles/{slug}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable numeric id.
    #[serde(default)]
    pub id: i64,
    /// The URL name: `/news/{slug}`.
    pub slug: String,
    /// The headline.
    pub title: String,
    /// One or two sentences that sum the article up (list summary, meta description).
    #[serde(default)]
    pub lead: String,
    /// The body as typed blocks, in reading order.
    #[serde(default)]
    pub body: Vec<Block>,
    /// Where the news comes from ("Источник: …").
    #[serde(default)]
    pub source: Option<Source>,
    /// Publication instant, RFC 3339 UTC.
    #[serde(default)]
    pub published_at: String,
    /// Last substantive update, RFC 3339 UTC, if the article was updated.
    #[serde(default)]
    pub updated_at: Option<String>,
    /// Reader count as the server knows it.
    #[serde(default)]
    pub views: u64,
    /// Number of visible comments.
    #[serde(default)]
    pub comment_count: u64,
    /// Rubric and topic tags.
    #[serde(default)]
    pub tags: Vec<Tag>,
    /// The lead image, if any.
    #[serde(default)]
    pub image: Option<Image>,
}

impl Article {
    /// What the article is about in a sentence or two, for the meta
    /// description and link previews: the lead, or the first paragraph's text
    /// when there is none.
    pub fn description(&self) -> String {
        if !self.lead.trim().is_empty() {
            return self.lead.clone();
        }
        self.body
            .iter()
            .find_map(|block| match block {
                Block::Paragraph { inlines } => {
                    Some(inlines.iter().map(|i| i.text.as_str()).collect::<String>())
                }
                _ => None,
            })
            .unwrap_or_default()
    }
}

/// The origin of a piece of news.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Name as shown to readers, e.g. "Харьковский горсовет".
    pub name: String,
    /// The source's own page, if it has one.
    #[serde(default)]
    pub url: Option<String>,
}

/// A rubric or topic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    /// URL name of the tag.
    pub slug: String,
    /// What readers see.
    pub name: String,
}

/// A picture with the size it will occupy, so the page can reserve the space.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    /// URL of the image file.
    pub src: String,
    /// Text alternative for screen readers; empty for a decorative image.
    #[serde(default)]
    pub alt: String,
    /// Caption shown under the image.
    #[serde(default)]
    pub caption: Option<String>,
    /// Photographer or agency.
    #[serde(default)]
    pub credit: Option<String>,
    /// Intrinsic width in pixels.
    pub width: u32,
    /// Intrinsic height in pixels.
    pub height: u32,
    /// The same picture in other widths, for `srcset`; empty when there is only `src`.
    #[serde(default)]
    pub sources: Vec<ImageSource>,
}

/// One width of a responsive image.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageSource {
    /// URL of this rendition.
    pub src: String,
    /// Its width in pixels.
    pub width: u32,
}

/// One block of an article body. The SPA renders each kind as a component and
/// never inserts HTML from the network.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph of running text.
    Paragraph {
        /// The text as runs with marks and links.
        inlines: Vec<Inline>,
    },
    /// A sub-heading inside the article (level 2 to 4).
    Heading {
        /// Heading level: 2, 3 or 4 (the headline is level 1).
        #[serde(default = "default_heading_level")]
        level: u8,
        /// The heading text.
        text: String,
    },
    /// Quoted speech with who said it.
    Quote {
        /// The words quoted, without the quotation marks.
        text: String,
        /// Who said it, e.g. "Алекс Ленартс".
        #[serde(default)]
        attribution: Option<String>,
    },
    /// A picture with its caption and credit.
    Image(Image),
    /// Outside content (a video, a post), shown as a link card: no third-party
    /// frame or script is ever loaded into the page.
    Embed {
        /// The content's address (http or https).
        url: String,
        /// What the content is, shown on the card.
        #[serde(default)]
        title: Option<String>,
        /// Where it lives, e.g. "YouTube", "Telegram".
        #[serde(default)]
        provider: Option<String>,
    },
    /// A block kind this client does not know; newer servers may send more kinds.
    #[serde(other)]
    Unsupported,
}

fn default_heading_level() -> u8 {
    2
}

/// A run of text inside a paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inline {
    /// The text itself, plain (never HTML).
    pub text: String,
    /// Emphasis applied to the whole run.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<Mark>,
    /// Target when the run is a link: an http(s) or mailto URL or a path on
    /// the site ([`links::safe_href`] decides; clients show anything else as text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
}

impl Inline {
    /// A run of plain text with no marks and no link.
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            marks: Vec::new(),
            href: None,
        }
    }
}

/// Emphasis on an inline run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// Italic stress (`<em>`).
    Emphasis,
    /// Strong importance (`<strong>`).
    Strong,
    /// A mark this client does not know; the text shows unmarked.
    #[serde(other)]
    Unsupported,
}

/// A reader's visit to count: the body of `POST /api/articles/{slug}/views`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewRequest {
    /// A random id the browser keeps for this reader (8 to 64 characters of
    /// `[A-Za-z0-9-]`); the server counts one view per reader per article a day.
    pub reader_id: String,
}

/// The answer to a counted (or already counted) view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewCount {
    /// The article's total views after this request.
    pub views: u64,
    /// Whether this request added a view (false when the reader was counted within a day).
    #[serde(default)]
    pub counted: bool,
}

/// An entry in the list of other news: `GET /api/news`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsItem {
    /// The article's URL name.
    pub slug: String,
    /// The headline.
    pub title: String,
    /// One-sentence summary shown in the list.
    #[serde(default)]
    pub summary: String,
    /// Where the news comes from.
    #[serde(default)]
    pub source: Option<Source>,
    /// Publication instant, RFC 3339 UTC.
    #[serde(default)]
    pub published_at: String,
    /// Thumbnail, if any.
    #[serde(default)]
    pub image: Option<Image>,
}

/// One page of news, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsPage {
    /// The items of this page.
    pub items: Vec<NewsItem>,
    /// Opaque cursor for the next (older) page: pass it back as `before`; absent at the end.
    #[serde(default)]
    pub next: Option<String>,
    /// The tag the list was filtered by (`tag=`), with its display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<Tag>,
}

/// The longest comment text the server accepts, in characters (Unicode scalar values).
pub const COMMENT_MAX_CHARS: usize = 2000;

/// The longest author name the server accepts, in characters.
pub const AUTHOR_MAX_CHARS: usize = 80;

/// A reader's comment under an article. The text is plain text with line
/// breaks: clients escape it and make URLs clickable themselves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// Unique, increasing with posting order.
    pub id: i64,
    /// The comment this one replies to (one level: always a top-level comment).
    #[serde(default)]
    pub parent_id: Option<i64>,
    /// The name the author gave.
    pub author: String,
    /// Plain text; line breaks are `\n`.
    pub text: String,
    /// When the server accepted it, RFC 3339 UTC.
    #[serde(default)]
    pub created_at: String,
    /// The id the posting client chose, so it can match its pending comment.
    #[serde(default)]
    pub client_id: Option<String>,
    /// Published (left out), or, shown only to its own author, waiting for a
    /// moderator or rejected.
    #[serde(default, skip_serializing_if = "CommentStatus::is_published")]
    pub status: CommentStatus,
    /// Why a moderator rejected it (its author sees this).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejection: Option<Rejection>,
    /// Picked by the newsroom ("Выбор редакции").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub featured: bool,
}

impl Comment {
    /// A published comment with these fields and nothing else set.
    pub fn published(
        id: i64,
        parent_id: Option<i64>,
        author: impl Into<String>,
        text: impl Into<String>,
        created_at: impl Into<String>,
    ) -> Self {
        Self {
            id,
            parent_id,
            author: author.into(),
            text: text.into(),
            created_at: created_at.into(),
            client_id: None,
            status: CommentStatus::Published,
            rejection: None,
            featured: false,
        }
    }
}

/// The body of `POST /api/articles/{slug}/comments`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewComment {
    /// The author's name (1 to [`AUTHOR_MAX_CHARS`] characters, not only spaces).
    pub author: String,
    /// The text (1 to [`COMMENT_MAX_CHARS`] characters, not only spaces).
    pub text: String,
    /// A top-level comment of the same article to reply to.
    #[serde(default)]
    pub parent_id: Option<i64>,
    /// A random id the client chose (8 to 64 characters of `[A-Za-z0-9-]`);
    /// posting the same id again answers the comment already stored.
    pub client_id: String,
    /// The reader's own secret key (see [`READER_KEY_CHARS`]): with it the
    /// author sees their comments while they wait for a moderator, and earns
    /// trust under pre-moderation of new commenters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reader_key: Option<String>,
    /// A field people never see and never fill: anything in it marks a bot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The solved proof-of-work challenge, when the server asks for one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof: Option<Proof>,
}

/// How many characters a reader key has: 32 lowercase hex digits (128 random bits).
pub const READER_KEY_CHARS: usize = 32;

/// Whether `key` has the form of a reader key: [`READER_KEY_CHARS`] of `[0-9a-f]`.
pub fn is_reader_key(key: &str) -> bool {
    key.len() == READER_KEY_CHARS && key.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Whether `id` has the form of a reader id, which a reader shows the server
/// (`?reader=`) to see their own comments that others cannot: the first 16
/// bytes of the SHA-256 of their key, as 32 lowercase hex digits. The key
/// itself stays in the posts' bodies, so an address in a log cannot be used
/// to post as someone else.
pub fn is_reader_id(id: &str) -> bool {
    is_reader_key(id)
}

/// The body of `POST /api/comments/{id}/reports`: one report per reader per comment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewReport {
    /// The reporting reader's key (as in [`NewComment::reader_key`]).
    pub reader_key: String,
    /// What is wrong with the comment.
    pub reason: Reason,
}

/// The answer to a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportAccepted {
    /// False when this reader had reported the comment before (nothing changed).
    pub new: bool,
}

/// How an article's comments are run, as its readers need to know: whether
/// they may post, and whether what they post waits for a moderator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentSettings {
    /// Closed for new comments: the comments stay readable, with no composer.
    #[serde(default)]
    pub closed: bool,
    /// Which comments wait for a moderator before anyone else sees them.
    #[serde(default)]
    pub moderation: ModerationMode,
    /// Whether a post needs a solved challenge (`GET /api/comments/challenge`).
    #[serde(default)]
    pub proof_of_work: bool,
}

/// One page of an article's comments: `GET /api/articles/{slug}/comments`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentPage {
    /// Up to `limit` top-level comments with all their replies, oldest first.
    pub items: Vec<Comment>,
    /// Cursor for the earlier top-level comments: pass it back as `before`; absent when none.
    #[serde(default)]
    pub next: Option<String>,
    /// Comments the article has in all (top-level and replies, not removed).
    #[serde(default)]
    pub total: u64,
    /// The id of the newest event of this article's stream when the page was
    /// read: open the stream with `?after=` it, so nothing falls in between.
    #[serde(default)]
    pub last_event_id: i64,
    /// Whether the article takes comments and how they are moderated.
    #[serde(default)]
    pub settings: CommentSettings,
}

/// The data of a `comment_removed` stream event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentRemoved {
    /// The removed comment.
    pub id: i64,
}

/// The data of a `count` stream event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentCount {
    /// Comments the article now has (not removed).
    pub total: u64,
}

/// The ids of the data a server-rendered page carries for the app, each a
/// `<script type="application/json">` holding the wire type it is named for,
/// so the app takes the page over without asking for it again.
pub mod rendered {
    /// The page's [`crate::Article`].
    pub const ARTICLE_ID: &str = "vestnik-article";
    /// The first [`crate::NewsPage`] of the page's news list.
    pub const NEWS_ID: &str = "vestnik-news";
    /// The [`crate::Site`] the page was rendered for: its parts then show
    /// times in the site's zone at once, without asking for the settings.
    pub const SITE_ID: &str = "vestnik-site";
}

/// The one error shape of the API: `{"error": {"code", "message", "fields"}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// What went wrong.
    pub error: ErrorDetail,
}

/// The body of an API error.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorDetail {
    /// Machine-readable kind of error.
    pub code: ErrorCode,
    /// Human-readable explanation, safe to show to a reader.
    pub message: String,
    /// Per-field problems of a rejected input, keyed by field name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
    /// Why a comment (or report) was refused, for the client to word it in
    /// the reader's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Refusal>,
    /// What the reason is about: the word not allowed, the most links, the
    /// end of a ban (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Why the server refused a comment, beyond the field checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// The name or the text holds a word the site does not allow (`detail`: the word).
    BannedWord,
    /// More links than the site allows in one comment (`detail`: the most).
    TooManyLinks,
    /// The same reader posted the same text a short while ago.
    Duplicate,
    /// The hidden field people never fill was filled.
    SpamCheck,
    /// The proof of work is missing, wrong, expired or used: fetch a new
    /// challenge and send again (`detail`: which).
    ProofOfWork,
    /// The reader may not comment (`detail`: until when, absent when for good).
    Banned,
    /// The article no longer takes comments.
    Closed,
    /// A reason this client does not know.
    #[serde(other)]
    Unknown,
}

/// Machine-readable error kinds; each goes with one HTTP status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// 400: the request itself is malformed (a bad cursor, a bad parameter).
    BadRequest,
    /// 404: no such resource.
    NotFound,
    /// 401: a moderator action without a valid token.
    Unauthorized,
    /// 403: not allowed (a ban, an article closed for comments); see `reason`.
    Forbidden,
    /// 413: the request body is too large.
    PayloadTooLarge,
    /// 422: well-formed input that fails validation; see `fields`.
    Invalid,
    /// 429: too many requests; see the Retry-After header.
    RateLimited,
    /// 500: a fault on the server.
    Internal,
    /// 503: the server cannot answer now (database down, shutting down).
    Unavailable,
    /// An error kind this client does not know.
    #[serde(other)]
    Unknown,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_with_only_slug_and_title_decodes_with_defaults() {
        let a: Article = serde_json::from_str(r#"{"slug":"x","title":"T"}"#).unwrap();
        assert_eq!(a.views, 0);
        assert!(a.body.is_empty());
        assert!(a.source.is_none());
        assert_eq!(a.published_at, "");
    }

    #[test]
    fn unknown_block_kind_and_mark_decode_as_unsupported() {
        let blocks: Vec<Block> = serde_json::from_str(
            r#"[{"type":"video","src":"x"},{"type":"paragraph","inlines":[{"text":"a","marks":["blink","strong"]}]}]"#,
        )
        .unwrap();
        assert_eq!(blocks[0], Block::Unsupported);
        let Block::Paragraph { inlines } = &blocks[1] else {
            panic!("expected a paragraph, got {:?}", blocks[1]);
        };
        assert_eq!(inlines[0].marks, vec![Mark::Unsupported, Mark::Strong]);
    }

    #[test]
    fn image_and_embed_blocks_round_trip_flat_with_their_type() {
        let json = r#"[{"type":"image","src":"/m/a.jpg","alt":"Площадь","caption":null,"credit":"Фото: А. Б.","width":1200,"height":800,"sources":[{"src":"/m/a-600.jpg","width":600}]},{"type":"embed","url":"https://youtu.be/x","title":"Видео","provider":"YouTube"}]"#;
        let blocks: Vec<Block> = serde_json::from_str(json).unwrap();
        let Block::Image(image) = &blocks[0] else {
            panic!("expected an image, got {:?}", blocks[0]);
        };
        assert_eq!(
            (image.width, image.height, image.sources.len()),
            (1200, 800, 1)
        );
        assert!(matches!(&blocks[1], Block::Embed { provider: Some(p), .. } if p == "YouTube"));
        assert_eq!(serde_json::to_string(&blocks).unwrap(), json);
    }

    #[test]
    fn error_body_round_trips_in_the_documented_shape() {
        let json = r#"{"error":{"code":"not_found","message":"Нет такой статьи"}}"#;
        let e: ErrorBody = serde_json::from_str(json).unwrap();
        assert_eq!(e.error.code, ErrorCode::NotFound);
        assert_eq!(serde_json::to_string(&e).unwrap(), json);
        let odd: ErrorBody =
            serde_json::from_str(r#"{"error":{"code":"teapot","message":"?"}}"#).unwrap();
        assert_eq!(odd.error.code, ErrorCode::Unknown);
    }
}

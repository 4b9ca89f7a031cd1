//! Importing an article written as HTML: the HTML is sanitized with ammonia
//! first, then its clean form is converted into typed [`Block`]s, so nothing
//! the SPA receives is markup and nothing a hostile file carries gets through.
//!
//! Only `p`, `h2`-`h4`, `blockquote`, `cite`, `em`/`i`, `strong`/`b`, `a[href]`,
//! `br`, `figure`, `figcaption` and `img[src alt width height]` survive the
//! sanitizer; other tags are dropped and their text kept, except the contents
//! of `script`, `style` and other non-text containers, which go entirely.

use crate::error::ServerError;
use crate::store::{self, NewArticle, Store};
use ammonia::{Url, UrlRelative};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use jiff::Timestamp;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use vestnik_api::{Block, Image, Inline, Mark, Source, links};

/// Tags the sanitizer keeps.
const ALLOWED_TAGS: &[&str] = &[
    "p",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "cite",
    "em",
    "i",
    "strong",
    "b",
    "a",
    "br",
    "figure",
    "figcaption",
    "img",
];

/// Tags removed together with everything inside them: their content is code,
/// styling or a fallback for a frame, never article text.
const DROPPED_WITH_CONTENT: &[&str] = &[
    "script", "style", "iframe", "noscript", "template", "svg", "math", "object", "embed", "title",
    "textarea", "select", "head",
];

/// The longest lead derived from the first paragraph, in characters.
const LEAD_MAX_CHARS: usize = 300;

/// The HTML with everything but the allowed tags, attributes and URL schemes removed.
pub fn sanitize(html: &str) -> String {
    let tags: HashSet<&str> = ALLOWED_TAGS.iter().copied().collect();
    let dropped: HashSet<&str> = DROPPED_WITH_CONTENT.iter().copied().collect();
    let attributes: HashMap<&str, HashSet<&str>> = HashMap::from([
        ("a", HashSet::from(["href"])),
        ("img", HashSet::from(["src", "alt", "width", "height"])),
    ]);
    ammonia::Builder::empty()
        .tags(tags)
        .clean_content_tags(dropped)
        .tag_attributes(attributes)
        .generic_attributes(HashSet::new())
        .generic_attribute_prefixes(HashSet::new())
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        // Root-relative image paths (`/media/x.jpg`) are legitimate; the
        // converter below checks every URL again and keeps only safe forms.
        .url_relative(UrlRelative::PassThrough)
        .link_rel(None)
        .strip_comments(true)
        .clean(html)
        .to_string()
}

/// The article body in `html` as blocks, after [`sanitize`].
pub fn html_to_blocks(html: &str) -> Vec<Block> {
    let clean = sanitize(html);
    let nodes = parse_clean(&clean);
    let mut converter = Converter::default();
    converter.walk(&nodes, &Style::default());
    converter.flush();
    converter.blocks
}

/// A node of the sanitized HTML.
#[derive(Debug)]
enum Node {
    Element {
        name: String,
        attrs: Vec<(String, String)>,
        children: Vec<Node>,
    },
    Text(String),
}

impl Node {
    fn attr(&self, wanted: &str) -> Option<&str> {
        match self {
            Node::Element { attrs, .. } => attrs
                .iter()
                .find(|(name, _)| name == wanted)
                .map(|(_, value)| value.as_str()),
            Node::Text(_) => None,
        }
    }
}

/// Builds a tree from the tokens of ammonia's output. That output is
/// serialized from a parsed DOM, so every element but the void `br` and `img`
/// has its end tag and a stack is all the tree building it needs.
#[derive(Default)]
struct TreeSink {
    /// Open elements; the root (no name) is at 0.
    stack: RefCell<Vec<Open>>,
}

/// An element whose end tag has not come yet.
#[derive(Default)]
struct Open {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

impl TreeSink {
    fn close_top(stack: &mut Vec<Open>) {
        if stack.len() > 1
            && let Some(open) = stack.pop()
            && let Some(parent) = stack.last_mut()
        {
            parent.children.push(Node::Element {
                name: open.name,
                attrs: open.attrs,
                children: open.children,
            });
        }
    }
}

impl TokenSink for TreeSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut stack = self.stack.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                let name = tag.name.to_string();
                match tag.kind {
                    TagKind::StartTag => {
                        let attrs = tag
                            .attrs
                            .iter()
                            .map(|a| (a.name.local.to_string(), a.value.to_string()))
                            .collect();
                        if matches!(name.as_str(), "br" | "img") || tag.self_closing {
                            if let Some(parent) = stack.last_mut() {
                                parent.children.push(Node::Element {
                                    name,
                                    attrs,
                                    children: Vec::new(),
                                });
                            }
                        } else {
                            stack.push(Open {
                                name,
                                attrs,
                                children: Vec::new(),
                            });
                        }
                    }
                    TagKind::EndTag => {
                        // Close up to the matching element; a stray end tag closes nothing.
                        if let Some(depth) =
                            stack.iter().skip(1).rposition(|open| open.name == name)
                        {
                            while stack.len() > depth + 1 {
                                Self::close_top(&mut stack);
                            }
                        }
                    }
                }
            }
            Token::CharacterTokens(text) => {
                if let Some(parent) = stack.last_mut() {
                    match parent.children.last_mut() {
                        Some(Node::Text(previous)) => previous.push_str(&text),
                        _ => parent.children.push(Node::Text(text.to_string())),
                    }
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn parse_clean(clean: &str) -> Vec<Node> {
    let sink = TreeSink::default();
    sink.stack.borrow_mut().push(Open::default());
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(clean));
    // With a sink that never asks for a script pause, one feed consumes everything.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let mut stack = tokenizer.sink.stack.take();
    while stack.len() > 1 {
        TreeSink::close_top(&mut stack);
    }
    stack.pop().map(|root| root.children).unwrap_or_default()
}

/// Marks and link in force while walking inline content.
#[derive(Clone, Default)]
struct Style {
    marks: Vec<Mark>,
    href: Option<String>,
}

impl Style {
    fn with_mark(&self, mark: Mark) -> Self {
        let mut style = self.clone();
        if !style.marks.contains(&mark) {
            style.marks.push(mark);
        }
        style
    }
}

/// Walks the clean tree and collects blocks.
#[derive(Default)]
struct Converter {
    blocks: Vec<Block>,
    /// Runs of the paragraph being collected, not yet whitespace-collapsed: in
    /// their text `'\n'` is a `<br>`, and every HTML whitespace is already `' '`.
    pending: Vec<Inline>,
}

impl Converter {
    fn walk(&mut self, nodes: &[Node], style: &Style) {
        for node in nodes {
            match node {
                Node::Text(text) => self.push_text(&html_spaces_to_blank(text), style),
                Node::Element { name, children, .. } => match name.as_str() {
                    "p" => {
                        self.flush();
                        self.walk(children, style);
                        self.flush();
                    }
                    "h2" | "h3" | "h4" => {
                        self.flush();
                        let text = collapse(&text_content(children));
                        if !text.is_empty() {
                            let level = if name == "h2" {
                                2
                            } else if name == "h3" {
                                3
                            } else {
                                4
                            };
                            self.blocks.push(Block::Heading { level, text });
                        }
                    }
                    "blockquote" => {
                        self.flush();
                        if let Some(quote) = quote(children) {
                            self.blocks.push(quote);
                        }
                    }
                    "figure" => {
                        self.flush();
                        if let Some(image) = figure(children) {
                            self.blocks.push(Block::Image(image));
                        }
                    }
                    "img" => {
                        self.flush();
                        if let Some(image) = image(node, None) {
                            self.blocks.push(Block::Image(image));
                        }
                    }
                    "br" => self.push_break(),
                    "em" | "i" => self.walk(children, &style.with_mark(Mark::Emphasis)),
                    "strong" | "b" => self.walk(children, &style.with_mark(Mark::Strong)),
                    "a" => {
                        let mut linked = style.clone();
                        // A link that is not safe keeps its text and loses its target.
                        linked.href = node.attr("href").and_then(safe_href);
                        self.walk(children, &linked);
                    }
                    // `cite`, a stray `figcaption`: their text is running text.
                    _ => self.walk(children, style),
                },
            }
        }
    }

    fn push_text(&mut self, text: &str, style: &Style) {
        if text.is_empty() {
            return;
        }
        match self.pending.last_mut() {
            Some(last) if last.marks == style.marks && last.href == style.href => {
                last.text.push_str(text);
            }
            _ => self.pending.push(Inline {
                text: text.to_owned(),
                marks: style.marks.clone(),
                href: style.href.clone(),
            }),
        }
    }

    /// A `<br>`; two in a row (ignoring spaces) end the paragraph, as editors use them.
    fn push_break(&mut self) {
        let ends_with_break = self
            .pending
            .iter()
            .rev()
            .flat_map(|run| run.text.chars().rev())
            .find(|&c| c != ' ')
            == Some('\n');
        if ends_with_break {
            self.flush();
        } else {
            let style = self
                .pending
                .last()
                .map(|run| Style {
                    marks: run.marks.clone(),
                    href: run.href.clone(),
                })
                .unwrap_or_default();
            self.push_text("\n", &style);
        }
    }

    /// Ends the paragraph being collected: a paragraph, an embed, or nothing if empty.
    fn flush(&mut self) {
        let runs = normalize_runs(std::mem::take(&mut self.pending));
        if runs.is_empty() {
            return;
        }
        match embed(&runs) {
            Some(block) => self.blocks.push(block),
            None => self.blocks.push(Block::Paragraph { inlines: runs }),
        }
    }
}

/// Every HTML whitespace character (space, tab, LF, FF, CR) as a plain space.
fn html_spaces_to_blank(text: &str) -> String {
    text.chars()
        .map(|c| if is_html_space(c) { ' ' } else { c })
        .collect()
}

fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0c}')
}

/// Collapses spaces across runs, trims the paragraph and the lines around each
/// break, drops empty runs and merges neighbours that look the same.
fn normalize_runs(runs: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    // At the start a space is dropped, as after a space or a break.
    let mut after_space = true;
    for run in runs {
        let mut text = String::with_capacity(run.text.len());
        for c in run.text.chars() {
            match c {
                ' ' if after_space => {}
                ' ' => {
                    text.push(' ');
                    after_space = true;
                }
                '\n' => {
                    if text.ends_with(' ') {
                        text.pop();
                    } else if text.is_empty() {
                        trim_last_space(&mut out);
                    }
                    text.push('\n');
                    after_space = true;
                }
                other => {
                    text.push(other);
                    after_space = false;
                }
            }
        }
        if text.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.marks == run.marks && last.href == run.href => {
                last.text.push_str(&text);
            }
            _ => out.push(Inline {
                text,
                marks: run.marks,
                href: run.href,
            }),
        }
    }
    // Trailing spaces and breaks go; leading breaks too.
    while let Some(last) = out.last_mut() {
        let trimmed = last.text.trim_end_matches([' ', '\n']).len();
        last.text.truncate(trimmed);
        if last.text.is_empty() {
            out.pop();
        } else {
            break;
        }
    }
    while let Some(first) = out.first_mut() {
        let trimmed = first.text.trim_start_matches([' ', '\n']).to_owned();
        first.text = trimmed;
        if first.text.is_empty() {
            out.remove(0);
        } else {
            break;
        }
    }
    out
}

fn trim_last_space(out: &mut Vec<Inline>) {
    if let Some(last) = out.last_mut()
        && last.text.ends_with(' ')
    {
        last.text.pop();
        if last.text.is_empty() {
            out.pop();
        }
    }
}

/// The plain text under `nodes`, a `<br>` as a line break.
fn text_content(nodes: &[Node]) -> String {
    let mut text = String::new();
    append_text(nodes, &mut text);
    text
}

fn append_text(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Element { name, children, .. } => {
                if name == "br" {
                    out.push('\n');
                } else {
                    append_text(children, out);
                }
            }
        }
    }
}

/// Whitespace runs (line breaks too) as one space, trimmed.
fn collapse(text: &str) -> String {
    text.split(is_html_space)
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A quote: its `<cite>` or a trailing line «— Name» is the attribution.
fn quote(children: &[Node]) -> Option<Block> {
    let mut lines = Vec::new();
    let mut cites = Vec::new();
    let mut line = String::new();
    quote_lines(children, &mut line, &mut lines, &mut cites);
    lines.push(line);
    let mut lines: Vec<String> = lines
        .iter()
        .map(|line| collapse(line))
        .filter(|line| !line.is_empty())
        .collect();
    let mut attribution = cites
        .iter()
        .map(|cite| collapse(cite))
        .find(|cite| !cite.is_empty())
        .map(|cite| strip_dash(&cite).unwrap_or(&cite).to_owned());
    if attribution.is_none() && lines.len() > 1 {
        let last = lines.last().map(|line| strip_dash(line).map(str::to_owned));
        if let Some(Some(name)) = last {
            lines.pop();
            attribution = Some(name);
        }
    }
    let text = strip_quotation_marks(&lines.join("\n"));
    if text.is_empty() {
        return None;
    }
    Some(Block::Quote {
        text,
        attribution: attribution.filter(|a| !a.is_empty()),
    })
}

/// Splits a blockquote's text into lines at paragraphs and breaks; `cite` text goes aside.
fn quote_lines(
    nodes: &[Node],
    line: &mut String,
    lines: &mut Vec<String>,
    cites: &mut Vec<String>,
) {
    for node in nodes {
        match node {
            Node::Text(text) => line.push_str(text),
            Node::Element { name, children, .. } => match name.as_str() {
                "cite" => cites.push(text_content(children)),
                "br" => lines.push(std::mem::take(line)),
                "p" | "blockquote" | "h2" | "h3" | "h4" | "figure" => {
                    lines.push(std::mem::take(line));
                    quote_lines(children, line, lines, cites);
                    lines.push(std::mem::take(line));
                }
                _ => quote_lines(children, line, lines, cites),
            },
        }
    }
}

/// `"— Name"` (em dash, en dash, horizontal bar or hyphen, then a space) as `"Name"`.
fn strip_dash(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix('—')
        .or_else(|| line.strip_prefix('–'))
        .or_else(|| line.strip_prefix('―'))
        .or_else(|| line.strip_prefix("- "))?;
    let name = rest.trim();
    // A dash line that goes on and on is part of the quote, not a name.
    (!name.is_empty() && name.chars().count() <= 120).then_some(name)
}

/// The text without one pair of quotation marks around all of it.
fn strip_quotation_marks(text: &str) -> String {
    for (open, close) in [('«', '»'), ('“', '”'), ('„', '“'), ('"', '"')] {
        if let Some(inner) = text
            .strip_prefix(open)
            .and_then(|rest| rest.strip_suffix(close))
            && !inner.contains([open, close])
        {
            return inner.trim().to_owned();
        }
    }
    text.to_owned()
}

/// An image from a `<figure>`: its first `<img>` and its `<figcaption>`.
fn figure(children: &[Node]) -> Option<Image> {
    let img = find_element(children, "img")?;
    let caption = find_element(children, "figcaption")
        .map(|caption| match caption {
            Node::Element { children, .. } => collapse(&text_content(children)),
            Node::Text(_) => String::new(),
        })
        .filter(|caption| !caption.is_empty());
    image(img, caption)
}

fn find_element<'a>(nodes: &'a [Node], wanted: &str) -> Option<&'a Node> {
    nodes.iter().find_map(|node| match node {
        Node::Element { name, .. } if name == wanted => Some(node),
        Node::Element { children, .. } => find_element(children, wanted),
        Node::Text(_) => None,
    })
}

/// An image block from an `<img>`; `None` without a safe `src` or a size, since
/// the page must reserve the image's space before it loads.
fn image(img: &Node, caption: Option<String>) -> Option<Image> {
    let src = img.attr("src").and_then(safe_src)?;
    let width = dimension(img.attr("width")?)?;
    let height = dimension(img.attr("height")?)?;
    Some(Image {
        src,
        alt: collapse(img.attr("alt").unwrap_or("")),
        caption,
        credit: None,
        width,
        height,
        sources: Vec::new(),
    })
}

/// A pixel size: digits only (`"800"`, `"800px"` is refused), 1 to 20000.
fn dimension(value: &str) -> Option<u32> {
    let value = value.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=20_000).contains(n))
}

/// A link target the SPA will render (`vestnik_api::links::safe_href`: an
/// absolute http(s) or mailto URL, or a path on this site), written the
/// standard way.
fn safe_href(href: &str) -> Option<String> {
    links::safe_href(href).and_then(|target| normalized(target, links::safe_href))
}

/// An image address the SPA will load (`vestnik_api::links::safe_src`: an
/// absolute http(s) URL or a path on this site), written the standard way.
fn safe_src(src: &str) -> Option<String> {
    links::safe_src(src).and_then(|target| normalized(target, links::safe_src))
}

/// A path on this site as written; an absolute URL as the URL parser writes
/// it (`xn--` host, percent-encoded path), kept only if `policy` still accepts
/// that form unchanged.
fn normalized(target: &str, policy: fn(&str) -> Option<&str>) -> Option<String> {
    if links::same_site_path(target).is_some() {
        return Some(target.to_owned());
    }
    let url = Url::parse(target).ok()?;
    let written = url.as_str();
    (policy(written) == Some(written)).then(|| written.to_owned())
}

/// A paragraph that is only a link to a known video or post host, as an embed card.
fn embed(runs: &[Inline]) -> Option<Block> {
    let first = runs.first()?;
    let target = match &first.href {
        Some(href) if runs.iter().all(|run| run.href.as_ref() == Some(href)) => href.clone(),
        // A bare URL typed as text on its own line.
        None if runs.len() == 1 && !first.text.contains(char::is_whitespace) => {
            safe_href(&first.text)?
        }
        _ => return None,
    };
    let provider = known_provider(links::http_url(&target).ok()?.host)?;
    let text: String = runs.iter().map(|run| run.text.as_str()).collect();
    let text = collapse(&text);
    let title = (!text.is_empty() && text != target && Url::parse(&text).is_err()).then_some(text);
    Some(Block::Embed {
        url: target,
        title,
        provider: Some(provider.to_owned()),
    })
}

fn known_provider(host: &str) -> Option<&'static str> {
    let host = host.to_ascii_lowercase();
    let host = host
        .strip_prefix("www.")
        .or_else(|| host.strip_prefix("m."))
        .unwrap_or(&host);
    match host {
        "youtube.com" | "youtu.be" | "youtube-nocookie.com" | "music.youtube.com" => {
            Some("YouTube")
        }
        "vimeo.com" | "player.vimeo.com" => Some("Vimeo"),
        "t.me" | "telegram.me" => Some("Telegram"),
        _ => None,
    }
}

/// The text of the first paragraph, cut at a word near [`LEAD_MAX_CHARS`].
pub fn lead_from(blocks: &[Block]) -> String {
    let text = blocks
        .iter()
        .find_map(|block| match block {
            Block::Paragraph { inlines } => Some(
                inlines
                    .iter()
                    .map(|run| run.text.replace('\n', " "))
                    .collect::<String>(),
            ),
            _ => None,
        })
        .unwrap_or_default();
    if text.chars().count() <= LEAD_MAX_CHARS {
        return text;
    }
    let cut: String = text.chars().take(LEAD_MAX_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > 0 => &cut[..space],
        _ => &cut,
    };
    format!(
        "{}…",
        cut.trim_end_matches([' ', ',', ';', ':', '.', '—', '-'])
    )
}

/// `vestnik-server import-article`: one HTML file into one article.
#[derive(Clone, Debug, clap::Args)]
pub struct ImportArgs {
    /// The article's URL name (letters, digits, `-` and `_`); an existing article with it is replaced.
    #[arg(long, value_parser = check_slug)]
    pub slug: String,
    /// The headline.
    #[arg(long, value_parser = check_title)]
    pub title: String,
    /// The HTML file holding the body.
    #[arg(long)]
    pub html: PathBuf,
    /// The summary shown in lists; by default the start of the first paragraph.
    #[arg(long)]
    pub lead: Option<String>,
    /// Where the news comes from; by default the site's name.
    #[arg(long)]
    pub source_name: Option<String>,
    /// The source's own page.
    #[arg(long, value_parser = crate::validate::check_http_url)]
    pub source_url: Option<String>,
    /// Publication instant, RFC 3339 (e.g. 2026-11-25T00:47:00Z); by default now,
    /// or unchanged when an existing article is replaced.
    #[arg(long)]
    pub published_at: Option<Timestamp>,
}

/// Accepts a slug that reads well in `/news/{slug}` without escaping.
pub fn check_slug(slug: &str) -> Result<String, ServerError> {
    let ok = (1..=200).contains(&slug.len())
        && slug
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(slug.to_owned())
    } else {
        Err(ServerError::Config(format!(
            "invalid slug {slug:?}: expected 1 to 200 of A-Z, a-z, 0-9, - and _"
        )))
    }
}

fn check_title(title: &str) -> Result<String, ServerError> {
    let title = title.trim();
    if title.is_empty() {
        Err(ServerError::Config(
            "the title must not be empty".to_owned(),
        ))
    } else {
        Ok(title.to_owned())
    }
}

/// What [`import_article`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportOutcome {
    /// A new article was stored.
    Inserted {
        /// How many body blocks it has.
        blocks: usize,
    },
    /// The article with that slug was replaced (its id, views and comments stay).
    Replaced {
        /// How many body blocks it has now.
        blocks: usize,
    },
}

/// Converts `html` and stores it under `args.slug`, replacing an existing article's
/// content; `site_name` is the source when none is given.
pub async fn import_article(
    store: &Store,
    args: &ImportArgs,
    html: &str,
    site_name: &str,
    now: Timestamp,
) -> Result<ImportOutcome, ServerError> {
    let body = html_to_blocks(html);
    if body.is_empty() {
        return Err(ServerError::Config(format!(
            "{}: no article text left after sanitizing the HTML",
            args.html.display()
        )));
    }
    let blocks = body.len();
    let lead = match &args.lead {
        Some(lead) => lead.trim().to_owned(),
        None => lead_from(&body),
    };
    let article = NewArticle {
        slug: args.slug.clone(),
        title: args.title.clone(),
        lead,
        body,
        source: Source {
            name: args
                .source_name
                .clone()
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| site_name.to_owned()),
            url: args.source_url.clone(),
        },
        published_at: args.published_at.unwrap_or(now),
        updated_at: None,
        views: 0,
        tags: Vec::new(),
        image: None,
    };
    let inserted = store::upsert_article(store, &article, args.published_at.is_some()).await?;
    Ok(if inserted {
        ImportOutcome::Inserted { blocks }
    } else {
        ImportOutcome::Replaced { blocks }
    })
}

/// The `import-article` subcommand as the binary runs it: read, open, import, report.
pub async fn run(
    database: &str,
    site_name: &str,
    args: &ImportArgs,
) -> Result<ImportOutcome, ServerError> {
    let html = tokio::fs::read(&args.html)
        .await
        .map_err(|e| ServerError::io(format!("cannot read {}", args.html.display()), e))?;
    // Editors' files are sometimes not quite UTF-8; a replacement character beats refusing.
    let html = String::from_utf8_lossy(&html);
    let store = crate::Store::open(database).await?;
    let outcome = import_article(&store, args, &html, site_name, Timestamp::now()).await;
    store.close().await;
    outcome
}

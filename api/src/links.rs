//! The one URL policy of vestnik: which addresses from the network, a comment
//! or a config file may become a link, a picture or an API base.
//!
//! The app, the build tool and the server all ask these functions, so they
//! can never disagree about a URL (they once did: `/\host` was a same-site
//! link to the app and another host to the importer).
//!
//! The rules follow how a browser reads a URL (the WHATWG URL standard), not
//! how it looks: a browser drops tabs and newlines anywhere in a URL, reads
//! `\` as `/` in web URLs, and takes `//host` as another host, so a check on
//! the text alone must refuse all of those. The property tests in
//! `tests/links.rs` hold these functions against the `url` crate, an
//! implementation of the same standard.
//!
//! Nothing here slices a string by a byte index it did not get from the same
//! string, so no input can make it panic.

use std::fmt;

/// An absolute `http://` or `https://` URL with a host, as [`http_url`] read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HttpUrl<'a> {
    /// The whole URL, exactly as given.
    pub url: &'a str,
    /// `https` rather than `http`.
    pub secure: bool,
    /// The host as written: a name (possibly internationalised, `пример.рф`),
    /// an IPv4 address or a bracketed IPv6 address.
    pub host: &'a str,
    /// The port, when one is written.
    pub port: Option<u16>,
    /// Everything after the host and port: path, query and fragment (may be empty).
    pub rest: &'a str,
}

impl HttpUrl<'_> {
    /// `scheme://host[:port]` in lower case, without the scheme's default port:
    /// the form a browser sends in `Origin`, for an ASCII host (a browser
    /// sends an internationalised one in its `xn--` form, which callers ask for).
    pub fn origin(&self) -> String {
        let scheme = if self.secure { "https" } else { "http" };
        let host = self.host.to_ascii_lowercase();
        let default_port = if self.secure { 443 } else { 80 };
        match self.port {
            Some(port) if port != default_port => format!("{scheme}://{host}:{port}"),
            _ => format!("{scheme}://{host}"),
        }
    }
}

/// Why a text is not an acceptable `http(s)` URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlProblem {
    /// There is no text.
    Empty,
    /// It holds a space, a control character or an invisible formatting
    /// character (a browser would drop or reinterpret some of them).
    Invisible,
    /// It holds a `\`, which a browser reads as `/`: `https://evil.example\@bank.example`
    /// goes to evil.example while it reads like bank.example.
    Backslash,
    /// It does not start with `http://` or `https://`.
    NotHttp,
    /// Nothing stands between `://` and the path.
    NoHost,
    /// It carries a user name or password (`https://bank.example@evil.example/`).
    UserInfo,
    /// The host is not a name or an IP address.
    BadHost,
    /// An IPv6 address without its brackets (`http://::1:8081`).
    UnbracketedIpv6,
    /// A `[` without its `]`.
    UnclosedBracket,
    /// Something in brackets that is not an IPv6 address.
    BadIpv6,
    /// The port is not a number from 1 to 65535.
    BadPort,
}

impl fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "it is empty",
            Self::Invisible => "it contains a space, a control or an invisible character",
            Self::Backslash => "it contains a backslash (write / instead)",
            Self::NotHttp => {
                "the scheme must be http or https: it must start with http:// or https://"
            }
            Self::NoHost => "the host is missing",
            Self::UserInfo => "no user name or password may stand before the host (user@host)",
            Self::BadHost => "the host must be a domain name or an IP address",
            Self::UnbracketedIpv6 => "an IPv6 address goes in brackets, e.g. http://[::1]:8081",
            Self::UnclosedBracket => "an IPv6 address needs its closing bracket",
            Self::BadIpv6 => "the bracketed IPv6 address is not valid",
            Self::BadPort => "the port must be a number from 1 to 65535",
        })
    }
}

impl std::error::Error for UrlProblem {}

/// Reads `text` as an absolute `http(s)` URL with a host.
///
/// The scheme may be in any letter case and the host may be internationalised
/// (`http://пример.рф/новости`, `https://харків.укр`). Refused: spaces, control
/// and invisible characters anywhere, a user name or password, an empty or
/// malformed host or port.
pub fn http_url(text: &str) -> Result<HttpUrl<'_>, UrlProblem> {
    if text.is_empty() {
        return Err(UrlProblem::Empty);
    }
    if text.chars().any(is_invisible) {
        return Err(UrlProblem::Invisible);
    }
    if text.contains('\\') {
        return Err(UrlProblem::Backslash);
    }
    let (secure, after_scheme) = if let Some(rest) = strip_prefix_ignore_case(text, "https://") {
        (true, rest)
    } else if let Some(rest) = strip_prefix_ignore_case(text, "http://") {
        (false, rest)
    } else {
        return Err(UrlProblem::NotHttp);
    };
    let host_end = after_scheme
        .find(['/', '?', '#'])
        .unwrap_or(after_scheme.len());
    let (authority, rest) = after_scheme
        .split_at_checked(host_end)
        .ok_or(UrlProblem::BadHost)?;
    if authority.is_empty() {
        return Err(UrlProblem::NoHost);
    }
    if authority.contains('@') {
        return Err(UrlProblem::UserInfo);
    }
    let (host, port) = split_port(authority)?;
    check_host(host)?;
    Ok(HttpUrl {
        url: text,
        secure,
        host,
        port,
        rest,
    })
}

/// A link target from the network that may become an `href`: an absolute
/// http(s) URL ([`http_url`]), a `mailto:` address, or a path on this site
/// ([`same_site_path`]). Never `javascript:`, `data:` or another host in
/// disguise (`//host`, `/\host`, `/<tab>/host`).
///
/// Returns the target to use: `text` without the spaces and control
/// characters a browser would strip from its ends.
pub fn safe_href(text: &str) -> Option<&str> {
    let target = trim_url(text);
    (http_url(target).is_ok() || is_mailto(target) || same_site_path(target).is_some())
        .then_some(target)
}

/// A picture address from the network that may become an `src` or a `srcset`
/// entry: an absolute http(s) URL or a path on this site, trimmed as in [`safe_href`].
pub fn safe_src(text: &str) -> Option<&str> {
    let target = trim_url(text);
    (http_url(target).is_ok() || same_site_path(target).is_some()).then_some(target)
}

/// A path on this site (`/news/other`): it starts with one `/` that is not
/// followed by another (`//host` is another host), and it holds no `\` (read
/// as `/`, so `/\host` is another host too) and no space, control or
/// invisible character.
pub fn same_site_path(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('/')?;
    let local = !rest.starts_with('/') && !text.contains('\\') && !text.chars().any(is_invisible);
    local.then_some(text)
}

/// `mailto:` followed by an address, in any letter case. Not `mailto://…`:
/// after `//` a URL names a host and a user, which is no mail address.
fn is_mailto(text: &str) -> bool {
    strip_prefix_ignore_case(text, "mailto:").is_some_and(|address| {
        !address.is_empty() && !address.starts_with("//") && !address.chars().any(is_invisible)
    })
}

/// `text` without the leading and trailing C0 controls and spaces that a
/// browser strips before it reads a URL.
fn trim_url(text: &str) -> &str {
    text.trim_matches(|c: char| c <= ' ')
}

/// Characters a URL must not hold: whitespace and control characters (a
/// browser silently drops tabs and newlines, so `/\t/host` would become
/// `//host`), and the invisible formatting characters that could make a link's
/// text read differently from where it goes (bidi overrides, zero-width joiners).
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace() || c.is_control() || is_format_char(c)
}

/// Bidi controls, zero-width characters and the byte-order mark.
fn is_format_char(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// Splits `host[:port]`, where the host may be a bracketed IPv6 address.
fn split_port(authority: &str) -> Result<(&str, Option<u16>), UrlProblem> {
    let (host, port) = if authority.starts_with('[') {
        let end = authority.find(']').ok_or(UrlProblem::UnclosedBracket)?;
        let (host, after) = authority
            .split_at_checked(end + 1)
            .ok_or(UrlProblem::BadHost)?;
        match after {
            "" => (host, None),
            _ => (
                host,
                Some(after.strip_prefix(':').ok_or(UrlProblem::BadHost)?),
            ),
        }
    } else if authority.matches(':').count() > 1 {
        return Err(UrlProblem::UnbracketedIpv6);
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    let port = match port {
        None => None,
        Some(digits) => Some(parse_port(digits).ok_or(UrlProblem::BadPort)?),
    };
    Ok((host, port))
}

/// 1 to 65535, written in decimal digits only.
fn parse_port(digits: &str) -> Option<u16> {
    if digits.is_empty() || digits.len() > 5 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse::<u16>().ok().filter(|&port| port > 0)
}

/// A bracketed IPv6 address, a dotted-decimal IPv4 address, or dot-separated
/// labels of letters (any script), digits, combining marks, `-` and `_`, with
/// an optional final dot.
///
/// A name whose last label is a number is read by browsers as an IPv4 address
/// in any of several forms (`0x7f.1` is 127.0.0.1), so only the plain
/// `a.b.c.d` form is accepted: the host then means what it says.
fn check_host(host: &str) -> Result<(), UrlProblem> {
    if let Some(inner) = host.strip_prefix('[') {
        let inner = inner.strip_suffix(']').ok_or(UrlProblem::BadHost)?;
        return if is_ipv6(inner) {
            Ok(())
        } else {
            Err(UrlProblem::BadIpv6)
        };
    }
    let name = host.strip_suffix('.').unwrap_or(host);
    if name.is_empty() {
        return Err(UrlProblem::NoHost);
    }
    if name.rsplit('.').next().is_some_and(is_numeric_label) {
        return if is_dotted_quad(host) {
            Ok(())
        } else {
            Err(UrlProblem::BadHost)
        };
    }
    let labels_ok = name.split('.').all(|label| {
        label
            .chars()
            .next()
            .is_some_and(|first| !is_combining_mark(first))
            && label.chars().all(is_host_char)
    });
    if labels_ok {
        Ok(())
    } else {
        Err(UrlProblem::BadHost)
    }
}

/// A label a browser reads as a number: decimal digits, or `0x` and hex digits.
fn is_numeric_label(label: &str) -> bool {
    let hex = label
        .strip_prefix("0x")
        .or_else(|| label.strip_prefix("0X"));
    match hex {
        Some(digits) => digits.bytes().all(|b| b.is_ascii_hexdigit()),
        None => !label.is_empty() && label.bytes().all(|b| b.is_ascii_digit()),
    }
}

/// Four decimal numbers from 0 to 255 without leading zeros, as `192.0.2.1`.
fn is_dotted_quad(host: &str) -> bool {
    host.split('.').count() == 4
        && host.split('.').all(|part| {
            (1..=3).contains(&part.len())
                && part.bytes().all(|b| b.is_ascii_digit())
                && (part.len() == 1 || !part.starts_with('0'))
                && part.parse::<u8>().is_ok()
        })
}

/// The characters of an IPv6 address (hex digits, `:` and `.`), with at
/// least one `:`. Only the characters: a malformed address is a link a
/// browser will not follow, never one that goes elsewhere.
fn is_ipv6(text: &str) -> bool {
    text.contains(':')
        && text
            .bytes()
            .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
}

fn is_host_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '-' || c == '_'
    } else {
        is_word_char(c)
    }
}

/// A character beyond ASCII that reads as part of a word: a letter of any
/// script, a digit, a combining mark. Decided by exclusion (not a space, a
/// control or invisible character, and not in a punctuation, symbol or emoji
/// block), because the standard library has no general-category lookup and
/// its `is_alphanumeric` tables cost the Wasm build several KB.
pub fn is_word_char(c: char) -> bool {
    !c.is_ascii()
        && !c.is_whitespace()
        && !c.is_control()
        && !is_format_char(c)
        && !is_symbol_or_punctuation(c)
}

/// The blocks of punctuation, symbols and emoji: quotation marks and dashes,
/// arrows and dingbats, CJK and fullwidth punctuation, variation selectors,
/// emoji and their flag tags.
fn is_symbol_or_punctuation(c: char) -> bool {
    matches!(
        c,
        '\u{00A1}'..='\u{00BF}'
            | '\u{00D7}'
            | '\u{00F7}'
            | '\u{2010}'..='\u{2BFF}'
            | '\u{2E00}'..='\u{2E7F}'
            | '\u{3000}'..='\u{303F}'
            | '\u{FE00}'..='\u{FE1F}'
            | '\u{FE30}'..='\u{FE6F}'
            | '\u{FF01}'..='\u{FF0F}'
            | '\u{FF1A}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF40}'
            | '\u{FF5B}'..='\u{FF65}'
            | '\u{FFF0}'..='\u{FFFF}'
            | '\u{1F000}'..='\u{1FAFF}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// Combining marks (accents typed after a letter, `е́`), from the blocks that
/// hold them: a host label cannot start with one.
fn is_combining_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{0483}'..='\u{0489}'
            | '\u{0591}'..='\u{05BD}'
            | '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

/// `text` without `prefix`, compared without regard to ASCII letter case.
fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        text.get(prefix.len()..)
    } else {
        None
    }
}

/// A run of a comment's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text shown as it is.
    Text(&'a str),
    /// An http(s) address, shown as a link to itself.
    Link(&'a str),
}

/// Splits plain text (a comment) into runs of text and the http(s) addresses
/// in it, in order; joined, the pieces are `text` again.
///
/// An address starts at `http://` or `https://` in any letter case and runs
/// over letters of any script, digits, combining marks and URL punctuation.
/// It ends at whitespace, at a quotation mark or angle bracket, at an emoji or
/// other symbol, and at an invisible formatting character. Punctuation that
/// ends a sentence (`.`, `,`, `!`…) and a closing bracket without its opening
/// one are left out of it. What [`http_url`] refuses (`https://` alone, a user
/// name) stays text.
pub fn linkify(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    // Where the text not yet emitted starts, and where to look for the next scheme.
    let mut emitted = 0;
    let mut search = 0;
    while let Some(start) = find_scheme(text, search) {
        let Some(candidate) = text.get(start..) else {
            break;
        };
        let link = link_at(candidate);
        match link.filter(|l| http_url(l).is_ok()) {
            Some(link) => {
                if let Some(before) = text.get(emitted..start).filter(|t| !t.is_empty()) {
                    pieces.push(Piece::Text(before));
                }
                pieces.push(Piece::Link(link));
                emitted = start + link.len();
                search = emitted;
            }
            // Not an address after all: look again after this scheme's `://`.
            None => search = start + candidate.find("://").map_or(1, |at| at + 3),
        }
    }
    if let Some(rest) = text.get(emitted..).filter(|t| !t.is_empty()) {
        pieces.push(Piece::Text(rest));
    }
    pieces
}

/// Where the next `http://` or `https://` (any letter case) starts, at or after `from`.
fn find_scheme(text: &str, from: usize) -> Option<usize> {
    let tail = text.get(from..)?;
    tail.char_indices()
        .filter(|&(_, c)| c == 'h' || c == 'H')
        .map(|(at, _)| at)
        .find(|&at| {
            tail.get(at..).is_some_and(|rest| {
                strip_prefix_ignore_case(rest, "http://").is_some()
                    || strip_prefix_ignore_case(rest, "https://").is_some()
            })
        })
        .map(|at| from + at)
}

/// The address that starts `text` (which starts with a scheme), with
/// sentence punctuation and unmatched closing brackets trimmed off its end.
fn link_at(text: &str) -> Option<&str> {
    let end = text
        .char_indices()
        .find(|&(_, c)| !is_link_char(c))
        .map_or(text.len(), |(at, _)| at);
    let mut link = text.get(..end)?;
    loop {
        let last = link.chars().next_back()?;
        let unmatched = match last {
            ')' => link.matches('(').count() < link.matches(')').count(),
            ']' => link.matches('[').count() < link.matches(']').count(),
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' => true,
            _ => false,
        };
        if !unmatched {
            return Some(link);
        }
        link = link.get(..link.len() - last.len_utf8())?;
    }
}

/// Whether `c` can be part of an address written in running text.
fn is_link_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"' | '`' | '{' | '}' | '|' | '^' | '\\')
    } else {
        is_word_char(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<&str> {
        linkify(text)
            .into_iter()
            .filter_map(|piece| match piece {
                Piece::Link(link) => Some(link),
                Piece::Text(_) => None,
            })
            .collect()
    }

    #[test]
    fn a_cyrillic_domain_is_a_link_and_the_text_around_it_stays() {
        assert_eq!(
            linkify("смотрите http://пример.рф/новости"),
            vec![
                Piece::Text("смотрите "),
                Piece::Link("http://пример.рф/новости"),
            ]
        );
        assert_eq!(
            linkify("https://харків.укр/новини, і все"),
            vec![
                Piece::Link("https://харків.укр/новини"),
                Piece::Text(", і все"),
            ]
        );
    }

    #[test]
    fn schemes_in_any_case_and_sentence_punctuation() {
        assert_eq!(
            linkify("Смотрите https://kharkiv.ua/news?id=1. И всё"),
            vec![
                Piece::Text("Смотрите "),
                Piece::Link("https://kharkiv.ua/news?id=1"),
                Piece::Text(". И всё"),
            ]
        );
        assert_eq!(
            linkify("(HTTP://A.B/c) и «HtTpS://x.y»"),
            vec![
                Piece::Text("("),
                Piece::Link("HTTP://A.B/c"),
                Piece::Text(") и «"),
                Piece::Link("HtTpS://x.y"),
                Piece::Text("»"),
            ]
        );
        assert_eq!(
            links("https://ru.wikipedia.org/wiki/Харьков_(значения)!"),
            ["https://ru.wikipedia.org/wiki/Харьков_(значения)"]
        );
    }

    #[test]
    fn a_scheme_alone_is_text_wherever_it_stands() {
        assert_eq!(
            linkify("https:// пусто"),
            vec![Piece::Text("https:// пусто")]
        );
        assert_eq!(
            linkify("в конце http://"),
            vec![Piece::Text("в конце http://")]
        );
        assert_eq!(linkify("https://."), vec![Piece::Text("https://.")]);
        assert_eq!(
            linkify("ftp://x.y javascript:alert(1)"),
            vec![Piece::Text("ftp://x.y javascript:alert(1)")]
        );
        assert_eq!(linkify("http"), vec![Piece::Text("http")]);
        assert_eq!(linkify(""), vec![]);
    }

    #[test]
    fn emoji_marks_and_invisible_characters_next_to_links() {
        assert_eq!(
            linkify("👍http://a.ua/б👍🏽"),
            vec![
                Piece::Text("👍"),
                Piece::Link("http://a.ua/б"),
                Piece::Text("👍🏽"),
            ]
        );
        // A stress mark on a Cyrillic letter belongs to the word.
        assert_eq!(links("http://a.ua/сло́во"), ["http://a.ua/сло́во"]);
        // A family emoji joined by ZWJ ends the link, and is kept whole as text.
        assert_eq!(
            linkify("http://a.ua/x👨\u{200D}👩\u{200D}👧"),
            vec![
                Piece::Link("http://a.ua/x"),
                Piece::Text("👨\u{200D}👩\u{200D}👧"),
            ]
        );
        // An override cannot hide inside a link's text.
        assert_eq!(
            linkify("http://a.ua/\u{202E}gpj.exe"),
            vec![Piece::Link("http://a.ua/"), Piece::Text("\u{202E}gpj.exe")]
        );
        assert_eq!(links("𝐀 http://a.ua/𝐀"), ["http://a.ua/𝐀"]);
    }

    #[test]
    fn a_user_name_in_front_of_the_host_is_not_a_link() {
        assert!(links("https://bank.example@evil.example/").is_empty());
        // A backslash ends the link, so its text shows where it really goes.
        assert_eq!(
            links("https://evil.example\\@bank.example"),
            ["https://evil.example"]
        );
        assert_eq!(
            links("http://@ и потом http://b.ua"),
            ["http://b.ua"],
            "a refused candidate does not hide the next one"
        );
    }

    #[test]
    fn http_urls_are_read_as_a_browser_would() {
        let url = http_url("HTTPS://Пример.РФ:8443/a?b#c").unwrap();
        assert!(url.secure);
        assert_eq!(
            (url.host, url.port, url.rest),
            ("Пример.РФ", Some(8443), "/a?b#c")
        );
        assert_eq!(
            http_url("http://EXAMPLE.org:80").unwrap().origin(),
            "http://example.org"
        );
        assert_eq!(
            http_url("http://[::1]:8081/x").unwrap().origin(),
            "http://[::1]:8081"
        );
        assert_eq!(http_url("http://127.0.0.1:8080").unwrap().host, "127.0.0.1");
        for ipv6 in [
            "[::]",
            "[1:2:3:4:5:6:7:8]",
            "[fe80::1]",
            "[::ffff:192.0.2.1]",
        ] {
            assert_eq!(http_url(&format!("http://{ipv6}/")).unwrap().host, ipv6);
        }
        assert_eq!(http_url("http://2gis.ua").unwrap().host, "2gis.ua");
        // A browser would go to a.b, while it reads like c.d.
        assert_eq!(http_url("https://a.b\\@c.d"), Err(UrlProblem::Backslash));
        for (text, problem) in [
            ("", UrlProblem::Empty),
            ("https://a.b/ c", UrlProblem::Invisible),
            ("https://a\t.b", UrlProblem::Invisible),
            ("javascript:alert(1)", UrlProblem::NotHttp),
            ("//a.b", UrlProblem::NotHttp),
            ("http:a.b", UrlProblem::NotHttp),
            ("https:///a", UrlProblem::NoHost),
            ("https://?a", UrlProblem::NoHost),
            ("https://u:p@a.b", UrlProblem::UserInfo),
            ("https://a..b", UrlProblem::BadHost),
            ("https://a。b", UrlProblem::BadHost),
            ("https://a%2eb", UrlProblem::BadHost),
            ("https://[x]", UrlProblem::BadIpv6),
            ("https://[1:2:g::]", UrlProblem::BadIpv6),
            ("http://0x7f.1", UrlProblem::BadHost),
            ("http://127.1", UrlProblem::BadHost),
            ("http://1.2.3.04", UrlProblem::BadHost),
            ("http://1.2.3.256", UrlProblem::BadHost),
            ("http://1.2.3.4.", UrlProblem::BadHost),
            ("https://[::1", UrlProblem::UnclosedBracket),
            ("https://::1:80", UrlProblem::UnbracketedIpv6),
            ("https://a.b:0", UrlProblem::BadPort),
            ("https://a.b:99999", UrlProblem::BadPort),
            ("https://a.b:", UrlProblem::BadPort),
        ] {
            assert_eq!(http_url(text), Err(problem), "{text:?}");
        }
    }

    #[test]
    fn hrefs_refuse_other_hosts_in_disguise_and_scripts() {
        for good in [
            "https://example.org",
            "http://пример.рф/новости",
            "mailto:news@example.org",
            "MAILTO:news@example.org",
            "/news/other",
            "/",
            "  https://example.org  ",
        ] {
            assert!(safe_href(good).is_some(), "{good:?}");
        }
        assert_eq!(safe_href("  /a  "), Some("/a"));
        for bad in [
            "//evil.example/x",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "javascript:alert(1)",
            "  JAVASCRIPT:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "news/relative",
            "mailto:",
            "mailto://user@news.example",
            "",
        ] {
            assert_eq!(safe_href(bad), None, "{bad:?}");
        }
        assert_eq!(safe_src("mailto:a@b.c"), None);
        assert_eq!(safe_src("/media/a.jpg"), Some("/media/a.jpg"));
        assert_eq!(safe_src("/\\evil.example/a.jpg"), None);
    }
}

//! Property tests of the URL policy and the comment linkifier over arbitrary
//! Unicode, with the `url` crate (the WHATWG URL standard, which browsers
//! follow) as the judge of where a link really goes.
//!
//! `cargo xtask test` runs them with a fixed seed (`PROPTEST_RNG_SEED`) and a
//! modest case count; `cargo xtask fuzz` runs them much longer.

// A property test fails by panicking.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use url::{Origin, Url};
use vestnik_api::check_api_base;
use vestnik_api::links::{Piece, http_url, is_invisible, linkify, safe_href, safe_src};

/// The page a relative link is resolved against.
const PAGE: &str = "https://news.example/news/some-article";

fn page() -> Url {
    Url::parse(PAGE).unwrap()
}

/// One of `choices`.
fn one_of(choices: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(choices).prop_map(str::to_owned)
}

/// Text shaped like a URL, built from the parts URL tricks are made of:
/// a scheme (or none), slashes and backslashes, a user name, a host in
/// several scripts and forms, a port, a path, and arbitrary characters
/// anywhere in between.
fn url_like() -> impl Strategy<Value = String> {
    let junk = prop_oneof![
        3 => Just(String::new()),
        1 => one_of(&[" ", "\t", "\n", "\u{0}", "\u{202E}", "\u{200D}", "\u{FEFF}", "\u{301}"]),
        1 => any::<char>().prop_map(String::from),
    ];
    // Half the time a well-formed start, so that what follows is read as a host.
    let well_formed = one_of(&["http://", "https://", "HTTPS://", "/", "mailto:"]);
    let start = one_of(&[
        "",
        "http:",
        "https:",
        "HTTP:",
        "hTtPs:",
        "javascript:",
        "JaVaScRiPt:",
        "java\tscript:",
        "data:",
        "mailto:",
        "vbscript:",
        "ftp:",
        "file:",
        "h\u{0}ttp:",
    ]);
    let slashes = one_of(&[
        "", "/", "//", "///", "\\", "\\\\", "/\\", "\\/", "/\t/", "/\n/", "/ /", "%2F%2F", "/./",
    ]);
    let start = prop_oneof![
        well_formed,
        (start, slashes).prop_map(|(scheme, slashes)| format!("{scheme}{slashes}")),
    ];
    let user = one_of(&[
        "",
        "",
        "",
        "user@",
        "a.b@",
        "user:pass@",
        "@",
        "news.example@",
    ]);
    let host = prop_oneof![
        one_of(&[
            "news.example",
            "evil.example",
            "пример.рф",
            "харків.укр",
            "Пример.РФ",
            "xn--e1afmkfd.xn--p1ai",
            "127.0.0.1",
            "0x7f.1",
            "127.1",
            "1.2.3.04",
            "[::1]",
            "[::ffff:1.2.3.4]",
            "[zz]",
            "[::1",
            "a..b",
            "a.b.",
            ".",
            "",
            "a_b.example",
            "-a.example",
            "evil\u{3002}example",
            "e\u{301}.example",
        ]),
        "[a-z0-9-]{1,8}(\\.[a-z]{2,4}){0,2}",
    ];
    let port = one_of(&[
        "", "", ":80", ":443", ":8080", ":0", ":65536", ":", ":+1", ":08080",
    ]);
    let tail_piece = prop_oneof![
        one_of(&[
            "/",
            "\\",
            "?",
            "#",
            "@",
            ":",
            ".",
            "..",
            "%2e",
            "%2F",
            "(",
            ")",
            "[",
            "]",
            "'",
            ",",
            "\t",
            "\n",
            " ",
            "\u{202E}",
            "\u{200D}",
            "😀",
            "👨\u{200D}👩",
            "новости",
            "сло\u{301}во",
        ]),
        "[a-zA-Z0-9_~-]{1,6}",
        any::<char>().prop_map(String::from),
    ];
    let tail = prop::collection::vec(tail_piece, 0..6).prop_map(|pieces| pieces.concat());
    (junk.clone(), start, user, host, port, tail, junk).prop_map(
        |(lead, start, user, host, port, tail, trail)| {
            format!("{lead}{start}{user}{host}{port}{tail}{trail}")
        },
    )
}

/// Arbitrary text, or text built to look like URLs: both kinds of input.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), url_like()]
}

/// How a browser resolves `href` on [`PAGE`]; `None` if it cannot.
fn resolve(href: &str) -> Option<Url> {
    page().join(href).ok()
}

proptest! {
    /// Whatever `safe_href` accepts goes where it says: a path stays on this
    /// site, a web URL goes to the host the policy read (never to a host
    /// hidden behind a user name or a backslash), and nothing runs script.
    #[test]
    fn an_accepted_href_goes_where_the_policy_says(text in any_text()) {
        let Some(target) = safe_href(&text) else { return Ok(()) };
        prop_assert!(!target.chars().any(is_invisible), "{target:?}");
        // A browser may still fail to read it (an IDNA-invalid name): a dead link, not a risk.
        let Some(url) = resolve(target) else { return Ok(()) };
        prop_assert!(
            matches!(url.scheme(), "http" | "https" | "mailto"),
            "{text:?} resolves to {url}"
        );
        prop_assert_eq!(url.username(), "");
        prop_assert_eq!(url.password(), None);
        if target.starts_with('/') {
            prop_assert_eq!(url.origin(), page().origin(), "{:?} left the site", text);
        } else if let Ok(read) = http_url(target) {
            let host_alone = Url::parse(&format!("http://{}/", read.host));
            if let Ok(host_alone) = host_alone {
                prop_assert_eq!(url.host_str(), host_alone.host_str(), "{:?}", text);
            }
            prop_assert_eq!(url.scheme() == "https", read.secure);
        } else {
            prop_assert_eq!(url.scheme(), "mailto");
        }
    }

    /// Whatever a browser would run as script or read from another scheme is refused.
    #[test]
    fn scripts_and_other_schemes_are_refused(text in any_text()) {
        if let Some(url) = resolve(&text)
            && !matches!(url.scheme(), "http" | "https" | "mailto")
        {
            prop_assert_eq!(safe_href(&text), None, "{:?} resolves to {}", text, url);
        }
    }

    /// A picture source is a web URL or a path on this site, never mail, and
    /// always also a safe link.
    #[test]
    fn a_safe_src_is_a_safe_href_and_not_mail(text in any_text()) {
        if let Some(src) = safe_src(&text) {
            prop_assert_eq!(safe_href(&text), Some(src));
            if let Some(url) = resolve(src) {
                prop_assert!(matches!(url.scheme(), "http" | "https"), "{url}");
            }
        }
    }

    /// The origin the policy reports is the one the URL standard gives, for
    /// ASCII names and IPv4 addresses, which is where callers use it (a CSP,
    /// a CORS origin). IPv6 addresses are kept as written.
    #[test]
    fn the_origin_is_the_standards(text in any_text()) {
        let Ok(read) = http_url(&text) else { return Ok(()) };
        if !read.host.is_ascii() || read.host.starts_with('[') {
            return Ok(());
        }
        if let Ok(url) = Url::parse(&text)
            && let Origin::Tuple(..) = url.origin()
        {
            prop_assert_eq!(read.origin(), url.origin().ascii_serialization(), "{:?}", text);
        }
    }

    /// The linkifier never panics, loses nothing and invents nothing: the
    /// pieces put together are the text; every link is an acceptable URL and
    /// holds nothing invisible; text pieces are never empty or side by side.
    #[test]
    fn linkify_splits_without_losing_a_character(text in any_text()) {
        let pieces = linkify(&text);
        let joined: String = pieces
            .iter()
            .map(|piece| match piece {
                Piece::Text(t) | Piece::Link(t) => *t,
            })
            .collect();
        prop_assert_eq!(&joined, &text);
        for pair in pieces.windows(2) {
            prop_assert!(
                !matches!(pair, [Piece::Text(_), Piece::Text(_)]),
                "{pieces:?}"
            );
        }
        for piece in &pieces {
            match piece {
                Piece::Text(t) => prop_assert!(!t.is_empty()),
                Piece::Link(link) => {
                    prop_assert!(http_url(link).is_ok(), "{link:?}");
                    prop_assert_eq!(safe_href(link), Some(*link));
                    prop_assert!(!link.chars().any(is_invisible), "{link:?}");
                }
            }
        }
    }

    /// An address written between words, in any script, comes out as exactly
    /// that link, whatever stands around it.
    #[test]
    fn an_address_between_words_is_found_whole(
        before in "[\\PC&&[^hH]]{0,12}",
        scheme in "(http|https|HTTP|HTTPS|Http|hTtPs)://",
        host in "[a-zа-яіїєґ0-9]{1,10}(\\.[a-zа-яіїєґ]{2,6}){1,2}",
        path in "(/[a-zA-Zа-яА-Я0-9_~%-]{0,8}){0,3}",
        after in "([ \\n»][\\PC]{0,12})|([.,!?)]( [\\PC]{0,12})?)",
    ) {
        let url = format!("{scheme}{host}{path}");
        let text = format!("{before} {url}{after}");
        let links: Vec<&str> = linkify(&text)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Link(l) => Some(l),
                Piece::Text(_) => None,
            })
            .collect();
        prop_assert_eq!(links.first().copied(), Some(url.as_str()), "{:?}", text);
    }

    /// An API base from `config.json` is a clean path on this origin or an
    /// absolute URL whose origin (the one the CSP allows) is the standard's.
    #[test]
    fn an_accepted_api_base_names_its_real_origin(text in any_text()) {
        let Ok(base) = check_api_base(&text) else { return Ok(()) };
        prop_assert!(!base.url.contains(['?', '#']) && !base.url.chars().any(is_invisible));
        prop_assert!(!base.url.ends_with('/') || base.url.is_empty(), "{:?}", base.url);
        match &base.origin {
            None => {
                let url = resolve(&text).expect("a path resolves");
                prop_assert_eq!(url.origin(), page().origin(), "{:?}", text);
            }
            Some(origin) => {
                prop_assert!(origin.is_ascii());
                if let Ok(url) = Url::parse(&text)
                    && !origin.contains('[')
                {
                    prop_assert_eq!(origin, &url.origin().ascii_serialization());
                }
            }
        }
    }
}

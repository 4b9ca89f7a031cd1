//! The app's own addresses and the share links, built the same way by the
//! app (for its links and client-side navigation) and by the server (for the
//! HTML it paints), so both always point at the same place.

/// `text` as `encodeURIComponent` writes it: letters, digits and `-_.!~*'()`
/// stay, every other byte of its UTF-8 becomes `%XX`.
pub fn encode_component(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            for nibble in [byte >> 4, byte & 0x0f] {
                out.push(HEX.get(usize::from(nibble)).map_or('0', |&h| char::from(h)));
            }
        }
    }
    out
}

/// The moderation desk's address (its own page, `moderation/index.html` in a build).
pub const DESK: &str = "/moderation/";

/// `/news/{slug}`: an article's page.
pub fn article_path(slug: &str) -> String {
    format!("/news/{}", encode_component(slug))
}

/// `/tags/{slug}`: the news of a tag.
pub fn tag_path(slug: &str) -> String {
    format!("/tags/{}", encode_component(slug))
}

/// Where a share link goes, built from the article's address and title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareTarget {
    /// Telegram's share page.
    Telegram,
    /// Viber's forward intent (opens the app).
    Viber,
    /// Facebook's sharer.
    Facebook,
    /// X (Twitter) post intent.
    X,
}

impl ShareTarget {
    /// All targets in the order they are shown.
    pub const ALL: [ShareTarget; 4] = [Self::Telegram, Self::Viber, Self::Facebook, Self::X];

    /// The name shown on the link.
    pub fn name(self) -> &'static str {
        match self {
            Self::Telegram => "Telegram",
            Self::Viber => "Viber",
            Self::Facebook => "Facebook",
            Self::X => "X",
        }
    }

    /// The class of its link, `share-link share-{name}`.
    pub fn class(self) -> &'static str {
        match self {
            Self::Telegram => "share-link share-telegram",
            Self::Viber => "share-link share-viber",
            Self::Facebook => "share-link share-facebook",
            Self::X => "share-link share-x",
        }
    }

    /// The share address for an article at `url` titled `title`.
    pub fn href(self, url: &str, title: &str) -> String {
        let (u, t) = (encode_component(url), encode_component(title));
        match self {
            Self::Telegram => format!("https://t.me/share/url?url={u}&text={t}"),
            Self::Viber => format!(
                "viber://forward?text={}",
                encode_component(&format!("{title} {url}"))
            ),
            Self::Facebook => format!("https://www.facebook.com/sharer/sharer.php?u={u}"),
            Self::X => format!("https://x.com/intent/post?url={u}&text={t}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_are_encoded_as_browsers_do() {
        assert_eq!(encode_component("a b&c/d?"), "a%20b%26c%2Fd%3F");
        assert_eq!(encode_component("-_.!~*'()"), "-_.!~*'()");
        assert_eq!(
            encode_component("новости"),
            "%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8"
        );
        assert_eq!(article_path("a b"), "/news/a%20b");
        assert_eq!(
            tag_path("економіка"),
            "/tags/%D0%B5%D0%BA%D0%BE%D0%BD%D0%BE%D0%BC%D1%96%D0%BA%D0%B0"
        );
    }
}

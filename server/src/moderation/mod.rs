//! Who may moderate, and the record of what they did.
//!
//! Each moderator has a token of their own, made by `vestnik-server moderator
//! add NAME`, printed once and stored only as its SHA-256: a copy of the
//! database does not let anyone moderate. The shared `--moderator-token` of
//! earlier versions still works and acts as the moderator "shared token".
//! Every action goes into the moderation log with who did it.

pub mod actions;
pub mod bans;
pub mod cli;
pub mod desk;
pub mod policy;
pub mod queue;
pub mod settings;
pub mod store;
pub mod ticket;
pub mod words;

use sha2::{Digest, Sha256};

/// The name the shared `--moderator-token` acts under in the log.
pub const SHARED_TOKEN_NAME: &str = "shared token";

/// Bytes of randomness in a new token (64 hex characters).
const TOKEN_BYTES: usize = 32;

/// Who is acting: a moderator from the database, or the shared token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moderator {
    /// The `moderators` row; `None` for the shared token.
    pub id: Option<i64>,
    /// The name shown in the log.
    pub name: String,
}

impl Moderator {
    /// The shared `--moderator-token`.
    pub fn shared_token() -> Self {
        Self {
            id: None,
            name: SHARED_TOKEN_NAME.to_owned(),
        }
    }
}

/// What a moderator did; the log's `action` column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Published a comment that waited, was reported, or was taken down.
    Approve,
    /// Refused a comment, with a reason its author is shown.
    Reject,
    /// Removed a comment and its replies.
    Remove,
    /// Picked a comment for "Выбор редакции".
    Feature,
    /// Unpicked it.
    Unfeature,
    /// Banned a reader or a network.
    Ban,
    /// Lifted a ban.
    Unban,
    /// Put a word on a list.
    WordAdd,
    /// Took a word off a list.
    WordRemove,
    /// Changed an article's mode, or closed or opened it.
    ArticleSettings,
}

impl Action {
    /// The stored and shown word.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Approve => "approve",
            Self::Reject => "reject",
            Self::Remove => "remove",
            Self::Feature => "feature",
            Self::Unfeature => "unfeature",
            Self::Ban => "ban",
            Self::Unban => "unban",
            Self::WordAdd => "word_add",
            Self::WordRemove => "word_remove",
            Self::ArticleSettings => "article_settings",
        }
    }
}

/// A new token: 32 bytes from the operating system's generator, as hex.
pub fn new_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0_u8; TOKEN_BYTES];
    getrandom::fill(&mut bytes)?;
    Ok(hex(&bytes))
}

/// What is stored of a token: its SHA-256, as hex. Tokens are random and
/// long, so a fast hash is enough (nothing to guess from a leaked hash).
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Accepts a moderator's name: 1 to 64 characters, visible, trimmed.
pub fn check_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    let length = name.chars().count();
    if length == 0 || length > 64 {
        return Err(format!(
            "a moderator's name has 1 to 64 characters; {name:?} has {length}"
        ));
    }
    if name.chars().any(char::is_control) {
        return Err("a moderator's name cannot hold control characters".to_owned());
    }
    Ok(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_stored_only_as_their_hash() {
        let (a, b) = (new_token().unwrap(), new_token().unwrap());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_eq!(token_hash(&a), token_hash(&a));
        assert_ne!(token_hash(&a), a);
        assert_eq!(
            token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn names_are_trimmed_visible_and_short() {
        assert_eq!(check_name("  Оксана ").unwrap(), "Оксана");
        assert!(check_name("   ").is_err());
        assert!(check_name(&"я".repeat(65)).is_err());
        assert!(check_name("a\u{7}b").is_err());
    }
}

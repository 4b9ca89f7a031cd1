//! What a posted comment must look like, and how its text is cleaned before
//! it is stored. The text stays plain text: no HTML is parsed or escaped here,
//! clients escape it when they show it.

use crate::error::{Refused, ServerError};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use vestnik_api::proof_of_work::hex;
use vestnik_api::{AUTHOR_MAX_CHARS, COMMENT_MAX_CHARS, NewComment, Proof, Refusal, is_reader_key};

/// A posted comment that passed validation, cleaned and ready to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidComment {
    /// The author's name, trimmed, on one line.
    pub author: String,
    /// The text: `\n` line breaks, no other control characters, trimmed.
    pub text: String,
    /// The top-level comment this replies to (checked against the database later).
    pub parent_id: Option<i64>,
    /// The client's id for this comment.
    pub client_id: String,
    /// Who wrote it, as far as the server can tell: the reader id of the key
    /// the client keeps ([`reader_id`]), if it sent one.
    pub reader_id: Option<String>,
    /// The solved challenge, if the client sent one.
    pub proof: Option<Proof>,
}

/// The reader id of a reader key: the first 16 bytes of its SHA-256, as hex.
/// Stored and shown instead of the key, which would let anyone post as them.
pub fn reader_id(key: &str) -> String {
    let digest = Sha256::digest(key.as_bytes());
    hex(digest.get(..16).unwrap_or(&digest))
}

/// Cleans `input` and checks every field; a 422 names each field that fails.
/// A filled honeypot (`website`) is refused as a bot before anything else.
pub fn validate(input: NewComment) -> Result<ValidComment, ServerError> {
    if input.website.as_deref().is_some_and(|w| !w.is_empty()) {
        return Err(Refused::new(
            Refusal::SpamCheck,
            "the comment was not accepted: the field `website` must stay empty (it is not shown to people)",
        )
        .field("website")
        .into());
    }
    let author = clean_author(&input.author);
    let text = clean_text(&input.text);
    let mut fields = BTreeMap::new();
    if author.is_empty() {
        fields.insert("author".to_owned(), "the name is required".to_owned());
    } else if author.chars().count() > AUTHOR_MAX_CHARS {
        fields.insert(
            "author".to_owned(),
            format!("the name is longer than {AUTHOR_MAX_CHARS} characters"),
        );
    }
    if text.is_empty() {
        fields.insert("text".to_owned(), "the text is required".to_owned());
    } else if text.chars().count() > COMMENT_MAX_CHARS {
        fields.insert(
            "text".to_owned(),
            format!("the text is longer than {COMMENT_MAX_CHARS} characters"),
        );
    }
    if !is_client_id(&input.client_id) {
        fields.insert(
            "client_id".to_owned(),
            "must be 8 to 64 characters of A-Z, a-z, 0-9 and -".to_owned(),
        );
    }
    if input
        .reader_key
        .as_deref()
        .is_some_and(|key| !is_reader_key(key))
    {
        fields.insert(
            "reader_key".to_owned(),
            "must be 32 lowercase hexadecimal digits".to_owned(),
        );
    }
    if input.parent_id.is_some_and(|id| id <= 0) {
        fields.insert(
            "parent_id".to_owned(),
            "no such comment to reply to".to_owned(),
        );
    }
    if !fields.is_empty() {
        let names: Vec<&str> = fields.keys().map(String::as_str).collect();
        return Err(ServerError::Invalid {
            message: format!("the comment was not accepted: check {}", names.join(", ")),
            fields,
        });
    }
    Ok(ValidComment {
        author,
        text,
        parent_id: input.parent_id,
        client_id: input.client_id,
        reader_id: input.reader_key.as_deref().map(reader_id),
        proof: input.proof,
    })
}

/// The text as stored: CR LF and lone CR become LF; control characters other
/// than LF and tab go (they are invisible or break terminals and logs);
/// surrounding whitespace goes. Bidi controls are format characters, not
/// control characters, so they stay: clients isolate them when they display.
pub fn clean_text(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = unified
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect();
    kept.trim().to_owned()
}

/// The author's name as stored: one line, every control character a space, trimmed.
pub fn clean_author(author: &str) -> String {
    let line: String = author
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    line.trim().to_owned()
}

/// 8 to 64 of `[A-Za-z0-9-]`: stored as given and compared exactly.
pub fn is_client_id(id: &str) -> bool {
    (8..=64).contains(&id.len()) && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(author: &str, text: &str) -> Result<ValidComment, ServerError> {
        validate(NewComment {
            author: author.to_owned(),
            text: text.to_owned(),
            client_id: "client-0001".to_owned(),
            ..NewComment::default()
        })
    }

    #[test]
    fn text_is_cleaned_but_stays_plain() {
        assert_eq!(clean_text("  a\r\nb\rc\u{0}\u{7}\td  \n"), "a\nb\nc\td");
        assert_eq!(clean_text("<b>\u{202e}x</b>"), "<b>\u{202e}x</b>");
        assert_eq!(clean_author(" Имя\nФамилия\t"), "Имя Фамилия");
    }

    #[test]
    fn lengths_count_characters_not_bytes() {
        assert!(post("Я", &"ж".repeat(COMMENT_MAX_CHARS)).is_ok());
        assert!(post("Я", &"ж".repeat(COMMENT_MAX_CHARS + 1)).is_err());
        assert!(post(&"я".repeat(AUTHOR_MAX_CHARS), "x").is_ok());
        assert!(post(&"я".repeat(AUTHOR_MAX_CHARS + 1), "x").is_err());
    }

    #[test]
    fn every_failing_field_is_named() {
        let Err(ServerError::Invalid { fields, .. }) = validate(NewComment {
            author: " \u{3000} ".to_owned(),
            text: "\n\t \u{85}".to_owned(),
            parent_id: Some(0),
            client_id: "short".to_owned(),
            reader_key: Some("not-a-key".to_owned()),
            ..NewComment::default()
        }) else {
            panic!("expected a 422");
        };
        let names: Vec<&str> = fields.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            ["author", "client_id", "parent_id", "reader_key", "text"]
        );
    }

    #[test]
    fn a_filled_honeypot_is_refused_before_anything_else() {
        let refused = validate(NewComment {
            website: Some("http://spam.example".to_owned()),
            ..NewComment::default()
        });
        assert!(
            matches!(&refused, Err(ServerError::Refused(r)) if r.reason == Refusal::SpamCheck),
            "{refused:?}"
        );
        let empty = validate(NewComment {
            author: "Оля".to_owned(),
            text: "Привет".to_owned(),
            client_id: "client-0001".to_owned(),
            website: Some(String::new()),
            ..NewComment::default()
        });
        assert!(empty.is_ok());
    }

    #[test]
    fn the_reader_key_is_kept_only_as_its_reader_id() {
        let key = "0123456789abcdef0123456789abcdef";
        let valid = validate(NewComment {
            author: "Оля".to_owned(),
            text: "Привет".to_owned(),
            client_id: "client-0001".to_owned(),
            reader_key: Some(key.to_owned()),
            ..NewComment::default()
        })
        .unwrap();
        let id = valid.reader_id.unwrap();
        assert_eq!(id.len(), 32);
        assert_ne!(id, key);
        assert_eq!(id, reader_id(key));
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any posted text is cleaned to what the app can show: only `\n` and
        /// tab among control characters, no surrounding whitespace, and
        /// cleaning again changes nothing.
        #[test]
        fn cleaning_any_text_is_final(text in any::<String>()) {
            let clean = clean_text(&text);
            prop_assert!(!clean.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
            prop_assert_eq!(clean.trim(), clean.as_str());
            prop_assert_eq!(clean_text(&clean), clean.clone());
            let author = clean_author(&text);
            prop_assert!(!author.chars().any(char::is_control));
            prop_assert_eq!(clean_author(&author), author);
        }

        /// Validation answers for any input, and what it accepts is within
        /// the limits the app shows, counted in characters.
        #[test]
        fn validation_never_panics_and_keeps_the_limits(
            author in any::<String>(),
            text in prop_oneof![any::<String>(), "\\PC{1990,2010}"],
            parent_id in any::<Option<i64>>(),
            client_id in prop_oneof![any::<String>(), "[A-Za-z0-9-]{8,64}"],
        ) {
            if let Ok(valid) = validate(NewComment { author, text, parent_id, client_id, ..NewComment::default() }) {
                prop_assert!((1..=AUTHOR_MAX_CHARS).contains(&valid.author.chars().count()));
                prop_assert!((1..=COMMENT_MAX_CHARS).contains(&valid.text.chars().count()));
            }
        }
    }
}

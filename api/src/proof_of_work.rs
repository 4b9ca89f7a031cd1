//! The proof of work a comment carries instead of a captcha, after the ALTCHA
//! scheme: the server picks a secret number `n` up to `maxnumber`, sends
//! `challenge = hex(SHA-256(salt + n))` signed with its own key, and the
//! browser finds `n` by trying every number from 0. A reader's browser does
//! that in the background while they type; a script that posts thousands of
//! comments has to pay for each.

use serde::{Deserialize, Serialize};

/// The one hash the challenges use (Web Crypto's name for it).
pub const ALGORITHM: &str = "SHA-256";

/// `GET /api/comments/challenge`: a puzzle to solve before posting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Challenge {
    /// Always [`ALGORITHM`].
    pub algorithm: String,
    /// Lowercase hex SHA-256 of `salt` followed by the secret number in decimal.
    pub challenge: String,
    /// Random, with the challenge's expiry in it (`…?expires=UNIX_SECONDS`).
    pub salt: String,
    /// The secret number is at most this: the expected work is half of it.
    pub maxnumber: u64,
    /// The server's signature of `challenge`; sent back unchanged.
    pub signature: String,
}

/// The solved challenge, sent in [`crate::NewComment::proof`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proof {
    /// The challenge's `challenge`.
    pub challenge: String,
    /// The challenge's `salt`.
    pub salt: String,
    /// The number found.
    pub number: u64,
    /// The challenge's `signature`.
    pub signature: String,
}

impl Proof {
    /// The answer to `challenge` once `number` is found.
    pub fn solved(challenge: &Challenge, number: u64) -> Self {
        Self {
            challenge: challenge.challenge.clone(),
            salt: challenge.salt.clone(),
            number,
            signature: challenge.signature.clone(),
        }
    }
}

/// What is hashed for a candidate number: the salt, then the number in decimal.
pub fn hashed_input(salt: &str, number: u64) -> String {
    format!("{salt}{number}")
}

/// Lowercase hex of `bytes` (how digests and signatures travel).
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        for nibble in [byte >> 4, byte & 0x0f] {
            if let Some(&digit) = DIGITS.get(usize::from(nibble)) {
                text.push(char::from(digit));
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_and_digests_are_written_the_same_way_everywhere() {
        assert_eq!(hashed_input("ab?expires=1", 42), "ab?expires=142");
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
    }
}

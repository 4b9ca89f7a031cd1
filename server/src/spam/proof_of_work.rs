//! Issuing and checking proof-of-work challenges (the ALTCHA scheme, see
//! `vestnik_api::proof_of_work`). Each challenge expires after
//! [`LIFETIME_SECONDS`] and opens one comment: the database remembers the
//! spent ones until they expire.

use super::secret;
use sha2::{Digest, Sha256};
use vestnik_api::proof_of_work::{ALGORITHM, hashed_input, hex};
use vestnik_api::{Challenge, Proof};

/// The secret number's ceiling for a reader who does not post fast: half of
/// it is the expected number of hashes, about half a second of Web Crypto in
/// a phone's browser (docs/benchmarks.md has the measured figure).
pub const DEFAULT_BASE: u64 = 50_000;

/// How long a challenge can be used, in seconds.
pub const LIFETIME_SECONDS: i64 = 600;

/// The window in which posts make the next challenge dearer, in milliseconds.
pub const RECENT_WINDOW_MS: i64 = 10 * 60 * 1000;

/// Posts in the window that cost nothing extra.
pub const FREE_POSTS: u64 = 2;

/// The most the ceiling doubles: 64 times the base.
pub const MAX_DOUBLINGS: u64 = 6;

/// The ceiling for a reader (or network) that posted `recent` comments in
/// the last [`RECENT_WINDOW_MS`]: the base, doubled for each post beyond
/// [`FREE_POSTS`], at most [`MAX_DOUBLINGS`] times.
pub fn maxnumber(base: u64, recent: u64) -> u64 {
    let doublings = recent.saturating_sub(FREE_POSTS).min(MAX_DOUBLINGS);
    base.saturating_mul(1 << doublings)
}

/// A new challenge signed with `key`, valid until `now_seconds` + [`LIFETIME_SECONDS`].
/// `random` gives the salt's bytes and the secret number's (uniform below `maxnumber` + 1).
pub fn issue(key: &[u8], maxnumber: u64, now_seconds: i64, random: ([u8; 12], u64)) -> Challenge {
    let (salt_bytes, pick) = random;
    let salt = format!(
        "{}?expires={}",
        hex(&salt_bytes),
        now_seconds.saturating_add(LIFETIME_SECONDS)
    );
    let number = pick % maxnumber.saturating_add(1);
    let challenge = digest(&hashed_input(&salt, number));
    Challenge {
        algorithm: ALGORITHM.to_owned(),
        signature: secret::sign(key, challenge.as_bytes()),
        challenge,
        salt,
        maxnumber,
    }
}

/// Why a proof was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProofProblem {
    /// The post has no proof, and the server asks for one.
    Missing,
    /// Its salt is not one this server writes.
    Malformed,
    /// Its signature is not this server's.
    Forged,
    /// The number does not solve the challenge.
    Wrong,
    /// The challenge is too old.
    Expired,
    /// The challenge opened a comment already.
    Used,
}

impl ProofProblem {
    /// The word sent as the refusal's `detail`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Missing => "missing",
            Self::Malformed => "malformed",
            Self::Forged => "forged",
            Self::Wrong => "wrong",
            Self::Expired => "expired",
            Self::Used => "used",
        }
    }
}

/// Checks `proof` against `key` at `now_seconds`; answers when the
/// challenge expires (how long it must be remembered as spent).
pub fn verify(key: &[u8], proof: &Proof, now_seconds: i64) -> Result<i64, ProofProblem> {
    let expires = proof
        .salt
        .rsplit_once("?expires=")
        .and_then(|(_, when)| when.parse::<i64>().ok())
        .ok_or(ProofProblem::Malformed)?;
    if !secret::verify(key, proof.challenge.as_bytes(), &proof.signature) {
        return Err(ProofProblem::Forged);
    }
    // The salt is inside the signed challenge: a forged expiry breaks the hash.
    if digest(&hashed_input(&proof.salt, proof.number)) != proof.challenge {
        return Err(ProofProblem::Wrong);
    }
    if now_seconds >= expires {
        return Err(ProofProblem::Expired);
    }
    Ok(expires)
}

fn digest(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"test key of the proof of work";

    fn solve(challenge: &Challenge) -> Proof {
        let number = (0..=challenge.maxnumber)
            .find(|n| digest(&hashed_input(&challenge.salt, *n)) == challenge.challenge)
            .expect("a challenge has a solution");
        Proof::solved(challenge, number)
    }

    #[test]
    fn a_solved_challenge_is_accepted_until_it_expires() {
        let challenge = issue(KEY, 1000, 1_000_000, ([7; 12], 4242));
        let proof = solve(&challenge);
        assert_eq!(proof.number, 4242 % 1001);
        assert_eq!(
            verify(KEY, &proof, 1_000_000),
            Ok(1_000_000 + LIFETIME_SECONDS)
        );
        assert_eq!(
            verify(KEY, &proof, 1_000_000 + LIFETIME_SECONDS),
            Err(ProofProblem::Expired)
        );
    }

    #[test]
    fn forged_wrong_and_malformed_proofs_are_refused() {
        let challenge = issue(KEY, 100, 0, ([1; 12], 77));
        let good = solve(&challenge);
        let wrong = Proof {
            number: good.number + 1,
            ..good.clone()
        };
        assert_eq!(verify(KEY, &wrong, 0), Err(ProofProblem::Wrong));
        assert_eq!(verify(b"another key", &good, 0), Err(ProofProblem::Forged));
        // A later expiry written into the salt no longer matches the signed challenge.
        let longer = Proof {
            salt: good.salt.replace("?expires=600", "?expires=999999"),
            ..good.clone()
        };
        assert_eq!(verify(KEY, &longer, 0), Err(ProofProblem::Wrong));
        let odd = Proof {
            salt: "no expiry".into(),
            ..good
        };
        assert_eq!(verify(KEY, &odd, 0), Err(ProofProblem::Malformed));
    }

    #[test]
    fn posting_fast_makes_the_work_dearer_up_to_a_ceiling() {
        assert_eq!(maxnumber(50_000, 0), 50_000);
        assert_eq!(maxnumber(50_000, FREE_POSTS), 50_000);
        assert_eq!(maxnumber(50_000, FREE_POSTS + 1), 100_000);
        assert_eq!(maxnumber(50_000, 1000), 50_000 << MAX_DOUBLINGS);
        assert_eq!(maxnumber(u64::MAX, 1000), u64::MAX);
    }
}

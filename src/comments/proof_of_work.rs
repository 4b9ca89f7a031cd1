//! Solving the server's proof-of-work challenge (`vestnik_api::proof_of_work`)
//! while the reader types, so that sending never waits for it: the composer
//! asks for one as soon as it is used, and a post takes it when it goes out.
//!
//! What to hash and when a digest matches is plain Rust, tested natively;
//! the hashing itself is the browser's (`digest`), in batches of
//! [`BATCH`] candidates awaited together, so the page stays responsive.

use vestnik_api::proof_of_work::hashed_input;
use vestnik_api::{Challenge, Proof};

/// Candidates hashed at once.
pub const BATCH: u64 = 500;

/// The 32 bytes a lowercase hex SHA-256 stands for; `None` for anything else.
pub fn target(challenge_hex: &str) -> Option<[u8; 32]> {
    let mut bytes = [0_u8; 32];
    let mut digits = challenge_hex.chars();
    for byte in &mut bytes {
        let high = digits.next()?.to_digit(16)?;
        let low = digits.next()?.to_digit(16)?;
        *byte = u8::try_from(high * 16 + low).ok()?;
    }
    digits.next().is_none().then_some(bytes)
}

/// The inputs to hash for the numbers `from..from + count`, capped at `max`.
pub fn candidates(salt: &str, from: u64, count: u64, max: u64) -> Vec<Vec<u8>> {
    if from > max || count == 0 {
        return Vec::new();
    }
    let last = from.saturating_add(count - 1).min(max);
    (from..=last)
        .map(|n| hashed_input(salt, n).into_bytes())
        .collect()
}

/// Where a search for a challenge's number stands: which candidates to hash
/// next, and which of their digests is the one.
pub struct Search<'a> {
    challenge: &'a Challenge,
    wanted: [u8; 32],
    next: u64,
}

impl<'a> Search<'a> {
    /// A search from 0; `None` for a challenge this client cannot read.
    pub fn new(challenge: &'a Challenge) -> Option<Self> {
        Some(Self {
            wanted: target(&challenge.challenge)?,
            challenge,
            next: 0,
        })
    }

    /// The next [`BATCH`] inputs to hash; `None` once every number was tried.
    pub fn next_batch(&mut self) -> Option<Vec<Vec<u8>>> {
        let batch = candidates(
            &self.challenge.salt,
            self.next,
            BATCH,
            self.challenge.maxnumber,
        );
        if batch.is_empty() {
            return None;
        }
        self.next = self.next.saturating_add(BATCH);
        Some(batch)
    }

    /// The proof, if one of `digests` (of the last batch, in order) matches.
    pub fn found(&self, digests: &[Vec<u8>]) -> Option<Proof> {
        let at = digests.iter().position(|d| d.as_slice() == self.wanted)?;
        let first = self.next.saturating_sub(BATCH);
        Some(Proof::solved(self.challenge, first + at as u64))
    }
}

mod browser {
    use super::Search;
    use crate::api::{ApiError, get_json};
    use crate::comments::digest::sha256_all;
    use std::cell::RefCell;
    use std::future::Future;
    use std::pin::Pin;
    use std::rc::Rc;
    use std::task::{Context, Poll, Waker};
    use vestnik_api::{Challenge, Proof};

    /// Finds the secret number of `challenge`; `None` when Web Crypto is
    /// missing or the challenge is not one this client can read.
    pub async fn solve(challenge: &Challenge) -> Option<Proof> {
        let mut search = Search::new(challenge)?;
        loop {
            let batch = search.next_batch()?;
            let digests = sha256_all(&batch).await?;
            if let Some(proof) = search.found(&digests) {
                return Some(proof);
            }
        }
    }

    /// Asks the server for a challenge, priced for `reader` (a reader id).
    pub async fn fetch_challenge(reader: Option<&str>) -> Result<Challenge, ApiError> {
        let query = reader.map(|r| format!("?reader={r}")).unwrap_or_default();
        get_json(&format!("/comments/challenge{query}")).await
    }

    /// A fresh challenge for `reader`, solved.
    async fn fresh(reader: Option<String>) -> Option<Proof> {
        let challenge = fetch_challenge(reader.as_deref()).await.ok()?;
        solve(&challenge).await
    }

    /// One proof solved ahead of the next post, while the reader types.
    #[derive(Clone, Default)]
    pub struct Prover {
        slot: Rc<RefCell<Slot>>,
    }

    #[derive(Default)]
    struct Slot {
        ready: Option<Proof>,
        solving: bool,
        /// Posts waiting for the proof being solved.
        waiting: Vec<Waker>,
    }

    /// Completes when the proof being solved ahead is done (with it, or
    /// `None` if it could not be had).
    struct Solved(Rc<RefCell<Slot>>);

    impl Future for Solved {
        type Output = Option<Proof>;

        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
            let mut slot = self.0.borrow_mut();
            if slot.solving {
                slot.waiting.push(cx.waker().clone());
                Poll::Pending
            } else {
                Poll::Ready(slot.ready.take())
            }
        }
    }

    impl Prover {
        /// Starts solving one for `reader`, unless one is ready or on its way.
        pub fn prepare(&self, reader: Option<String>) {
            {
                let mut slot = self.slot.borrow_mut();
                if slot.solving || slot.ready.is_some() {
                    return;
                }
                slot.solving = true;
            }
            let slot = self.slot.clone();
            leptos::task::spawn_local(async move {
                let proof = fresh(reader).await;
                let waiting = {
                    let mut slot = slot.borrow_mut();
                    slot.solving = false;
                    slot.ready = proof;
                    std::mem::take(&mut slot.waiting)
                };
                waiting.into_iter().for_each(Waker::wake);
            });
        }

        /// The proof solved ahead (waiting for it while it is being solved),
        /// or a fresh one; each proof goes to one post.
        pub async fn take(&self, reader: Option<String>) -> Option<Proof> {
            if let Some(proof) = Solved(self.slot.clone()).await {
                return Some(proof);
            }
            fresh(reader).await
        }
    }
}

pub use browser::{Prover, fetch_challenge, solve};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn candidates_stop_at_the_ceiling_and_read_as_the_server_hashes() {
        let inputs = candidates("s?expires=1", 998, 500, 1000);
        assert_eq!(inputs.len(), 3);
        assert_eq!(
            inputs.first().map(Vec::as_slice),
            Some(&b"s?expires=1998"[..])
        );
        assert_eq!(
            inputs.last().map(Vec::as_slice),
            Some(&b"s?expires=11000"[..])
        );
        assert!(candidates("s", 1001, 500, 1000).is_empty());
        assert_eq!(candidates("s", u64::MAX, 10, u64::MAX).len(), 1);
    }

    /// The search the browser runs, with a stand-in digest.
    fn solve_with(challenge: &Challenge, digest: impl Fn(&[u8]) -> Vec<u8>) -> Option<Proof> {
        let mut search = Search::new(challenge)?;
        loop {
            let batch = search.next_batch()?;
            let digests: Vec<Vec<u8>> = batch.iter().map(|input| digest(input)).collect();
            if let Some(proof) = search.found(&digests) {
                return Some(proof);
            }
        }
    }

    #[test]
    fn a_challenge_is_found_by_trying_every_number() {
        // A stand-in digest: the first 32 bytes of the input, padded. The
        // browser's SHA-256 does the same job in `solve`.
        let digest = |input: &[u8]| {
            let mut out = input.to_vec();
            out.resize(32, 0);
            out.truncate(32);
            out
        };
        let mut wanted = b"salt777".to_vec();
        wanted.resize(32, 0);
        let challenge = Challenge {
            algorithm: "SHA-256".into(),
            challenge: vestnik_api::proof_of_work::hex(&wanted),
            salt: "salt".into(),
            maxnumber: 1000,
            signature: "sig".into(),
        };
        let proof = solve_with(&challenge, digest);
        assert_eq!(proof.map(|p| p.number), Some(777));
        let out_of_reach = Challenge {
            maxnumber: 700,
            ..challenge
        };
        assert_eq!(solve_with(&out_of_reach, digest), None);
    }

    proptest! {
        /// Any text as a challenge: a target of exactly 64 hex digits, or
        /// nothing, and never a panic.
        #[test]
        fn any_challenge_text_is_a_target_or_nothing(text in any::<String>()) {
            if let Some(bytes) = target(&text) {
                prop_assert_eq!(vestnik_api::proof_of_work::hex(&bytes), text.to_lowercase());
            }
        }

        /// The target of a digest's hex is the digest.
        #[test]
        fn hex_digests_read_back(bytes in any::<[u8; 32]>()) {
            prop_assert_eq!(target(&vestnik_api::proof_of_work::hex(&bytes)), Some(bytes));
        }
    }
}

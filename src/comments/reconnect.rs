//! When the widget opens the article's stream again after the browser gave
//! up on it.
//!
//! The browser retries a dropped stream by itself every 2 s (the server's
//! `retry:`), but only after a network error; when something between the
//! reader and the server answers an error instead (trunk's dev proxy, nginx,
//! a CDN: a 502 while the server restarts), the browser closes the stream for
//! good and the widget must open a new one. Doubling the wait after each such
//! answer, up to 30 s, left readers without 5 to 10 comments for 8 to 40 s
//! after a deploy (issue 17): a restart is short, and a reader should be back
//! a few seconds after the server is. So the wait grows from the browser's
//! own 2 s to at most 5 s, with up to 1 s of jitter so that the readers of a
//! busy article do not all come back in the same instant.

use std::time::Duration;

/// The first wait: the browser's own retry (`retry: 2000` from the server).
const FIRST_MS: f64 = 2_000.0;
/// The longest wait between two attempts.
const LONGEST_MS: f64 = 5_000.0;
/// Each failed attempt makes the next wait this much longer.
const GROWTH: f64 = 1.5;
/// Jitter spread over this much, at most.
const JITTER_MS: f64 = 1_000.0;

/// How long to wait before attempt number `failures + 1`, given a `jitter`
/// in `0.0..1.0` (`Math.random()`); anything else counts as no jitter.
pub fn reopen_delay(failures: u32, jitter: f64) -> Duration {
    let jitter = if (0.0..1.0).contains(&jitter) {
        jitter
    } else {
        0.0
    };
    // powi of a small base stays finite; the cap keeps it short.
    let exponent = i32::try_from(failures.min(16)).unwrap_or(16);
    let base = (FIRST_MS * GROWTH.powi(exponent)).min(LONGEST_MS);
    Duration::from_millis((base + jitter * JITTER_MS) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_reopen_waits_as_long_as_the_browser_would() {
        assert_eq!(reopen_delay(0, 0.0), Duration::from_millis(2_000));
    }

    #[test]
    fn waits_grow_and_stop_at_five_seconds_plus_jitter() {
        let waits: Vec<u128> = (0..8).map(|n| reopen_delay(n, 0.0).as_millis()).collect();
        assert_eq!(
            waits,
            [2_000, 3_000, 4_500, 5_000, 5_000, 5_000, 5_000, 5_000]
        );
        assert_eq!(reopen_delay(u32::MAX, 0.999).as_millis(), 5_999);
    }

    #[test]
    fn odd_jitter_counts_as_none() {
        for odd in [f64::NAN, -1.0, 1.0, f64::INFINITY] {
            assert_eq!(reopen_delay(1, odd), Duration::from_millis(3_000));
        }
    }
}

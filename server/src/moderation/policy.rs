//! Whether a comment that passed every check is published at once or waits
//! for a moderator, and why: plain rules over what the server found out.

use vestnik_api::ModerationMode;
use vestnik_api::moderation::HeldFor;

/// What the server knows of a comment when it decides.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// The article's (or site's) mode.
    pub mode: ModerationMode,
    /// Approved comments of the same commenter (reader id and name); `None`
    /// for a commenter the server cannot recognise (no reader key).
    pub approved_before: Option<u32>,
    /// Approved comments after which a commenter is no longer new.
    pub trusted_after: u32,
    /// Links in the text.
    pub links: usize,
    /// A word of the suspect list the text or name holds.
    pub suspect_word: Option<String>,
    /// Other readers posted the same text a short while ago.
    pub repeated_by_others: bool,
}

/// The decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Everyone sees it now.
    Publish,
    /// It waits for a moderator, for this reason (and what about).
    Hold(HeldFor, Option<String>),
}

/// Decides. What is suspicious about the comment itself comes first, since
/// it tells the moderator most; then the article's mode.
pub fn verdict(facts: &Facts) -> Verdict {
    if let Some(word) = &facts.suspect_word {
        return Verdict::Hold(HeldFor::SuspectWord, Some(word.clone()));
    }
    if facts.repeated_by_others {
        return Verdict::Hold(HeldFor::Repeated, None);
    }
    match facts.mode {
        ModerationMode::Post | ModerationMode::Unknown => Verdict::Publish,
        ModerationMode::Pre => Verdict::Hold(HeldFor::PreModeration, None),
        ModerationMode::New => match facts.approved_before {
            Some(approved) if approved >= facts.trusted_after => Verdict::Publish,
            _ => Verdict::Hold(HeldFor::NewCommenter, None),
        },
        ModerationMode::Links if facts.links > 0 => Verdict::Hold(HeldFor::Links, None),
        ModerationMode::Links => Verdict::Publish,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(mode: ModerationMode) -> Facts {
        Facts {
            mode,
            trusted_after: 2,
            ..Facts::default()
        }
    }

    #[test]
    fn each_mode_holds_what_it_names() {
        assert_eq!(verdict(&facts(ModerationMode::Post)), Verdict::Publish);
        assert_eq!(
            verdict(&facts(ModerationMode::Pre)),
            Verdict::Hold(HeldFor::PreModeration, None)
        );
        let links = Facts {
            links: 1,
            ..facts(ModerationMode::Links)
        };
        assert_eq!(verdict(&links), Verdict::Hold(HeldFor::Links, None));
        assert_eq!(verdict(&facts(ModerationMode::Links)), Verdict::Publish);
    }

    #[test]
    fn a_new_commenter_waits_until_enough_of_their_comments_were_approved() {
        for (approved, held) in [
            (None, true),
            (Some(0), true),
            (Some(1), true),
            (Some(2), false),
        ] {
            let f = Facts {
                approved_before: approved,
                ..facts(ModerationMode::New)
            };
            assert_eq!(verdict(&f) != Verdict::Publish, held, "{approved:?}");
        }
    }

    #[test]
    fn a_suspect_word_or_a_repeated_text_waits_even_under_post_moderation() {
        let suspect = Facts {
            suspect_word: Some("казино".into()),
            ..facts(ModerationMode::Post)
        };
        assert_eq!(
            verdict(&suspect),
            Verdict::Hold(HeldFor::SuspectWord, Some("казино".into()))
        );
        let repeated = Facts {
            repeated_by_others: true,
            ..facts(ModerationMode::Post)
        };
        assert_eq!(verdict(&repeated), Verdict::Hold(HeldFor::Repeated, None));
    }
}

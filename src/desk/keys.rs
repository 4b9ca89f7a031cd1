//! The desk's keyboard shortcuts, as a pure map from a key press to what it
//! means, so the rule "never while typing" is tested natively.

use vestnik_api::moderation::Queue;

/// What a shortcut asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// The next item of the queue (`j`, ↓).
    Next,
    /// The previous item (`k`, ↑).
    Previous,
    /// Approve the selected item (`a`).
    Approve,
    /// Open the rejection's reasons for it (`r`).
    Reject,
    /// Remove it (`d`).
    Remove,
    /// Feature it, or unfeature it (`f`).
    Feature,
    /// Open the ban form for its author (`b`).
    Ban,
    /// Show a queue (`1`–`4`).
    Queue(Queue),
    /// Show the moderation log (`l`).
    Log,
    /// Show or hide the list of shortcuts (`?`).
    Help,
    /// Close the help, or the selected item's open form (Escape).
    Escape,
}

/// A key press as the browser reports it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyPress<'a> {
    /// `KeyboardEvent.key`: `"a"`, `"ArrowDown"`, `"?"`.
    pub key: &'a str,
    /// Ctrl, Meta or Alt was held: the browser's or the system's shortcut, not ours.
    pub modified: bool,
    /// The focus is in a text field, a text area or a select, or in editable content.
    pub typing: bool,
}

/// The shortcut `press` means, if any.
pub fn shortcut(press: KeyPress<'_>) -> Option<Shortcut> {
    if press.modified {
        return None;
    }
    if press.typing {
        // Escape still leaves a form; every other key is the moderator's text.
        return (press.key == "Escape").then_some(Shortcut::Escape);
    }
    Some(match press.key {
        "j" | "J" | "о" | "ArrowDown" => Shortcut::Next,
        "k" | "K" | "л" | "ArrowUp" => Shortcut::Previous,
        "a" | "A" | "ф" => Shortcut::Approve,
        "r" | "R" | "к" => Shortcut::Reject,
        "d" | "D" | "в" => Shortcut::Remove,
        "f" | "F" | "а" => Shortcut::Feature,
        "b" | "B" | "и" => Shortcut::Ban,
        "l" | "L" | "д" => Shortcut::Log,
        "?" | "," => Shortcut::Help,
        "Escape" => Shortcut::Escape,
        "1" => Shortcut::Queue(Queue::Pending),
        "2" => Shortcut::Queue(Queue::Reported),
        "3" => Shortcut::Queue(Queue::Recent),
        "4" => Shortcut::Queue(Queue::Rejected),
        _ => return None,
    })
}

/// The shortcuts the help lists, each with the keys that press it.
pub const LISTED: [(&str, Shortcut); 11] = [
    ("j / ↓", Shortcut::Next),
    ("k / ↑", Shortcut::Previous),
    ("a", Shortcut::Approve),
    ("r", Shortcut::Reject),
    ("d", Shortcut::Remove),
    ("f", Shortcut::Feature),
    ("b", Shortcut::Ban),
    ("1–4", Shortcut::Queue(Queue::Pending)),
    ("l", Shortcut::Log),
    ("?", Shortcut::Help),
    ("Esc", Shortcut::Escape),
];

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn press(key: &str) -> KeyPress<'_> {
        KeyPress {
            key,
            ..KeyPress::default()
        }
    }

    #[test]
    fn the_common_actions_have_one_key_each() {
        assert_eq!(shortcut(press("a")), Some(Shortcut::Approve));
        assert_eq!(shortcut(press("r")), Some(Shortcut::Reject));
        assert_eq!(shortcut(press("d")), Some(Shortcut::Remove));
        assert_eq!(shortcut(press("f")), Some(Shortcut::Feature));
        assert_eq!(shortcut(press("b")), Some(Shortcut::Ban));
        assert_eq!(shortcut(press("ArrowDown")), Some(Shortcut::Next));
        assert_eq!(shortcut(press("k")), Some(Shortcut::Previous));
        assert_eq!(shortcut(press("3")), Some(Shortcut::Queue(Queue::Recent)));
        assert_eq!(shortcut(press("?")), Some(Shortcut::Help));
        assert_eq!(shortcut(press("x")), None);
    }

    #[test]
    fn a_russian_layout_presses_the_same_keys() {
        // ф, к, в, а sit where a, r, d, f are on a ЙЦУКЕН keyboard.
        assert_eq!(shortcut(press("ф")), Some(Shortcut::Approve));
        assert_eq!(shortcut(press("к")), Some(Shortcut::Reject));
        assert_eq!(shortcut(press("о")), Some(Shortcut::Next));
    }

    #[test]
    fn held_modifiers_belong_to_the_browser() {
        let copy = KeyPress {
            key: "a",
            modified: true,
            typing: false,
        };
        assert_eq!(shortcut(copy), None);
    }

    proptest! {
        /// Whatever is typed into a field stays text: only Escape leaves it.
        #[test]
        fn nothing_typed_is_a_shortcut(key in any::<String>(), modified in any::<bool>()) {
            let got = shortcut(KeyPress { key: &key, modified, typing: true });
            prop_assert!(got.is_none() || (got == Some(Shortcut::Escape) && key == "Escape" && !modified));
        }
    }
}

//! Whether a new comment from someone else goes straight into the thread or
//! waits behind the "N новых комментариев" button (decision 17).
//!
//! Plain geometry, so it is tested natively: the component measures where
//! the list is and asks [`away_from_live_edge`].

/// Where the comment list is in the window, in CSS pixels from the window's
/// top (what `getBoundingClientRect` reports), and how tall the window is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ListOnScreen {
    /// The top of the list's first item (the oldest-first start).
    pub top: f64,
    /// The bottom of the list's last item.
    pub bottom: f64,
    /// The window's height.
    pub viewport: f64,
}

/// Which end of the list new comments join.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// Oldest first: new comments join at the bottom.
    #[default]
    OldestFirst,
    /// Newest first: new comments join at the top.
    NewestFirst,
}

/// Whether the reader is reading among the comments with the end where new
/// ones appear out of view: only then do others' comments wait.
///
/// A reader who has not reached the comments, or has scrolled past them (to
/// the news list below), is not reading them, so their comments go in: a
/// reader below the list used to count as "away" and found comments held
/// after a restart (issue 17), because the "reconnecting" line moved the page.
pub fn away_from_live_edge(list: ListOnScreen, order: Order) -> bool {
    let values_are_real =
        list.top.is_finite() && list.bottom.is_finite() && list.viewport.is_finite();
    let among_comments = list.top < list.viewport && list.bottom > 0.0;
    let edge_out_of_view = match order {
        Order::OldestFirst => list.bottom > list.viewport,
        Order::NewestFirst => list.top < 0.0,
    };
    values_are_real && list.viewport > 0.0 && among_comments && edge_out_of_view
}

/// Whether the reader is away from the live edge, as decided at their last
/// scroll rather than at every event: a reader at the edge keeps receiving
/// comments even after the first few have pushed the edge below the window
/// (they did not move away: the list grew), and a burst of events costs one
/// layout, not one each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EdgeDecision {
    away: Option<bool>,
    /// Comments were just put in: the browser's scroll anchoring scrolls the
    /// page when one lands above the window, and that scroll is not the
    /// reader's (without this, after the first reply every later comment
    /// was held).
    settling: bool,
}

impl EdgeDecision {
    /// Whether the reader is away; `measure` (a layout) is asked only for
    /// the first comment after each of the reader's scrolls.
    pub fn away(&mut self, measure: impl FnOnce() -> bool) -> bool {
        *self.away.get_or_insert_with(measure)
    }

    /// The page scrolled: the decision is made again, unless the browser
    /// made the scroll while settling an insertion.
    pub fn scrolled(&mut self) {
        if !self.settling {
            self.away = None;
        }
    }

    /// Makes the decision again at the next comment.
    pub fn forget(&mut self) {
        self.away = None;
    }

    /// Scrolls are the browser's from now until [`EdgeDecision::settled`].
    pub fn settle(&mut self) {
        self.settling = true;
    }

    /// Scrolls are the reader's again.
    pub fn settled(&mut self) {
        self.settling = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(top: f64, bottom: f64) -> ListOnScreen {
        ListOnScreen {
            top,
            bottom,
            viewport: 800.0,
        }
    }

    #[test]
    fn a_reader_above_the_comments_gets_them_at_once() {
        // Still in the article: the list starts below the window.
        assert!(!away_from_live_edge(
            list(1200.0, 5000.0),
            Order::OldestFirst
        ));
        assert!(!away_from_live_edge(
            list(1200.0, 5000.0),
            Order::NewestFirst
        ));
    }

    #[test]
    fn a_reader_below_the_comments_gets_them_at_once() {
        // Scrolled past the comments into the news list.
        assert!(!away_from_live_edge(
            list(-4000.0, -300.0),
            Order::OldestFirst
        ));
        assert!(!away_from_live_edge(
            list(-4000.0, -300.0),
            Order::NewestFirst
        ));
    }

    #[test]
    fn a_reader_up_in_a_long_list_oldest_first_has_them_held() {
        assert!(away_from_live_edge(
            list(-500.0, 3000.0),
            Order::OldestFirst
        ));
        assert!(away_from_live_edge(list(200.0, 3000.0), Order::OldestFirst));
    }

    #[test]
    fn a_reader_who_sees_the_live_end_gets_them_at_once() {
        assert!(!away_from_live_edge(
            list(-2000.0, 600.0),
            Order::OldestFirst
        ));
        assert!(!away_from_live_edge(
            list(100.0, 3000.0),
            Order::NewestFirst
        ));
    }

    #[test]
    fn newest_first_the_live_end_is_the_top() {
        assert!(away_from_live_edge(
            list(-500.0, 3000.0),
            Order::NewestFirst
        ));
        assert!(away_from_live_edge(list(-500.0, 400.0), Order::NewestFirst));
    }

    #[test]
    fn a_window_of_no_height_or_odd_numbers_never_holds() {
        let hidden = ListOnScreen {
            top: -10.0,
            bottom: 10.0,
            viewport: 0.0,
        };
        assert!(!away_from_live_edge(hidden, Order::OldestFirst));
        assert!(!away_from_live_edge(
            list(f64::NAN, 3000.0),
            Order::OldestFirst
        ));
    }

    #[test]
    fn the_edge_is_measured_once_between_two_of_the_readers_scrolls() {
        let mut edge = EdgeDecision::default();
        let mut layouts = 0;
        let mut measure = |answer: bool| {
            layouts += 1;
            answer
        };
        assert!(edge.away(|| measure(true)));
        // The list grew under a reader who did not move: still the first answer.
        assert!(edge.away(|| measure(false)));
        edge.scrolled();
        assert!(!edge.away(|| measure(false)));
        edge.forget();
        assert!(edge.away(|| measure(true)));
        assert_eq!(layouts, 3);
    }

    #[test]
    fn scrolls_made_by_scroll_anchoring_do_not_count() {
        let mut edge = EdgeDecision::default();
        assert!(!edge.away(|| false));
        edge.settle();
        edge.scrolled();
        assert!(
            !edge.away(|| true),
            "the browser's scroll is not the reader's"
        );
        edge.settled();
        edge.scrolled();
        assert!(edge.away(|| true));
    }
}

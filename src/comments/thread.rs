//! The comments a page holds: each once, by id, with replies under their parent.

use std::collections::BTreeMap;
use vestnik_api::Comment;

/// The known comments of one article. Ids grow with posting order, so the
/// map's order is the thread's order: nothing is sorted on render.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Thread {
    comments: BTreeMap<i64, Comment>,
}

impl Thread {
    /// Adds `comment` unless the thread has it already (a replayed event, the
    /// echo of the reader's own post); answers whether it was new.
    pub fn insert(&mut self, comment: Comment) -> bool {
        if self.comments.contains_key(&comment.id) {
            return false;
        }
        self.comments.insert(comment.id, comment);
        true
    }

    /// Removes the comment `id` and its replies; answers whether it was there.
    pub fn remove(&mut self, id: i64) -> bool {
        let found = self.comments.remove(&id).is_some();
        self.comments.retain(|_, c| c.parent_id != Some(id));
        found
    }

    /// Whether the comment `id` is in the thread.
    pub fn contains(&self, id: i64) -> bool {
        self.comments.contains_key(&id)
    }

    /// The comment `id`.
    pub fn get(&self, id: i64) -> Option<&Comment> {
        self.comments.get(&id)
    }

    /// How many comments, replies included.
    pub fn len(&self) -> usize {
        self.comments.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.comments.is_empty()
    }

    /// The ids of the top-level comments, oldest first or newest first.
    ///
    /// A reply whose parent the page does not hold (an older page not loaded,
    /// or a parent removed meanwhile) is shown at the top level rather than lost.
    pub fn top_level(&self, newest_first: bool) -> Vec<i64> {
        let ids = self
            .comments
            .values()
            .filter(|c| c.parent_id.is_none_or(|p| !self.comments.contains_key(&p)))
            .map(|c| c.id);
        if newest_first {
            ids.rev().collect()
        } else {
            ids.collect()
        }
    }

    /// The ids of the replies to `id`, oldest first.
    pub fn replies_of(&self, id: i64) -> Vec<i64> {
        self.comments
            .values()
            .filter(|c| c.parent_id == Some(id))
            .map(|c| c.id)
            .collect()
    }
}

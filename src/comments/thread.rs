//! The comments a page holds: each once, by id, with replies under their parent.

use std::collections::BTreeMap;
use vestnik_api::Comment;

/// The known comments of one article. Ids grow with posting order, so the
/// map's order is the thread's order: nothing is sorted on render.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Thread {
    /// Each comment with how often it changed after it came (approved,
    /// featured): a view keyed by both draws a changed comment again and no
    /// other. One map, not two: each map type is code in the Wasm.
    comments: BTreeMap<i64, (Comment, u32)>,
    /// Reply ids by parent id. Every shown comment asks for its replies after
    /// each change; scanning all comments for each made a busy thread
    /// quadratic (a burst of 1,000 froze the page for 40 s).
    replies: BTreeMap<i64, Vec<i64>>,
}

impl Thread {
    /// Adds `comment`, or puts it in place of the one with its id when it
    /// changed (its own comment approved, a comment featured); answers
    /// whether the thread changed. The same comment again (a replayed event,
    /// the echo of the reader's own post) changes nothing.
    pub fn insert(&mut self, comment: Comment) -> bool {
        if let Some((known, revision)) = self.comments.get_mut(&comment.id) {
            if *known == comment || known.parent_id != comment.parent_id {
                return false;
            }
            *known = comment;
            *revision = revision.wrapping_add(1);
            return true;
        }
        if let Some(parent) = comment.parent_id {
            // Kept in id order: an earlier page can bring older replies last.
            let siblings = self.replies.entry(parent).or_default();
            if let Err(at) = siblings.binary_search(&comment.id) {
                siblings.insert(at, comment.id);
            }
        }
        self.comments.insert(comment.id, (comment, 0));
        true
    }

    /// Removes the comment `id` and its replies; answers whether it was there.
    pub fn remove(&mut self, id: i64) -> bool {
        let removed = self.comments.remove(&id);
        if let Some(parent) = removed.as_ref().and_then(|(c, _)| c.parent_id)
            && let Some(siblings) = self.replies.get_mut(&parent)
        {
            siblings.retain(|&reply| reply != id);
        }
        // Replies go even when their parent was never loaded.
        for reply in self.replies.remove(&id).unwrap_or_default() {
            self.comments.remove(&reply);
        }
        removed.is_some()
    }

    /// A comment's id with its revision: the key its view is drawn by.
    pub fn key(&self, id: i64) -> (i64, u32) {
        (
            id,
            self.comments.get(&id).map_or(0, |(_, revision)| *revision),
        )
    }

    /// Whether the comment `id` is in the thread.
    pub fn contains(&self, id: i64) -> bool {
        self.comments.contains_key(&id)
    }

    /// The comment `id`.
    pub fn get(&self, id: i64) -> Option<&Comment> {
        self.comments.get(&id).map(|(comment, _)| comment)
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
            .map(|(comment, _)| comment)
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
        self.replies.get(&id).cloned().unwrap_or_default()
    }
}

//! The live comments widget: the thread under the article, the composer,
//! the outbox that keeps unconfirmed posts, and the server-sent events stream
//! that brings everyone else's comments and removals without a reload.

pub mod api;
pub mod comment_item;
pub mod comment_text;
pub mod composer;
pub mod digest;
pub mod dismissed;
pub mod draft;
pub mod live_edge;
pub mod outbox;
pub mod proof_of_work;
pub mod reader;
pub mod reconnect;
pub mod section;
pub mod state;
pub mod stream;
pub mod thread;

pub use section::CommentsSection;

#[cfg(test)]
mod tests;

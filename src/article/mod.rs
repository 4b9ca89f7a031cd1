//! The article being read: its page (loading, not found, error states), the
//! headline, the body blocks, the meta line, head tags and sharing.

pub mod api;
pub mod body;
pub mod breadcrumb;
pub mod embed_card;
pub mod figure;
pub mod head;
pub mod meta_line;
pub mod page;
pub mod share_bar;
pub mod skeleton;
pub mod tag_list;
pub mod telegram_cta;
pub mod view;
pub mod views;

pub use page::{ArticlePage, LatestArticlePage};
pub use view::ArticleView;

#[cfg(test)]
mod tests;

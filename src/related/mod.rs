//! "Другие новости": the endless list of other news under the article, the
//! same list for a tag's page, and the few fresh items the not-found page offers.

pub mod api;
pub mod feed;
pub mod feed_cache;
pub mod fresh_news;
pub mod intersection;
pub mod news_card;
pub mod other_news;
pub mod tag_page;

pub use feed::NewsFeed;
pub use feed_cache::provide_feed_cache;
pub use fresh_news::FreshNews;
pub use other_news::OtherNews;
pub use tag_page::TagPage;

#[cfg(test)]
mod tests;

//! The typed client of the vestnik JSON API: one place that turns HTTP answers
//! into data or an [`ApiError`] the UI can render. The calls themselves live
//! with the part of the page that makes them (`article::api`, ...).

pub mod boot;
mod client;
mod config;
mod error;
pub mod event_stream;
pub mod json;
mod random_id;

pub use client::{decode_answer, get_json, post_json, read_answer};
pub use config::{api_base, load_client_config};
pub use error::ApiError;
pub use random_id::random_id;

#[cfg(test)]
mod tests;

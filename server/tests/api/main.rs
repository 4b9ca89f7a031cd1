//! Integration tests: the real app on real SQLite files in temp folders, spoken
//! to over loopback HTTP. One test binary, so the crate links once.

mod alerts;
mod binary;
mod comments;
mod common;
mod config;
mod cors;
mod desk;
mod errors;
mod import;
mod moderation;
mod news;
mod openapi;
mod pages;
mod replicas;
mod seed;
mod spam;
mod static_files;
mod stream;
mod views;

//! The binary's command line: the server's flags and the tools it runs instead.

use crate::config::Config;
use crate::import::ImportArgs;
use crate::moderation::cli::ModeratorArgs;
use crate::static_render::RenderArgs;
use clap::Parser;

/// The binary's command line: the server's settings, and optionally a tool to run instead.
#[derive(Clone, Debug, Parser)]
#[command(
    name = "vestnik-server",
    version,
    about = "The vestnik JSON API (and optionally the built SPA)"
)]
pub struct Cli {
    /// How the server runs (`--database` also applies to the subcommands).
    #[command(flatten)]
    pub config: Config,
    /// A tool to run instead of the server.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Tools the binary runs instead of serving.
#[derive(Clone, Debug, clap::Subcommand)]
pub enum Command {
    /// Converts an HTML file into article blocks (sanitized) and stores the
    /// article, replacing the content of an existing one with the same slug.
    ImportArticle(ImportArgs),
    /// Writes every article, tag page, the front and not-found pages, the
    /// sitemaps, the feed and robots.txt into a built dist/ for static
    /// hosting (needs --site-url); a second run writes only what changed.
    Render(RenderArgs),
    /// Adds, lists or revokes moderators (each with a token of their own).
    Moderator(ModeratorArgs),
}

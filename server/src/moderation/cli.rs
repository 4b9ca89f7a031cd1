//! `vestnik-server moderator add NAME | list | revoke NAME`.

use super::{check_name, new_token, store};
use crate::error::ServerError;
use crate::store::Store;
use jiff::Timestamp;

/// `vestnik-server moderator`'s own arguments.
#[derive(Clone, Debug, clap::Args)]
pub struct ModeratorArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: ModeratorCommand,
}

/// The moderator commands.
#[derive(Clone, Debug, clap::Subcommand)]
pub enum ModeratorCommand {
    /// Adds a moderator and prints their token, once: only its hash is kept.
    Add {
        /// The name shown in the moderation log.
        name: String,
    },
    /// Lists every moderator, with when they were added and revoked.
    List,
    /// Revokes a moderator's token at once.
    Revoke {
        /// The moderator's name.
        name: String,
    },
}

/// Runs the command on the database at `database`; answers what to print.
pub async fn run(database: &str, args: &ModeratorArgs) -> Result<String, ServerError> {
    let store = crate::Store::open(database).await?;
    let outcome = command(&store, &args.command).await;
    store.close().await;
    outcome
}

async fn command(store: &Store, command: &ModeratorCommand) -> Result<String, ServerError> {
    let now = Timestamp::now();
    match command {
        ModeratorCommand::Add { name } => {
            let name = check_name(name).map_err(ServerError::Config)?;
            let token = new_token().map_err(|e| {
                ServerError::Config(format!("the system gave no randomness for a token: {e}"))
            })?;
            store::add(store, &name, &token, now).await?;
            Ok(format!(
                "moderator {name:?} added. Their token, shown only now (the server keeps its hash):\n{token}"
            ))
        }
        ModeratorCommand::List => {
            let moderators = store::list(store).await?;
            if moderators.is_empty() {
                return Ok("no moderators yet: vestnik-server moderator add NAME".to_owned());
            }
            let lines: Vec<String> = moderators
                .iter()
                .map(|m| {
                    let added = crate::store::rfc3339(m.created_at_ms).unwrap_or_default();
                    match m
                        .revoked_at_ms
                        .and_then(|ms| crate::store::rfc3339(ms).ok())
                    {
                        Some(revoked) => format!("{}\tadded {added}\trevoked {revoked}", m.name),
                        None => format!("{}\tadded {added}\tactive", m.name),
                    }
                })
                .collect();
            Ok(lines.join("\n"))
        }
        ModeratorCommand::Revoke { name } => {
            if store::revoke(store, name.trim(), now).await? {
                Ok(format!(
                    "moderator {:?} revoked: their token no longer works",
                    name.trim()
                ))
            } else {
                Err(ServerError::Config(format!(
                    "no active moderator named {:?} (vestnik-server moderator list)",
                    name.trim()
                )))
            }
        }
    }
}

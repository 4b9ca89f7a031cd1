//! The server's own secret: made once, kept in the database (so every
//! process on one database shares it), and never sent anywhere. Each use
//! gets a key of its own derived from it.

use crate::error::ServerError;
use crate::store::Store;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use vestnik_api::proof_of_work::hex;

/// The `meta` key the secret is stored under.
const META_KEY: &str = "server_secret";

/// The secret, loaded.
#[derive(Clone)]
pub struct ServerSecret([u8; 32]);

impl std::fmt::Debug for ServerSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ServerSecret(<hidden>)")
    }
}

/// What a derived key is for; each gets a different key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Signing proof-of-work challenges.
    ProofOfWork,
    /// Signing the desk's stream tickets.
    DeskTicket,
}

impl ServerSecret {
    /// The database's secret, made and stored first if it has none.
    pub async fn load(store: &Store) -> Result<Self, ServerError> {
        let mut fresh = [0_u8; 32];
        getrandom::fill(&mut fresh).map_err(|e| {
            ServerError::Config(format!(
                "the system gave no randomness for the server's secret: {e}"
            ))
        })?;
        // Two processes starting at once both insert; the first one's stays.
        sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
            .bind(META_KEY)
            .bind(hex(&fresh))
            .execute(store.db())
            .await?;
        let stored: String = sqlx::query_scalar("SELECT value FROM meta WHERE key = $1")
            .bind(META_KEY)
            .fetch_one(store.db())
            .await?;
        let mut secret = [0_u8; 32];
        if stored.len() != 64 {
            return Err(ServerError::Corrupt(
                "the stored server secret is not 32 bytes".into(),
            ));
        }
        for (at, byte) in secret.iter_mut().enumerate() {
            let pair = stored.get(at * 2..at * 2 + 2).unwrap_or("");
            *byte = u8::from_str_radix(pair, 16)
                .map_err(|_| ServerError::Corrupt("the stored server secret is not hex".into()))?;
        }
        Ok(Self(secret))
    }

    /// A secret made here, for tests and tools that have no database.
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// The key for `purpose`.
    pub fn key(&self, purpose: Purpose) -> [u8; 32] {
        let label: &[u8] = match purpose {
            Purpose::ProofOfWork => b"vestnik proof of work",
            Purpose::DeskTicket => b"vestnik desk ticket",
        };
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(label);
        mac.finalize().into_bytes().into()
    }
}

/// HMAC-SHA-256 of `message` under `key`, as hex.
pub fn sign(key: &[u8], message: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(message);
    hex(&mac.finalize().into_bytes())
}

/// Whether `signature` (hex) is the HMAC of `message` under `key`, compared
/// in constant time.
pub fn verify(key: &[u8], message: &[u8], signature: &str) -> bool {
    use subtle::ConstantTimeEq;
    bool::from(sign(key, message).as_bytes().ct_eq(signature.as_bytes()))
}

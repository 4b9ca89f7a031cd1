//! Who this reader is to the comments, without an account: a random key the
//! browser keeps (sent only in the bodies of posts and reports) and its
//! reader id, the key's SHA-256, which the page shows the server to see the
//! reader's own comments that nobody else sees yet (`?reader=`).

use super::digest::{random_bytes, sha256};
use vestnik_api::proof_of_work::hex;
use vestnik_api::{is_reader_id, is_reader_key};

// Not `vestnik.reader_id`: that is the view counter's own id (article::views).
const KEY: &str = "vestnik.commenter_key";
const ID: &str = "vestnik.commenter_id";

/// The reader's key and id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reader {
    /// The secret key.
    pub key: String,
    /// Its reader id.
    pub id: String,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// This browser's reader, made (and kept) on first use; `None` without
/// storage or Web Crypto, when posts go without a key (and wait, under
/// pre-moderation of new commenters, like any unknown commenter's).
pub async fn current() -> Option<Reader> {
    let storage = storage()?;
    let stored = storage
        .get_item(KEY)
        .ok()
        .flatten()
        .filter(|key| is_reader_key(key));
    let key = match stored {
        Some(key) => key,
        None => {
            let key = hex(&random_bytes::<16>()?);
            storage.set_item(KEY, &key).ok()?;
            let _ = storage.remove_item(ID);
            key
        }
    };
    let known = storage
        .get_item(ID)
        .ok()
        .flatten()
        .filter(|id| is_reader_id(id));
    let id = match known {
        Some(id) => id,
        None => {
            let digest = sha256(key.as_bytes()).await?;
            let id = hex(digest.get(..16)?);
            let _ = storage.set_item(ID, &id);
            id
        }
    };
    Some(Reader { key, id })
}

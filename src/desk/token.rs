//! Where the moderator's token is kept: localStorage when they asked the
//! desk to remember it on this device, else sessionStorage (gone with the tab).

const KEY: &str = "vestnik.moderator_token";

fn local() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

/// The token kept from before, if any (this tab's first).
pub fn load() -> Option<String> {
    [session(), local()]
        .into_iter()
        .flatten()
        .find_map(|s| s.get_item(KEY).ok().flatten())
        .filter(|t| !t.trim().is_empty())
}

/// Keeps `token`, on this device when `remember`, and nowhere else.
pub fn save(token: &str, remember: bool) {
    forget();
    let storage = if remember { local() } else { session() };
    if let Some(storage) = storage {
        // A full or blocked storage only means logging in again next time.
        let _ = storage.set_item(KEY, token);
    }
}

/// Forgets the token in both storages.
pub fn forget() {
    for storage in [session(), local()].into_iter().flatten() {
        let _ = storage.remove_item(KEY);
    }
}

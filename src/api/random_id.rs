//! Random ids the client makes for the API: the reader id that counts views
//! once, and the client id that makes a comment's retry idempotent.

use js_sys::Reflect;

/// A random UUID from the browser's crypto; Math.random only where crypto is missing.
pub fn random_id() -> String {
    let from_crypto = web_sys::window()
        .and_then(|w| Reflect::get(&w, &"crypto".into()).ok())
        .and_then(|crypto| {
            let make = Reflect::get(&crypto, &"randomUUID".into()).ok()?;
            let make: &js_sys::Function = wasm_bindgen::JsCast::dyn_ref(&make)?;
            make.call0(&crypto).ok()?.as_string()
        });
    from_crypto.unwrap_or_else(|| {
        (0..4)
            .map(|_| {
                format!(
                    "{:08x}",
                    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
                )
            })
            .collect::<Vec<_>>()
            .join("-")
    })
}

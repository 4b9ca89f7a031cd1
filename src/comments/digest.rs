//! SHA-256 through the browser's Web Crypto: nothing of a hash function is
//! in the Wasm. Web Crypto answers with promises, so many digests are asked
//! for at once and awaited together (the proof of work hashes tens of
//! thousands of candidates).

use js_sys::{Array, ArrayBuffer, Promise, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The browser's `crypto.subtle`; `None` outside a secure context (a page
/// over plain http from another host than localhost).
fn subtle() -> Option<web_sys::SubtleCrypto> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let subtle = crypto.subtle();
    // The getter answers undefined, not an error, where there is none.
    (!JsCast::unchecked_ref::<wasm_bindgen::JsValue>(&subtle).is_undefined()).then_some(subtle)
}

/// The SHA-256 of each of `inputs`, in order; `None` when Web Crypto is
/// missing or failed.
pub async fn sha256_all(inputs: &[Vec<u8>]) -> Option<Vec<Vec<u8>>> {
    let subtle = subtle()?;
    let promises = Array::new();
    for input in inputs {
        let digest = subtle.digest_with_str_and_u8_array("SHA-256", input).ok()?;
        promises.push(&digest);
    }
    let digests = JsFuture::from(Promise::all(&promises)).await.ok()?;
    let digests: Array = digests.dyn_into().ok()?;
    digests
        .iter()
        .map(|digest| {
            let buffer: ArrayBuffer = digest.dyn_into().ok()?;
            Some(Uint8Array::new(&buffer).to_vec())
        })
        .collect()
}

/// The SHA-256 of `input`.
pub async fn sha256(input: &[u8]) -> Option<Vec<u8>> {
    sha256_all(&[input.to_vec()]).await?.into_iter().next()
}

/// `n` random bytes from the browser's `crypto.getRandomValues`.
pub fn random_bytes<const N: usize>() -> Option<[u8; N]> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut bytes = [0_u8; N];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

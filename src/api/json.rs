//! Decoding JSON from the network and from storage.
//!
//! In the browser the text goes through the browser's own `JSON.parse` and
//! then serde (serde-wasm-bindgen): the Wasm then carries no JSON parser of
//! its own, which is most of what decoding costs in bytes. Natively (the
//! property tests) serde_json reads the same text into the same types.

use serde::de::DeserializeOwned;

/// `text` as a `T`; the reason in words when it is not JSON of that shape.
#[cfg(target_arch = "wasm32")]
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(|error| {
        js_sys::Error::from(error)
            .message()
            .as_string()
            .unwrap_or_else(|| "not JSON".to_owned())
    })?;
    serde_wasm_bindgen::from_value(value).map_err(|error| error.to_string())
}

/// The keys of the JSON object `text`, if it is one. serde-wasm-bindgen
/// reads only the fields a struct names, so where unknown keys are errors
/// (`config.json`) they are checked with this.
#[cfg(target_arch = "wasm32")]
pub fn object_keys(text: &str) -> Vec<String> {
    js_sys::JSON::parse(text)
        .ok()
        .filter(|value| value.is_object() && !js_sys::Array::is_array(value))
        .map(|value| {
            js_sys::Object::keys(&js_sys::Object::from(value))
                .iter()
                .filter_map(|key| key.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The keys of the JSON object `text`, if it is one.
#[cfg(not(target_arch = "wasm32"))]
pub fn object_keys(text: &str) -> Vec<String> {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

/// `text` as a `T`; the reason in words when it is not JSON of that shape.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|error| error.to_string())
}

//! Share links: the URL that reproduces a calculator's inputs elsewhere.

use crate::scenario::{encode_link, parse_hash, with_hash_param};
use serde_json::Value;

/// The full URL that opens `calc` with `inputs`, on whatever host and
/// sub-path this copy of Tally is served from.
pub fn share_url(calc: &str, inputs: &Value) -> String {
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default();
    format!("{base}#/{calc}?s={}", encode_link(calc, inputs))
}

/// The location hash as it is, `#/…` or empty.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The current location hash split into route and link payload.
pub fn current_hash() -> (String, Option<String>) {
    parse_hash(&location_hash())
}

/// Puts `inputs` in the address bar as the link payload, without a
/// navigation or a history entry: edits to a shared scenario then survive a
/// reload, and the address is always a link to what is on screen. Other
/// parameters (the version a copy was made from) are kept.
pub fn show_in_address(calc: &str, inputs: &Value) {
    set_param("s", Some(&encode_link(calc, inputs)));
}

/// Sets (or, with `None`, removes) one parameter of the address's hash,
/// without a navigation or a history entry.
pub fn set_param(name: &str, value: Option<&str>) {
    replace_hash(&with_hash_param(&location_hash(), name, value));
}

/// Drops the payload from the address bar (after the shared scenario was
/// saved or discarded) without a navigation or a history entry.
pub fn clear_payload(calc: &str) {
    replace_hash(&format!("#/{calc}"));
}

fn replace_hash(hash: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
}

/// Copies `text` to the clipboard; false when the browser refuses.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

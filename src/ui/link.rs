//! Share links: the URL that reproduces a calculator's inputs elsewhere.

use crate::pace::Pace;
use crate::scenario::{
    compressed_payload, encode_link, hash_param, link_json, parse_hash, plain_payload,
    unwrap_payload, with_hash_param, PayloadKind, MAX_JSON_BYTES,
};
use serde_json::Value;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/ui/compress.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn deflate(bytes: &[u8]) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn inflate(bytes: &[u8], limit: f64) -> Result<JsValue, JsValue>;
}

/// The full URL that opens `calc` with `inputs`, on whatever host and
/// sub-path this copy of Tally is served from, in the plain `j1.` form.
pub fn share_url(calc: &str, inputs: &Value) -> String {
    url_with(calc, &encode_link(calc, inputs))
}

/// The same URL in its shortest form: compressed (`z1.`) when that is
/// shorter, which it is for all but the smallest scenarios.
pub async fn compact_share_url(calc: &str, inputs: &Value) -> String {
    let plain = encode_link(calc, inputs);
    let compressed = match deflate(link_json(calc, inputs).as_bytes()).await {
        Ok(bytes) => compressed_payload(&js_sys::Uint8Array::new(&bytes).to_vec()),
        Err(_) => plain.clone(),
    };
    url_with(
        calc,
        if compressed.len() < plain.len() {
            &compressed
        } else {
            &plain
        },
    )
}

fn url_with(calc: &str, payload: &str) -> String {
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default();
    format!("{base}#/{calc}?s={payload}")
}

/// The plain form of a compressed payload, inflated by the browser with the
/// link size limit; `None` if it is not compressed or cannot be inflated
/// (damaged, or larger than the limit).
pub async fn inflate_payload(payload: &str) -> Option<String> {
    let Ok((PayloadKind::Compressed, bytes)) = unwrap_payload(payload) else {
        return None;
    };
    let json = inflate(&bytes, MAX_JSON_BYTES as f64).await.ok()?;
    Some(plain_payload(&js_sys::Uint8Array::new(&json).to_vec()))
}

/// Rewrites the compressed (`z1.`) payloads in the address into their plain
/// `j1.` form, so that everything else reads plain links only. One that
/// cannot be inflated stays as it is, and opening it explains why
/// (`LinkError::NotInflated`).
pub async fn inflate_address() {
    let hash = location_hash();
    let mut next = hash.clone();
    for name in ["s", "sent"] {
        let Some(payload) = hash_param(&hash, name) else {
            continue;
        };
        if let Some(plain) = inflate_payload(&payload).await {
            next = with_hash_param(&next, name, Some(&plain));
        }
    }
    if next != hash {
        replace_hash(&next);
    }
}

/// The location hash the page is at, `#/…` or empty: the one it asked
/// for, if the browser has not been let to show it yet (see
/// [`replace_hash`]).
pub fn location_hash() -> String {
    pending().unwrap_or_else(shown_hash)
}

/// The location hash the browser shows.
fn shown_hash() -> String {
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

/// Changes the address without a navigation or a history entry, keeping
/// the entry's [`visit`]. Browsers cap how often a page may do so, and
/// refuse a change past the cap (`crate::pace`): the changes are paced, a
/// burst of edits at once and then the latest every half second, and a
/// change the browser refused anyway is made again. Until then the page
/// reads the hash it asked for ([`location_hash`]).
fn replace_hash(hash: &str) {
    ADDRESS.with_borrow_mut(|a| {
        if a.wanted.is_none() {
            a.shown = shown_hash();
        }
        a.wanted = Some(hash.to_string());
        a.refused = 0;
    });
    write_address();
}

thread_local! {
    static ADDRESS: RefCell<Address> = RefCell::new(Address {
        wanted: None,
        shown: String::new(),
        pace: Pace::new(js_sys::Date::now()),
        waiting: false,
        refused: 0,
    });
}

/// The address changes the page has asked for and not made yet.
struct Address {
    /// The hash to show.
    wanted: Option<String>,
    /// The hash shown when `wanted` was asked for. Another one there means
    /// the address changed by other means (a link pasted, Back), which
    /// `wanted` must not undo: it is dropped.
    shown: String,
    pace: Pace,
    /// A write is due on a timer.
    waiting: bool,
    /// The browser refused `wanted` that many times.
    refused: u32,
}

/// A change the browser refused this many times is given up: one it never
/// shows as asked (written differently, say) must not be made for ever.
const MAX_REFUSALS: u32 = 10;
/// How long after a refusal the change is made again, in milliseconds.
const AFTER_REFUSAL_MS: f64 = 1_000.0;

/// The hash the page asked for and the browser does not show yet, unless
/// the address changed meanwhile by other means.
fn pending() -> Option<String> {
    ADDRESS.with_borrow_mut(|a| {
        if a.wanted.is_some() && shown_hash() != a.shown {
            a.wanted = None;
        }
        a.wanted.clone()
    })
}

/// Shows the hash asked for, if the pace allows it now; otherwise, or if
/// the browser refused it, tries again on a timer.
fn write_address() {
    let Some(wanted) = pending() else { return };
    let retry_in = ADDRESS.with_borrow_mut(|a| {
        if let Err(wait) = a.pace.take(js_sys::Date::now()) {
            return Some(wait);
        }
        if let Some(history) = history() {
            let state = history.state().unwrap_or(JsValue::NULL);
            // Safari throws past its cap; Chromium leaves the address as it was.
            let _ = history.replace_state_with_url(&state, "", Some(&wanted));
        }
        let now = shown_hash();
        if now == wanted || now != a.shown {
            a.wanted = None;
            None
        } else if a.refused < MAX_REFUSALS {
            a.refused += 1;
            Some(AFTER_REFUSAL_MS)
        } else {
            a.wanted = None;
            None
        }
    });
    let Some(ms) = retry_in else { return };
    let first = ADDRESS.with_borrow_mut(|a| !std::mem::replace(&mut a.waiting, true));
    if first {
        leptos::prelude::set_timeout(
            || {
                ADDRESS.with_borrow_mut(|a| a.waiting = false);
                write_address();
            },
            std::time::Duration::from_millis(ms as u64),
        );
    }
}

fn history() -> Option<web_sys::History> {
    web_sys::window()?.history().ok()
}

/// Which opening of a link this is: a number kept in the state of the
/// page's history entry. A reload, or going back to the entry, finds it
/// again; the link opened anew (pasted, in another tab, after the tab was
/// closed) gets another. The text typed into a link's fields is kept under
/// it (`drafts::scenario`), so it shows in this opening only.
pub fn visit() -> Value {
    let Some(history) = history() else {
        return Value::Null;
    };
    let kept = history.state().ok().and_then(|s| s.as_f64());
    let visit = kept.unwrap_or_else(|| {
        // Whole and below 2^53: the same number read back from storage.
        let new = (js_sys::Math::random() * 9_007_199_254_740_992.0).floor();
        let _ = history.replace_state(&new.into(), "");
        new
    });
    Value::from(visit as u64)
}

/// Copies `text` to the clipboard; false when the browser refuses.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

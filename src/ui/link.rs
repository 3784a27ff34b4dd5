//! Share links: the URL that reproduces a calculator's inputs elsewhere.

use crate::pace::{Kept, Pace};
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
/// (`LinkError::NotInflated`). First, on coming back to an entry (a
/// reload, Back), makes the change the page left waiting for its address
/// ([`keep_address_on_leaving`]).
pub async fn inflate_address() {
    resume();
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
    // A number tells this entry from others, should the change still wait
    // for the address as the page goes elsewhere (`keep_waiting`).
    visit();
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
    // One asked at another address (another entry) is dropped, and kept
    // for its entry, first: this one must not take its place there.
    let _ = pending();
    ADDRESS.with_borrow_mut(|a| {
        if a.wanted.is_none() {
            // The change before reached the address: nothing to make on
            // coming back.
            if let Some(entry) = a.late.take() {
                swap_waiting(&entry, None);
            }
            a.shown = shown_hash();
            a.entry = history_state_text();
        }
        a.wanted = Some(hash.to_string());
        a.refused = 0;
    });
    write_address(false);
}

thread_local! {
    static ADDRESS: RefCell<Address> = RefCell::new(Address {
        wanted: None,
        shown: String::new(),
        entry: String::new(),
        pace: Pace::new(js_sys::Date::now()),
        waiting: false,
        refused: 0,
        late: None,
    });
}

/// The address changes the page has asked for and not made yet.
struct Address {
    /// The hash to show.
    wanted: Option<String>,
    /// The hash shown when `wanted` was asked for. Another one there means
    /// the address changed by other means (a link pasted, Back), which
    /// `wanted` must not undo: it is dropped, and kept for the entry it was
    /// asked on ([`keep_address_on_leaving`]).
    shown: String,
    /// The state of the history entry `wanted` was asked on.
    entry: String,
    pace: Pace,
    /// A write is due on a timer.
    waiting: bool,
    /// The browser refused `wanted` that many times.
    refused: u32,
    /// The entry whose change was made on a timer, and kept anyway
    /// ([`write_address`]) until the next change is asked for.
    late: Option<String>,
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
            if let Some(wanted) = a.wanted.take() {
                keep_waiting(&a.entry, &a.shown, &wanted);
            }
        }
        a.wanted.clone()
    })
}

/// Shows the hash asked for, if the pace allows it now; otherwise, or if
/// the browser refused it, tries again on a timer. A change made on a
/// timer (`late`) may come after a reload was asked for, and the browser
/// fixes the address a reload opens as it is asked: the change is kept
/// for the reload to make ([`resume`]) all the same, and the next change
/// asked for drops it.
fn write_address(late: bool) {
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
        if now == wanted && late {
            keep_waiting(&a.entry, &a.shown, &wanted);
            a.late = Some(a.entry.clone());
            a.wanted = None;
            None
        } else if now == wanted || now != a.shown {
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
                write_address(true);
            },
            std::time::Duration::from_millis(ms as u64),
        );
    }
}

fn history() -> Option<web_sys::History> {
    web_sys::window()?.history().ok()
}

/// Where changes still waiting for the address are kept when the page
/// goes elsewhere (sessionStorage: this tab only), as [`Kept`] text. A
/// reload opens the address the browser shows, fixed before the page hears
/// of it, and going to another entry (a link pasted, Back, another
/// calculator) leaves the one before as the browser shows it: a change
/// made then would be too late, and the edits it carries would be lost on
/// coming back.
const WAITING_KEY: &str = "tally.address";

/// Keeps the change waiting for the address when the page goes away (a
/// reload, another page), for [`inflate_address`] to make on coming back.
/// Called once, as the page starts, and first gives a reloaded entry its
/// number back ([`restore_visit`]).
pub fn keep_address_on_leaving() {
    restore_visit();
    let _ = leptos::prelude::window_event_listener_untyped("pagehide", |_| {
        ADDRESS.with_borrow(|a| {
            if let Some(wanted) = &a.wanted {
                keep_waiting(&a.entry, &a.shown, wanted);
            }
        });
    });
}

/// A change made after a reload was asked for (on a timer, see
/// [`write_address`]) leaves Chromium's reload at the address before it
/// and without the entry's state: the number [`visit`] keeps there, which
/// the kept change and the drafts typed on the link are found by. A
/// reloaded entry without a state, at the address the latest kept change
/// was asked at, is given that change's number back.
fn restore_visit() {
    let reloaded = web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.get_entries_by_type("navigation").get(0))
        .and_then(|entry| js_sys::Reflect::get(&entry, &"type".into()).ok())
        .and_then(|kind| kind.as_string());
    if reloaded.as_deref() != Some("reload") || history_state_text() != "null" {
        return;
    }
    let Some(text) = session_storage().and_then(|s| s.get_item(WAITING_KEY).ok().flatten()) else {
        return;
    };
    if let (Some([entry, shown, _]), Some(history)) = (Kept::read(&text).latest(), history()) {
        if shown == shown_hash() {
            // Whole (see `visit`): parsing a float would bring 16 KB.
            if let Ok(number) = entry.parse::<u64>() {
                let _ = history.replace_state(&(number as f64).into(), "");
            }
        }
    }
}

/// Makes the change left waiting for the address of this history entry,
/// if the address is still the one it was asked at.
fn resume() {
    if let Some((from, to)) = swap_waiting(&history_state_text(), None) {
        if from == shown_hash() {
            replace_hash(&to);
        }
    }
}

/// Keeps `wanted`, asked at `shown` on `entry`, unless the entry has no
/// number of its own ([`visit`]): another entry could not be told from it.
fn keep_waiting(entry: &str, shown: &str, wanted: &str) {
    if !entry.is_empty() && entry.bytes().all(|b| b.is_ascii_digit()) {
        swap_waiting(entry, Some((shown, wanted)));
    }
}

/// Takes the change kept for `entry` out, as `(shown, wanted)`, and puts
/// `new` in its place, if given.
fn swap_waiting(entry: &str, new: Option<(&str, &str)>) -> Option<(String, String)> {
    let session = session_storage()?;
    let text = session.get_item(WAITING_KEY).ok()?.unwrap_or_default();
    let mut kept = Kept::read(&text);
    let found = kept
        .take(entry)
        .map(|(shown, wanted)| (shown.to_string(), wanted.to_string()));
    match new {
        Some((shown, wanted)) => kept.put([entry, shown, wanted]),
        None if found.is_none() => return None,
        None => {}
    }
    let _ = session.set_item(WAITING_KEY, &kept.text());
    found
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The state of the page's history entry as text (`null`, or the number
/// of an opening of a link, [`visit`]): it tells one entry from another.
fn history_state_text() -> String {
    history()
        .and_then(|h| h.state().ok())
        .and_then(|state| js_sys::JSON::stringify(&state).ok())
        .and_then(|text| text.as_string())
        .unwrap_or_default()
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

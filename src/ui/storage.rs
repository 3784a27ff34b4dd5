//! localStorage, used carefully: unreadable data is moved aside before
//! anything overwrites it, and storage that is missing, disabled or full
//! leaves the app working in memory with a notice.
//!
//! This talks to `web_sys::Storage` directly rather than through
//! gloo-storage, whose `LocalStorage::raw()` throws (kills the app) when
//! storage is disabled, and whose typed `get` hides the raw text that must
//! be backed up when it cannot be read.

use crate::scenario::{LoadProblem, Store, BACKUP_KEY_PREFIX, STORAGE_KEY};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

#[derive(Default)]
struct Backend {
    storage: Option<web_sys::Storage>,
    /// The text last written or read, so that an unchanged store (or one that
    /// just arrived from another tab) is not written back.
    last_text: String,
    /// Set when the stored text could not be read *and* could not be backed
    /// up: then it must not be overwritten.
    read_only: bool,
    full_reported: bool,
}

thread_local! {
    static BACKEND: RefCell<Backend> = RefCell::new(Backend::default());
}

/// What opening storage found, for the notices.
pub struct Opened {
    pub store: Store,
    pub notices: Vec<String>,
}

fn probe() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    let storage = window
        .local_storage()
        .map_err(|e| error_name(&e))?
        .ok_or("no localStorage")?;
    // Safari's old private mode exposed a storage that throws on write.
    let test_key = "tally.probe";
    storage
        .set_item(test_key, "1")
        .map_err(|e| error_name(&e))?;
    let _ = storage.remove_item(test_key);
    Ok(storage)
}

fn error_name(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| "error".into())
}

/// Opens storage and reads the store, moving unreadable data aside.
pub fn open() -> Opened {
    let storage = match probe() {
        Ok(s) => s,
        Err(why) => {
            return Opened {
                store: Store::new(),
                notices: vec![format!(
                    "This browser is not letting Tally save ({why}). Everything works, but changes last only while this tab is open."
                )],
            }
        }
    };
    let raw = storage.get_item(STORAGE_KEY).ok().flatten();
    let mut notices = Vec::new();
    let mut read_only = false;
    let store = match raw.as_deref().map(Store::load) {
        None => Store::new(),
        Some(Ok(store)) => store,
        Some(Err(problem)) => {
            let raw = raw.unwrap_or_default();
            // Once the text is safely copied, a fresh store replaces it, so
            // the next load does not find (and back up) the same text again.
            let backed_up = back_up(&storage, &raw).and_then(|key| {
                storage
                    .set_item(STORAGE_KEY, &Store::new().to_text())
                    .map(|()| key)
            });
            match backed_up {
                Ok(key) => notices.push(format!(
                    "{} It was kept, unchanged, under the key “{key}”, and Tally started afresh.",
                    problem.message()
                )),
                Err(e) => {
                    read_only = true;
                    notices.push(format!(
                        "{} It could not be backed up ({}), so it is left untouched and changes in this tab are not saved.",
                        problem.message(),
                        error_name(&e)
                    ));
                }
            }
            Store::new()
        }
    };
    BACKEND.with(|b| {
        *b.borrow_mut() = Backend {
            last_text: if read_only {
                String::new()
            } else {
                store.to_text()
            },
            storage: Some(storage),
            read_only,
            full_reported: false,
        }
    });
    Opened { store, notices }
}

/// Writes the store if it changed. Returns a notice the first time a write
/// fails (storage full); the app goes on in memory.
pub fn save(store: &Store) -> Option<String> {
    let text = store.to_text();
    BACKEND.with(|b| {
        let mut b = b.borrow_mut();
        if b.read_only || b.last_text == text {
            return None;
        }
        let storage = b.storage.clone()?;
        match storage.set_item(STORAGE_KEY, &text) {
            Ok(()) => {
                b.last_text = text;
                b.full_reported = false;
                None
            }
            Err(e) if !b.full_reported => {
                b.full_reported = true;
                Some(format!(
                    "Your latest changes could not be saved ({}: storage is full or blocked). They are kept in this tab; free some space and edit again to save.",
                    error_name(&e)
                ))
            }
            Err(_) => None,
        }
    })
}

/// Copies text this version cannot use to a key of its own; the key.
fn back_up(storage: &web_sys::Storage, raw: &str) -> Result<String, JsValue> {
    let key = format!("{BACKUP_KEY_PREFIX}{}", js_sys::Date::now() as u64);
    storage.set_item(&key, raw).map(|()| key)
}

/// Reads a store another tab wrote (from a `storage` event) and remembers
/// its text, so that taking it over does not write it straight back.
///
/// Text this version cannot use must not be overwritten unawares by this
/// tab's next save: a newer version's store stops this tab saving (a
/// reload brings it the newer version); anything else is backed up, as at
/// start, and this tab's store written back at once, so that a reload
/// anywhere finds it rather than that text. The `Err` is the notice.
pub fn take_over(new_text: &str) -> Result<Store, String> {
    let problem = match Store::load(new_text) {
        Ok(store) => {
            BACKEND.with(|b| b.borrow_mut().last_text = store.to_text());
            return Ok(store);
        }
        Err(problem) => problem,
    };
    BACKEND.with(|b| {
        let mut b = b.borrow_mut();
        let message = problem.message();
        if let LoadProblem::Newer(_) = problem {
            b.read_only = true;
            return Err(format!(
                "{message} Another tab saved them just now; this tab no longer saves, so as not to overwrite them. Reload it to work with them."
            ));
        }
        let storage = b.storage.clone();
        match storage.as_ref().map(|s| (s, back_up(s, new_text))) {
            Some((storage, Ok(key))) => {
                let saved = !b.read_only && storage.set_item(STORAGE_KEY, &b.last_text).is_ok();
                Err(format!(
                    "{message} Another tab or page wrote it just now. It was kept, unchanged, under the key “{key}”{}.",
                    if saved {
                        ", and this tab's scenarios were saved again"
                    } else {
                        ""
                    }
                ))
            }
            _ => {
                b.read_only = true;
                Err(format!(
                    "{message} Another tab or page wrote it just now, and it could not be backed up; this tab no longer saves, so as not to overwrite it."
                ))
            }
        }
    })
}

//! What was typed into a numeric field and is not a number yet ("2,90").
//!
//! The value in force stays the last valid one. Were the text kept only on
//! screen, a reload, or a move to another calculator (which reloads the
//! page), would show the last valid value again as if the edit had taken.
//! Drafts are kept in localStorage under their own key, apart from the
//! scenarios (never in a link or a backup), and shown again, with their
//! message, where they were typed: the same calculator, scenario and field,
//! over the same value in force. After a reset, a switch or another tab's
//! edit changed that value, a draft is stale and dropped.

use crate::json;
use crate::ui::state::Scenarios;
use leptos::prelude::*;
use serde_json::{json, Value};

const KEY: &str = "tally.drafts";
/// Drafts kept at most; the oldest go first.
const MAX: usize = 20;

/// Where a draft belongs: the calculator, the scenario on screen (a
/// link's, while one is open) and the field's name.
pub fn place(scenarios: &Scenarios, field: &str) -> Value {
    let scenario = if scenarios.shared.with_untracked(Option::is_some) {
        Value::Null
    } else {
        Value::String(untrack(|| scenarios.active()))
    };
    json!([scenarios.calc, scenario, field])
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Every draft, oldest first, as `{"at", "text", "over"}`.
fn read() -> Vec<Value> {
    storage()
        .and_then(|s| s.get_item(KEY).ok()?)
        .and_then(|text| json::parse(&text))
        .and_then(|v| match v {
            Value::Array(drafts) => Some(drafts),
            _ => None,
        })
        .unwrap_or_default()
}

/// Best effort: storage that is missing or full keeps no drafts, and the
/// page's notice already says changes last only while the tab is open.
fn write(drafts: Vec<Value>) {
    if let Some(s) = storage() {
        let _ = if drafts.is_empty() {
            s.remove_item(KEY)
        } else {
            s.set_item(KEY, &json::stringify(&Value::Array(drafts)))
        };
    }
}

fn is_at(draft: &Value, at: &Value) -> bool {
    draft.get("at") == Some(at)
}

/// Keeps `text`, typed at `at` over the value in force `over`.
pub fn keep(at: &Value, text: &str, over: f64) {
    let mut drafts = read();
    drafts.retain(|d| !is_at(d, at));
    drafts.push(json!({ "at": at, "text": text, "over": over }));
    let extra = drafts.len().saturating_sub(MAX);
    drafts.drain(..extra);
    write(drafts);
}

/// Drops the draft at `at`, if there is one.
pub fn forget(at: &Value) {
    let mut drafts = read();
    let before = drafts.len();
    drafts.retain(|d| !is_at(d, at));
    if drafts.len() != before {
        write(drafts);
    }
}

/// The draft at `at`, if it was typed over `value`; a draft over another
/// value is stale and dropped.
pub fn find(at: &Value, value: f64) -> Option<String> {
    let draft = read().into_iter().find(|d| is_at(d, at))?;
    if draft.get("over").and_then(Value::as_f64) == Some(value) {
        draft
            .get("text")
            .and_then(Value::as_str)
            .map(str::to_string)
    } else {
        forget(at);
        None
    }
}

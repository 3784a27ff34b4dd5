//! What was typed into a numeric field and is not a number yet ("2,90").
//!
//! The value in force stays the last valid one. Were the text kept only on
//! screen, a reload, or a move to another calculator (which reloads the
//! page), would show the last valid value again as if the edit had taken.
//! Drafts are kept in localStorage under their own key, apart from the
//! scenarios (never in a link or a backup; in memory while storage is
//! missing or full), and shown again, with their message, where they were
//! typed: the same calculator, scenario (for a link, the same opening of
//! it) and field, over the same value in force. After another tab's edit or
//! an undo changed that value, a draft is stale and dropped. A reset or a
//! delete drops the scenario's drafts, and undoing it puts them back; a
//! scenario saved as, duplicated or renamed takes them along with its
//! inputs, and a row of a list that is removed or moved takes those of its
//! fields.

use crate::json;
use crate::ui::state::Scenarios;
use leptos::prelude::*;
use serde_json::Value;
use std::cell::RefCell;

const KEY: &str = "tally.drafts";
/// Drafts kept at most; the oldest go first.
const MAX: usize = 20;

/// Where a draft belongs: the calculator, the scenario on screen (a
/// link's, while one is open) and the field's name.
pub fn place(scenarios: &Scenarios, field: &str) -> Value {
    // Built by hand: `json!` would bring serde_json's serializer along.
    Value::Array(vec![
        scenarios.calc.into(),
        scenario(scenarios),
        field.into(),
    ])
}

/// The scenario part of a place: the open scenario's name, or for a link
/// the number of this opening of it ([`crate::ui::link::visit`]).
pub fn scenario(scenarios: &Scenarios) -> Value {
    if scenarios.shared.with_untracked(Option::is_some) {
        crate::ui::link::visit()
    } else {
        Value::String(untrack(|| scenarios.active()))
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

thread_local! {
    /// The drafts while storage is missing or full: kept for the tab's life,
    /// as the inputs are then.
    static MEMORY: RefCell<Option<Vec<Value>>> = const { RefCell::new(None) };
}

/// Every draft, oldest first, as `{"at", "text", "over"}`.
fn read() -> Vec<Value> {
    if let Some(kept) = MEMORY.with_borrow(Clone::clone) {
        return kept;
    }
    storage()
        .and_then(|s| s.get_item(KEY).ok()?)
        .and_then(|text| json::parse(&text))
        .and_then(|v| match v {
            Value::Array(drafts) => Some(drafts),
            _ => None,
        })
        .unwrap_or_default()
}

/// Writes the newest [`MAX`] drafts; into memory where storage is missing
/// or full (the page's notice says changes then last while the tab is
/// open).
fn write(mut drafts: Vec<Value>) {
    let extra = drafts.len().saturating_sub(MAX);
    drafts.drain(..extra);
    let stored = storage().is_some_and(|s| {
        if drafts.is_empty() {
            s.remove_item(KEY).is_ok()
        } else {
            s.set_item(KEY, &json::stringify(&Value::Array(drafts.clone())))
                .is_ok()
        }
    });
    MEMORY.with_borrow_mut(|kept| *kept = (!stored).then_some(drafts));
}

fn is_at(draft: &Value, at: &Value) -> bool {
    draft.get("at") == Some(at)
}

/// Keeps `text`, typed at `at` over the value in force `over`.
pub fn keep(at: &Value, text: &str, over: f64) {
    let mut drafts = read();
    drafts.retain(|d| !is_at(d, at));
    let mut draft = serde_json::Map::new();
    draft.insert("at".into(), at.clone());
    draft.insert("text".into(), text.into());
    draft.insert("over".into(), over.into());
    drafts.push(Value::Object(draft));
    write(drafts);
}

/// Drops the draft at `at`, if there is one.
pub fn forget(at: &Value) {
    forget_where(|d| is_at(d, at));
}

/// Whether `draft` was typed in the scenario `scenario` of this calculator.
fn is_in(draft: &Value, scenarios: &Scenarios, scenario: &Value) -> bool {
    let at = |i: usize| draft.get("at").and_then(|a| a.get(i));
    at(0).and_then(Value::as_str) == Some(scenarios.calc) && at(1) == Some(scenario)
}

/// The drafts of `scenario` (see [`scenario`]), oldest first.
pub fn of(scenarios: &Scenarios, scenario: &Value) -> Vec<Value> {
    read()
        .into_iter()
        .filter(|d| is_in(d, scenarios, scenario))
        .collect()
}

/// Makes `kept` the drafts of `scenario`: none after a reset or a delete,
/// those it had before when either is undone, those of another scenario
/// when it takes that one's inputs.
pub fn set(scenarios: &Scenarios, scenario: &Value, mut kept: Vec<Value>) {
    for d in &mut kept {
        if let Some(slot) = d.get_mut("at").and_then(|at| at.get_mut(1)) {
            *slot = scenario.clone();
        }
    }
    let mut drafts = read();
    drafts.retain(|d| !is_in(d, scenarios, scenario));
    drafts.extend(kept);
    write(drafts);
}

/// Gives the scenario now on screen the drafts of scenario `from`, whose
/// inputs it has (saved as, duplicated or renamed): `moved` when `from`
/// is gone (renamed), else copied. Drafts left under its name by a
/// scenario once called so go.
pub fn carry(scenarios: &Scenarios, from: &Value, moved: bool) {
    let to = scenario(scenarios);
    if &to == from {
        return;
    }
    set(scenarios, &to, of(scenarios, from));
    if moved {
        set(scenarios, from, Vec::new());
    }
}

/// Moves the drafts typed into the rows of the list `list` (fields named
/// `<list>.<row>.<key>`) of the scenario on screen along with their rows:
/// to row `to(row)`, or gone with a row that is gone.
pub fn renumber(scenarios: &Scenarios, list: &str, to: &dyn Fn(usize) -> Option<usize>) {
    let scenario = scenario(scenarios);
    let mut drafts = read();
    let mut changed = false;
    drafts.retain_mut(|d| {
        if !is_in(d, scenarios, &scenario) {
            return true;
        }
        let Some(field) = d.get_mut("at").and_then(|at| at.get_mut(2)) else {
            return true;
        };
        let row_key = field
            .as_str()
            .and_then(|f| f.strip_prefix(list)?.strip_prefix('.')?.split_once('.'))
            .and_then(|(row, key)| Some((row.parse::<usize>().ok()?, key.to_string())));
        let Some((row, key)) = row_key else {
            return true;
        };
        match to(row) {
            Some(new) if new == row => true,
            Some(new) => {
                *field = Value::String(format!("{list}.{new}.{key}"));
                changed = true;
                true
            }
            None => {
                changed = true;
                false
            }
        }
    });
    if changed {
        write(drafts);
    }
}

fn forget_where(gone: impl Fn(&Value) -> bool) {
    let mut drafts = read();
    let before = drafts.len();
    drafts.retain(|d| !gone(d));
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

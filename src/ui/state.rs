//! The app's state: the saved store, the notices, and each calculator's
//! view of its scenarios (saved, or opened from a link and not saved).

use crate::scenario::{Book, Scenario, Store};
use leptos::prelude::*;
use serde_json::Value;

const GONE: &str = "The page is closing";

/// A message to the user at the top of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub text: String,
}

/// Shared by every page through context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub store: RwSignal<Store>,
    pub notices: RwSignal<Vec<Notice>>,
}

impl AppState {
    pub fn notify(&self, text: impl Into<String>) {
        let text = text.into();
        self.notices.update(|list| {
            if list.iter().all(|n| n.text != text) {
                let id = list.iter().map(|n| n.id).max().unwrap_or(0) + 1;
                list.push(Notice { id, text });
            }
        });
    }

    pub fn dismiss(&self, id: u32) {
        self.notices.update(|list| list.retain(|n| n.id != id));
    }
}

/// A calculator's scenarios. While a shared link is open its inputs live in
/// `shared` and in the address bar (so a reload keeps its edits): the saved
/// scenarios are never touched by a link.
#[derive(Clone, Copy)]
pub struct Scenarios {
    pub calc: &'static str,
    pub store: RwSignal<Store>,
    pub shared: RwSignal<Option<Value>>,
    defaults: fn() -> Value,
}

impl Scenarios {
    pub fn new(calc: &'static str, defaults: fn() -> Value) -> Self {
        let app = expect_context::<AppState>();
        Scenarios {
            calc,
            store: app.store,
            shared: RwSignal::new(None),
            defaults,
        }
    }

    pub fn defaults(&self) -> Value {
        (self.defaults)()
    }

    fn with_book<T>(&self, f: impl FnOnce(Option<&Book>) -> T) -> T {
        self.store.with(|s| f(s.calcs.get(self.calc)))
    }

    /// Runs `f` on this calculator's book; `None` only if the store is gone
    /// (the page is being torn down).
    fn update_book<T>(&self, f: impl FnOnce(&mut Book) -> T) -> Option<T> {
        let defaults = self.defaults;
        self.store.try_update(|s| f(s.book(self.calc, defaults)))
    }

    /// The inputs on screen (tracked).
    pub fn inputs(&self) -> Value {
        if let Some(shared) = self.shared.get() {
            return shared;
        }
        self.with_book(|b| b.and_then(Book::current).map(|s| s.inputs.clone()))
            .unwrap_or_else(self.defaults)
    }

    pub fn set_inputs(&self, inputs: Value) {
        if self.shared.with_untracked(Option::is_some) {
            crate::ui::link::show_in_address(self.calc, &inputs);
            self.shared.set(Some(inputs));
        } else {
            let _ = self.update_book(|b| b.set_inputs(inputs));
        }
    }

    pub fn names(&self) -> Vec<String> {
        self.with_book(|b| b.map(Book::names))
            .unwrap_or_else(|| vec![crate::scenario::DEFAULT_SCENARIO.into()])
    }

    pub fn active(&self) -> String {
        self.with_book(|b| b.and_then(Book::current).map(|s| s.name.clone()))
            .unwrap_or_else(|| crate::scenario::DEFAULT_SCENARIO.into())
    }

    pub fn switch(&self, name: &str) {
        self.shared.set(None);
        let _ = self.update_book(|b| b.switch(name));
    }

    /// Saves what is on screen (a shared scenario included) as a new scenario.
    pub fn save_as(&self, name: &str) -> Result<String, String> {
        let inputs = self.inputs_untracked();
        let saved = self
            .update_book(|b| b.save_as(name, inputs))
            .unwrap_or(Err(GONE.into()))?;
        self.shared.set(None);
        Ok(saved)
    }

    pub fn rename(&self, name: &str) -> Result<String, String> {
        self.update_book(|b| b.rename(name))
            .unwrap_or(Err(GONE.into()))
    }

    pub fn duplicate(&self) -> Result<String, String> {
        self.update_book(Book::duplicate)
            .unwrap_or(Err(GONE.into()))
    }

    /// Deletes the open scenario; gives back what `restore` needs to undo it.
    pub fn delete(&self) -> Option<(usize, Scenario)> {
        let defaults = self.defaults();
        self.update_book(|b| b.delete(defaults)).flatten()
    }

    pub fn restore(&self, at: usize, scenario: Scenario) -> Result<String, String> {
        self.update_book(|b| b.restore(at, scenario))
            .unwrap_or(Err(GONE.into()))
    }

    /// Sets the defaults; gives back the inputs they replaced.
    pub fn reset(&self) -> Value {
        let before = self.inputs_untracked();
        self.set_inputs(self.defaults());
        before
    }

    fn inputs_untracked(&self) -> Value {
        untrack(|| self.inputs())
    }
}

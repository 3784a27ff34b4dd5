//! The app's state: the saved store, the notices, and each calculator's
//! view of its scenarios (saved, or opened from a link and not saved).

use crate::scenario::{Book, Scenario, Store};
use crate::text::quoted;
use crate::ui::drafts;
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

/// A change made by one click (a reset, a removal, a delete) that "Undo"
/// puts back, offered until the next change.
#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    /// The inputs `before` the change and just `after` it, and the
    /// `drafts` typed into their fields before it; `scenario` names the
    /// scenario they are in, as a draft's place does
    /// ([`drafts::scenario`]).
    Inputs {
        scenario: Value,
        before: Value,
        after: Value,
        drafts: Vec<Value>,
    },
    /// A deleted scenario, its place in the list and the `drafts` typed
    /// into it.
    Deleted {
        at: usize,
        scenario: Scenario,
        drafts: Vec<Value>,
    },
}

/// What the page says about the last one-click change.
#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    pub text: String,
    /// `None` once undone: the text then says what the undo did.
    pub undo: Option<Undo>,
    /// The one-click changes made just before, oldest first, each with its
    /// text: undone in turn after this one (two "Remove" clicks in a row,
    /// the second on the row that moved up, both come back).
    pub earlier: Vec<(String, Undo)>,
}

/// Most one-click changes in a row that "Undo" walks back through.
const MAX_UNDOS: usize = 20;

/// A calculator's scenarios. While a shared link is open its inputs live in
/// `shared` and in the address bar (so a reload keeps its edits): the saved
/// scenarios are never touched by a link.
#[derive(Clone, Copy)]
pub struct Scenarios {
    pub calc: &'static str,
    pub store: RwSignal<Store>,
    pub shared: RwSignal<Option<Value>>,
    /// What the last one-click change did, and how to undo it; or what
    /// its undo did. Gone at the next change.
    pub offer: RwSignal<Option<Offer>>,
    /// Counts the times the inputs on screen were replaced at once (a
    /// reset, a switch, a delete, an undo): each has every field show
    /// the value in force again (or its draft over it), even where that
    /// value did not change.
    pub replaced: RwSignal<u32>,
    defaults: fn() -> Value,
}

impl Scenarios {
    pub fn new(calc: &'static str, defaults: fn() -> Value) -> Self {
        let app = expect_context::<AppState>();
        Scenarios {
            calc,
            store: app.store,
            shared: RwSignal::new(None),
            offer: RwSignal::new(None),
            replaced: RwSignal::new(0),
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
        // Undo puts back the whole inputs: after another change it would
        // take that change back too.
        self.withdraw();
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
        self.withdraw();
        self.shared.set(None);
        let _ = self.update_book(|b| b.switch(name));
        self.replace();
    }

    /// Closes the shared scenario a link opened: the saved one shows again,
    /// and the text typed into the link's fields goes with the link.
    pub fn close_link(&self) {
        self.withdraw();
        drafts::set(self, &drafts::scenario(self), Vec::new());
        self.shared.set(None);
        crate::ui::link::clear_payload(self.calc);
        self.replace();
    }

    /// Has every field show the value in force again: see `replaced`.
    fn replace(&self) {
        self.replaced.update(|n| *n = n.wrapping_add(1));
    }

    /// Saves what is on screen (a shared scenario included) as a new scenario.
    pub fn save_as(&self, name: &str) -> Result<String, String> {
        self.withdraw();
        let inputs = self.inputs_untracked();
        // A link's text moves to the scenario it is saved as.
        let from_link = self.shared.with_untracked(Option::is_some);
        self.naming(from_link, || {
            let saved = self
                .update_book(|b| b.save_as(name, inputs))
                .unwrap_or(Err(GONE.into()))?;
            self.shared.set(None);
            Ok(saved)
        })
    }

    pub fn rename(&self, name: &str) -> Result<String, String> {
        self.withdraw();
        self.naming(true, || {
            self.update_book(|b| b.rename(name))
                .unwrap_or(Err(GONE.into()))
        })
    }

    pub fn duplicate(&self) -> Result<String, String> {
        self.withdraw();
        self.naming(false, || {
            self.update_book(Book::duplicate)
                .unwrap_or(Err(GONE.into()))
        })
    }

    /// Puts the inputs on screen under another name (`change`: a save as,
    /// a duplicate, or with `moved` a rename or a link saved), and gives
    /// them the drafts typed under the name before.
    fn naming(
        &self,
        moved: bool,
        change: impl FnOnce() -> Result<String, String>,
    ) -> Result<String, String> {
        let from = drafts::scenario(self);
        let named = change()?;
        drafts::carry(self, &from, moved);
        Ok(named)
    }

    /// Deletes the open scenario, offering to undo it.
    pub fn delete(&self) {
        let defaults = self.defaults();
        crate::ui::focus::keep_focus();
        let earlier = self.undoable_changes();
        let name = drafts::scenario(self);
        let typed = drafts::of(self, &name);
        if let Some((at, scenario)) = self.update_book(|b| b.delete(defaults)).flatten() {
            drafts::set(self, &name, Vec::new());
            let text = format!("Deleted {}", quoted(&scenario.name));
            self.offer_undo(
                text,
                Undo::Deleted {
                    at,
                    scenario,
                    drafts: typed,
                },
                earlier,
            );
        }
        self.replace();
    }

    /// The defaults, and no text left in any field that is not a number.
    pub fn reset(&self) {
        self.undoably("Inputs reset to the defaults", || {
            self.set_inputs(self.defaults());
            drafts::set(self, &drafts::scenario(self), Vec::new());
        });
        self.replace();
    }

    /// Makes `change` to the inputs (a removal, a reset) and offers to undo
    /// it, saying `text`, until the next change. A change that changed
    /// nothing (the defaults reset to the defaults, no text in a field)
    /// offers nothing.
    pub fn undoably(&self, text: impl Into<String>, change: impl FnOnce()) {
        self.undoably_dyn(text.into(), &mut once(change));
    }

    // The work of `undoably`, `remove_row`, `swap_rows` and `moving_rows`
    // is done once, on `dyn` closures: generic, it was copied into the wasm
    // for every call's closure.
    fn undoably_dyn(&self, text: String, change: &mut dyn FnMut()) {
        crate::ui::focus::keep_focus();
        let earlier = self.undoable_changes();
        let scenario = drafts::scenario(self);
        let before = self.inputs_untracked();
        let typed = drafts::of(self, &scenario);
        change();
        let after = self.inputs_untracked();
        if crate::json::same(&after, &before) && drafts::of(self, &scenario) == typed {
            return;
        }
        self.offer_undo(
            text,
            Undo::Inputs {
                scenario,
                before,
                after,
                drafts: typed,
            },
            earlier,
        );
    }

    /// Removes row `index` of the list `list` (its fields named
    /// `<list>.<row>.<key>`) by `change`, offering to undo it, saying
    /// `text`: the text typed into the rows below moves up with them.
    pub fn remove_row(&self, text: String, list: &str, index: usize, change: impl FnOnce()) {
        let mut change = once(change);
        self.undoably_dyn(text, &mut || {
            self.moving_rows(list, &mut change, &|row| match row.cmp(&index) {
                std::cmp::Ordering::Less => Some(row),
                std::cmp::Ordering::Equal => None,
                std::cmp::Ordering::Greater => Some(row - 1),
            })
        });
    }

    /// Swaps rows `a` and `b` of the list `list` by `change`, and the text
    /// typed into them with them.
    pub fn swap_rows(&self, list: &str, (a, b): (usize, usize), change: impl FnOnce()) {
        self.moving_rows(list, &mut once(change), &|row| {
            Some(if row == a {
                b
            } else if row == b {
                a
            } else {
                row
            })
        });
    }

    /// Makes `change`, which moves rows of `list` to `to(row)`; if it did
    /// change the inputs, the drafts typed into the rows follow them, and
    /// every field shows again what its row holds (a field whose value is
    /// the same in the row now there would keep the text of the row gone).
    fn moving_rows(
        &self,
        list: &str,
        change: &mut dyn FnMut(),
        to: &dyn Fn(usize) -> Option<usize>,
    ) {
        let before = self.inputs_untracked();
        change();
        if !crate::json::same(&self.inputs_untracked(), &before) {
            drafts::renumber(self, list, to);
            self.replace();
        }
    }

    /// The changes on offer, oldest first; none after an edit (which
    /// withdraws the offer).
    fn undoable_changes(&self) -> Vec<(String, Undo)> {
        self.offer.with_untracked(|o| {
            let Some(o) = o else { return Vec::new() };
            let mut all = o.earlier.clone();
            if let Some(undo) = &o.undo {
                all.push((o.text.clone(), undo.clone()));
            }
            all
        })
    }

    fn offer_undo(&self, text: String, undo: Undo, mut earlier: Vec<(String, Undo)>) {
        let over = earlier.len().saturating_sub(MAX_UNDOS - 1);
        earlier.drain(..over);
        self.offer.set(Some(Offer {
            text,
            undo: Some(undo),
            earlier,
        }));
    }

    /// Undoes the change on offer, and says what that did.
    pub fn undo(&self) {
        let Some((undo, mut earlier)) = self.offer.with_untracked(|o| {
            o.as_ref()
                .and_then(|o| Some((o.undo.clone()?, o.earlier.clone())))
        }) else {
            return;
        };
        // What the undo did: `Err` when it could not be done.
        let said: Result<String, String> = match undo {
            Undo::Inputs {
                scenario,
                before,
                after,
                drafts: typed,
            } => {
                // Another tab may have changed the scenario since: its edit
                // is not overwritten.
                if drafts::scenario(self) != scenario
                    || !crate::json::same(&self.inputs_untracked(), &after)
                {
                    Err("The scenario has changed since; nothing was undone".into())
                } else {
                    self.set_inputs(before);
                    drafts::set(self, &scenario, typed);
                    Ok("Undone".into())
                }
            }
            Undo::Deleted {
                at,
                scenario,
                drafts: typed,
            } => match self.update_book(|b| b.restore(at, scenario)) {
                Some(Ok(name)) => {
                    drafts::set(self, &Value::String(name.clone()), typed);
                    Ok(format!("{} is back", quoted(&name)))
                }
                Some(Err(e)) => Err(e),
                None => Err(GONE.into()),
            },
        };
        // The change made before this one is offered next.
        let offer = match (said, earlier.pop()) {
            (Ok(text), Some((before, undo))) => Offer {
                text: format!("{text}. Before that: {before}"),
                undo: Some(undo),
                earlier,
            },
            (Ok(text) | Err(text), _) => Offer {
                text,
                undo: None,
                earlier: Vec::new(),
            },
        };
        self.offer.set(Some(offer));
        self.replace();
    }

    /// Takes back the offer (or the report of an undo).
    pub fn withdraw(&self) {
        if self.offer.with_untracked(Option::is_some) {
            self.offer.set(None);
        }
    }

    fn inputs_untracked(&self) -> Value {
        untrack(|| self.inputs())
    }
}

/// `change` as a closure that may be called through `dyn FnMut`: it runs
/// the first time only.
fn once(change: impl FnOnce()) -> impl FnMut() {
    let mut change = Some(change);
    move || {
        if let Some(change) = change.take() {
            change();
        }
    }
}

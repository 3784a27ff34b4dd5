//! Keyboard focus around one-click changes and their undo (focus.js): it
//! never falls back to the top of the page when the control holding it
//! goes, and Ctrl+Z undoes the change on offer.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/ui/focus.js")]
extern "C" {
    /// Remembers the focused control as a change is made; if the change
    /// removes it (a row's "Remove"), focus goes to the row in its place.
    pub fn keep_focus();
    /// After "Undo" or "×": focus goes back to where the change was made.
    pub fn return_focus();
    /// Before a row moves `by` places: focus moves with it.
    pub fn follow_move(by: i32);
}

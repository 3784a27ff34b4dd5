//! Keyboard focus around one-click changes and their undo (focus.js, kept
//! in JavaScript: no wasm for it). When the control holding focus goes (a
//! "Remove" with its row, "Undo" or "×" with the notice) the browser drops
//! focus to the top of the page, and a keyboard user has to tab back from
//! there; these put it somewhere sensible instead. Ctrl+Z (⌘Z) presses the
//! notice's "Undo", which sits at the foot of the screen, far from the row
//! just removed, unless a text field has focus: there it is the field's own
//! undo. A form a button opens takes focus, and gives it back as it
//! closes. focus.js also says a page's settled headline figures to a
//! screen reader (`result::Announce`), without wasm.
//!
//! A list marks itself with `data-list="<name>"`, its rows' buttons with the
//! class `remove` and its add button with `data-add`; a row's move buttons
//! carry `data-move="earlier"` or `"later"`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/ui/focus.js")]
extern "C" {
    /// Remembers the focused control as a change is made. If the change
    /// removes it, focus goes to the "Remove" of the row now in its place,
    /// else of the last row, else to the list's add button.
    pub fn keep_focus();
    /// After "Undo" or "×": focus goes back where the change was made (the
    /// restored row's "Remove").
    pub fn return_focus();
    /// Before a row moves `by` places: focus moves with it, to the same
    /// button, or to the other where that one is disabled (first or last row).
    pub fn follow_move(by: i32);
    /// A small form opened by the focused button: focus goes to its field
    /// `id`, its text selected. Escape in the form presses its button
    /// marked `data-cancel`.
    pub fn focus_field(id: &str);
    /// The form opened by [`focus_field`] has closed: focus goes back to
    /// the button that opened it.
    pub fn focus_opener();
}

// Where keyboard focus goes when the control that held it disappears: a
// "Remove" button with its row, "Undo" or "×" with the notice. Left alone,
// the browser drops focus to the top of the page and a keyboard user has
// to tab back from there.
//
// A list marks itself with data-list="<name>", its rows' buttons with the
// class "remove" and its add button with data-add.

let spot = null;

// The focused control and, if it is a row's "Remove", its list and row.
function locate(el) {
  const list = el && el.closest ? el.closest("[data-list]") : null;
  return {
    el,
    list: list && list.getAttribute("data-list"),
    row: list ? Array.prototype.indexOf.call(list.querySelectorAll(".remove"), el) : -1,
  };
}

// Once the page has redrawn, and only if focus was lost: the control
// itself if it is still there; else the "Remove" of the row now in its
// place (the next row, or the restored one), of the last row, or the
// list's add button.
function refocus(at) {
  setTimeout(() => {
    const active = document.activeElement;
    if (!at || (active && active !== document.body)) return;
    if (at.el && at.el.isConnected) return at.el.focus();
    const list = at.list && document.querySelector('[data-list="' + at.list + '"]');
    if (!list || at.row < 0) return;
    const rows = list.querySelectorAll(".remove");
    const choices = [rows[Math.min(at.row, rows.length - 1)], list.querySelector("[data-add]")];
    const target = choices.find((b) => b && !b.disabled);
    if (target) target.focus();
  }, 0);
}

// Called as a one-click change (a removal, a reset) is made.
export function keep_focus() {
  spot = locate(document.activeElement);
  refocus(spot);
}

// Called as the notice's "Undo" or "×" is pressed: back to where the
// change was made.
export function return_focus() {
  refocus(spot);
}

// Called as a row is moved by its "↑ Earlier" or "↓ Later" (data-move):
// focus moves with the row, to the same button in its new place, or to
// the other one where that is disabled (the first or the last row).
export function follow_move(by) {
  const el = document.activeElement;
  const list = el && el.closest("[data-list]");
  const way = el && el.getAttribute("data-move");
  if (!list || !way) return;
  const buttons = (w) => list.querySelectorAll('[data-move="' + w + '"]');
  const to = Array.prototype.indexOf.call(buttons(way), el) + by;
  setTimeout(() => {
    const choices = [buttons(way)[to], buttons(way === "earlier" ? "later" : "earlier")[to]];
    const target = choices.find((b) => b && !b.disabled);
    if (target) target.focus();
  }, 0);
}

// Ctrl+Z (⌘Z) undoes the change on offer, unless a text field has focus:
// there it is the field's own undo. The notice sits at the foot of the
// screen, far from the row a keyboard user just removed.
addEventListener("keydown", (e) => {
  if ((e.key || "").toLowerCase() !== "z" || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return;
  const t = e.target;
  const text = t && (t.isContentEditable || t.tagName === "TEXTAREA" ||
    (t.tagName === "INPUT" && !/^(checkbox|radio|button|submit|reset)$/.test(t.type)));
  if (text) return;
  const undo = document.querySelector(".undo-offer [data-undo]");
  if (!undo) return;
  e.preventDefault();
  undo.click();
});

// Keyboard focus around one-click changes: see focus.rs. Shipped as it is,
// so its comments are short.
let spot = null;

// The focused control; for a row's "Remove", its list and row.
function locate(el) {
  const list = el && el.closest ? el.closest("[data-list]") : null;
  return {
    el,
    list: list && list.getAttribute("data-list"),
    row: list ? Array.prototype.indexOf.call(list.querySelectorAll(".remove"), el) : -1,
  };
}

// After the redraw, only if focus was lost.
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

export function keep_focus() {
  spot = locate(document.activeElement);
  refocus(spot);
}

export function return_focus() {
  refocus(spot);
}

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

// A small form a button opens (naming a scenario): focus to its field, and
// back to the button once it closes. Escape presses its [data-cancel].
let opener = null;

export function focus_field(id) {
  opener = document.activeElement;
  setTimeout(() => {
    const field = document.getElementById(id);
    if (field) {
      field.focus();
      field.select();
    }
  }, 0);
}

export function focus_opener() {
  const el = opener;
  opener = null;
  setTimeout(() => {
    if (el && el.isConnected && el.focus) el.focus();
  }, 0);
}

// What a page says to a screen reader (result.rs, Announce): an element's
// data-say becomes its text once unchanged for a second. Its first value,
// set as the page is built, is never said: only changes are observed.
new MutationObserver((changes) => {
  for (const c of changes) {
    const el = c.target;
    clearTimeout(el.sayTimer);
    el.sayTimer = setTimeout(() => {
      el.textContent = el.getAttribute("data-say");
    }, 1000);
  }
}).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ["data-say"] });

addEventListener("keydown", (e) => {
  if (e.key !== "Escape") return;
  const form = e.target && e.target.closest ? e.target.closest("form") : null;
  const cancel = form && form.querySelector("[data-cancel]");
  if (!cancel) return;
  e.preventDefault();
  cancel.click();
});

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

// A table wider than its wrap scrolls sideways (on a phone): the keyboard
// reaches the wrap then, so that its arrow keys scroll it, and only then
// (a stop on every table of a desktop page would be in the way). A wrap and
// its table are watched as they come, and checked as either changes size.
const watched = new WeakSet();
const sized = new ResizeObserver((entries) => {
  for (const e of entries) {
    const wrap = e.target.closest(".table-wrap");
    if (!wrap) continue;
    const scrolls = wrap.scrollWidth > wrap.clientWidth;
    if (scrolls !== wrap.hasAttribute("tabindex")) {
      if (scrolls) wrap.setAttribute("tabindex", "0");
      else wrap.removeAttribute("tabindex");
    }
  }
});
new MutationObserver(() => {
  for (const el of document.querySelectorAll(".table-wrap, .table-wrap > table")) {
    if (!watched.has(el)) {
      watched.add(el);
      sized.observe(el);
    }
  }
}).observe(document.body, { childList: true, subtree: true });

//! The display of one result, with its machine-readable contract.

use crate::calc::{Currency, Outcome};
use crate::ui::format::{format, Style};
use leptos::prelude::*;

/// A result's `data-value` (the full-precision number, or empty) and
/// `data-state` (`defined` or `undefined`): the contract every result
/// element on every page follows.
pub fn contract(o: Outcome) -> (String, &'static str) {
    match o {
        Outcome::Value(x) => (crate::text::shortest(x), "defined"),
        Outcome::Undefined(_) => (String::new(), "undefined"),
    }
}

/// A result as it is written: the figure, or why there is none.
pub fn outcome_text(o: Outcome, style: Style, currency: Currency) -> String {
    match o {
        Outcome::Value(x) => format(x, style, currency),
        Outcome::Undefined(why) => format!("Not defined: {why}"),
    }
}

/// A result as a formula or a sentence cites it: the figure, or "not
/// defined" (the card beside it says why).
pub fn cited(o: Outcome, style: Style, currency: Currency) -> String {
    match o {
        Outcome::Value(x) => format(x, style, currency),
        Outcome::Undefined(_) => "not defined".into(),
    }
}

/// The most characters of a figure that fit a half-width card on a 360 px
/// phone ("$820,506"; "$1,040,506" does not).
const LONG: usize = 9;

/// A figure too long for half a phone's row: its card takes the whole row
/// (a figure never breaks across lines).
pub fn is_long(text: &str) -> bool {
    text.chars().count() > LONG
}

/// One result: label, formatted value, and how it was computed.
///
/// The value element carries `data-result` (the key), `data-value` (the full
/// precision number, or empty) and, when the result does not exist for the
/// inputs, `data-state="undefined"` and a short explanation instead of a number.
#[component]
pub fn ResultValue(
    /// The result's key in the scenario format.
    key: &'static str,
    /// What a person calls it.
    label: &'static str,
    /// The value, or why there is none.
    #[prop(into)]
    outcome: Signal<Outcome>,
    /// Money, a percentage, a count, months…: how the value is written.
    style: Style,
    /// The calculator's currency, for money.
    #[prop(into)]
    currency: Signal<Currency>,
    /// The formula with the live numbers in it.
    #[prop(into)]
    formula: Signal<String>,
    /// Shown under the value (e.g. a warning about the horizon).
    #[prop(into, optional)]
    note: MaybeProp<String>,
    /// A headline result is shown larger.
    #[prop(optional)]
    headline: bool,
) -> impl IntoView {
    let value = move || contract(outcome.get()).0;
    let state = move || contract(outcome.get()).1;
    let text = Memo::new(move |_| outcome_text(outcome.get(), style, currency.get()));
    view! {
        <div class="result" class:headline=headline class:long=move || text.with(|t| is_long(t))>
            <dt>{label}</dt>
            <dd>
                <output
                    class="value"
                    // Not a live region (an output is one by default): below.
                    aria-live="off"
                    data-result=key
                    data-value=value
                    data-state=state
                    class:undefined=move || state() == "undefined"
                    // Its length, for the type size that fits it on its card.
                    data-chars=move || text.with(|t| t.chars().count().to_string())
                >
                    {text}
                </output>
                {move || note.get().map(|n| view! { <p class="note">{n}</p> })}
                <How formula=formula />
                {headline.then(|| view! { <Announce text=Signal::derive(move || format!("{label}: {}", text.get())) /> })}
            </dd>
        </div>
    }
}

/// A phone's summary of a page's headline figures, each with its label:
/// above the inputs, and kept at the top of the screen while they scroll
/// under it, so that an edit's effect is seen without scrolling to the
/// results, about three screens below (the CSS's `.peek`; hidden wherever
/// the results sit beside the inputs, and as the figures' own cards come
/// into view). Not read out: the cards are, and say their figures as they
/// settle (`Announce`).
#[component]
pub fn Peek(
    /// Each figure's label, and the figure or "not defined" (`cited`).
    figures: [(&'static str, Signal<String>); 3],
) -> impl IntoView {
    let figure = |(label, text): (&'static str, Signal<String>)| {
        view! { <p><span>{label}</span><b>{text}</b></p> }
    };
    let [a, b, c] = figures;
    view! {
        <div class="peek no-print" aria-hidden="true">
            {figure(a)}
            {figure(b)}
            {figure(c)}
        </div>
    }
}

/// "How is this computed?", opening on the formula with the live numbers.
#[component]
pub fn How(
    /// The formula with the live numbers in it.
    #[prop(into)]
    formula: Signal<String>,
) -> impl IntoView {
    view! {
        <details class="how">
            // Written "How?" on a phone's half-width card and in the offer
            // comparison's row names; read in full.
            <summary>"How"<span class="in-full">" is this computed"</span>"?"</summary>
            <p class="formula">{move || formula.get()}</p>
        </details>
    }
}

/// Says `text` to a screen reader once it has stayed the same for a moment
/// after a change, and never as the page opens: a hidden polite live region
/// whose text focus.js writes from its `data-say` a second after the last
/// change (typing a number changes the results at every key). The figures
/// themselves are not live regions: an `<output>` is one by default (role
/// `status`), and a page of them read every figure that changed, without
/// its label, at every key. A page says its headline figures this way,
/// each with its label.
#[component]
pub fn Announce(
    /// What to say, once settled.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    view! { <p class="visually-hidden" aria-live="polite" aria-atomic="true" data-say=move || text.get()></p> }
}

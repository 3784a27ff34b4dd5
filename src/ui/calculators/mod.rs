//! One page per calculator, and the pieces every page has.

#[cfg(feature = "compensation")]
pub mod compensation;
#[cfg(feature = "equity")]
pub mod equity;
#[cfg(feature = "roi")]
pub mod roi;
#[cfg(feature = "unit-economics")]
pub mod unit_economics;

use crate::calc::{Currency, Outcome};
use crate::input::Problem;
use crate::text::quoted;
use crate::ui::components::result::cited;
use crate::ui::format::{long_date, today_date, Style};
use crate::ui::open_link;
use crate::ui::state::Scenarios;
use leptos::prelude::*;
use serde_json::Value;

/// A result as a page lists it: key, label, style, where to find it in the
/// calculator's results, and whether it is a headline figure.
pub type ResultRow<R> = (&'static str, &'static str, Style, fn(&R) -> Outcome, bool);

/// A page's headline figures as its `Peek` shows them: its first three
/// results, the figures its cards show large.
pub fn headlines<R>(
    rows: &[ResultRow<R>],
    results: Memo<R>,
    currency: Signal<Currency>,
) -> [(&'static str, Signal<String>); 3]
where
    R: Send + Sync + 'static,
{
    std::array::from_fn(|n| {
        let (_, label, style, get, _) = rows[n];
        let text = Signal::derive(move || cited(results.with(get), style, currency.get()));
        (label, text)
    })
}

/// What every calculator page starts from: its scenarios (a link for this
/// page opened as an unsaved shared scenario), the inputs read from them
/// like typed input, and the values that could not be used.
pub fn open_page<I>(
    calc: &'static str,
    defaults: fn() -> Value,
    read: fn(&Value) -> (I, Vec<Problem>),
) -> (Scenarios, Memo<I>, Memo<Vec<Problem>>)
where
    I: Clone + PartialEq + Send + Sync + 'static,
{
    let scenarios = Scenarios::new(calc, defaults);
    // The page's fields keep their drafts by it (`ui::drafts`).
    provide_context(scenarios);
    open_link(scenarios);
    let both = Memo::new(move |_| read(&scenarios.inputs()));
    let inputs = Memo::new(move |_| both.with(|r| r.0.clone()));
    let problems = Memo::new(move |_| both.with(|r| r.1.clone()));
    (scenarios, inputs, problems)
}

/// The page's currency, from its inputs. A memo: the fields showing the
/// currency are not woken by every edit.
pub fn currency_of<I>(inputs: Memo<I>, get: fn(&I) -> Currency) -> Signal<Currency>
where
    I: Send + Sync + 'static,
{
    Memo::new(move |_| inputs.with(get)).into()
}

/// What the printed report adds under the page heading (the heading itself
/// is static HTML named by head.js): the scenario and the date. A shared
/// link's scenario is none of the reader's, so it is named as a link's.
#[component]
pub fn ReportMeta(scenarios: Scenarios) -> impl IntoView {
    view! {
        <p class="print-only report-meta">
            {move || {
                let what = if scenarios.shared.with(Option::is_some) {
                    "Scenario from a shared link".to_string()
                } else {
                    format!("Scenario {}", quoted(&scenarios.active()))
                };
                format!("{what} · {}", long_date(today_date()))
            }}
        </p>
    }
}

/// The calculator's currency; it travels in the link with the inputs.
#[component]
pub fn CurrencySelect(
    /// The currency in force.
    #[prop(into)]
    value: Signal<Currency>,
    /// Called with the currency picked.
    on_change: Callback<Currency>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for="f-currency">"Currency"</label>
            <select
                id="f-currency"
                name="currency"
                on:change=move |ev| {
                    if let Some(c) = Currency::from_code(&event_target_value(&ev)) {
                        on_change.run(c);
                    }
                }
            >
                {Currency::ALL
                    .into_iter()
                    .map(|c| {
                        view! {
                            <option value=c.code() prop:selected=move || value.get() == c>
                                {format!("{} — {}", c.code(), c.name())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Values from a link or from storage that could not be used.
#[component]
pub fn ProblemList(
    /// Each value set aside: its key and why.
    #[prop(into)]
    problems: Signal<Vec<Problem>>,
) -> impl IntoView {
    let any = Memo::new(move |_| problems.with(|p| !p.is_empty()));
    move || {
        any.get().then(|| view! {
            <div class="notice warn" role="alert">
                <p>"Some values in this scenario could not be used; their defaults are shown instead:"</p>
                <ul>
                    {move || {
                        problems
                            .get()
                            .into_iter()
                            .map(|p| view! { <li><code>{p.key}</code>": "{p.message}</li> })
                            .collect_view()
                    }}
                </ul>
            </div>
        })
    }
}

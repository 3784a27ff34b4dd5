//! One page per calculator, and the pieces every page has.

pub mod compensation;
pub mod equity;
pub mod roi;
pub mod unit_economics;

use crate::calc::Currency;
use crate::input::Problem;
use crate::ui::format::today;
use leptos::prelude::*;

/// What the printed report adds under the page heading (the heading itself
/// is static HTML named by head.js): the scenario and the date.
#[component]
pub fn ReportMeta(#[prop(into)] scenario: Signal<String>) -> impl IntoView {
    view! {
        <p class="print-only report-meta">
            {move || format!("Scenario “{}” · {}", scenario.get(), today())}
        </p>
    }
}

/// The calculator's currency; it travels in the link with the inputs.
#[component]
pub fn CurrencySelect(
    #[prop(into)] value: Signal<Currency>,
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
pub fn ProblemList(#[prop(into)] problems: Signal<Vec<Problem>>) -> impl IntoView {
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

//! One page per calculator, and the pieces every page has.

pub mod unit_economics;

use crate::calc::Currency;
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
                            <option value=c.code() selected=move || value.get() == c>
                                {format!("{} — {}", c.code(), c.name())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A calculator that is not built yet: says so and computes nothing.
#[component]
pub fn ComingNext() -> impl IntoView {
    view! {
        <article class="calculator coming-next">
            <p class="notice">
                "Coming next. This calculator is not built yet, so this page computes nothing. "
                <a href="#/unit-economics">"Unit economics"</a>
                " is ready to use."
            </p>
        </article>
    }
}

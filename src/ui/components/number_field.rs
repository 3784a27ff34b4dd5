//! The one numeric input of every calculator.

use crate::calc::Currency;
use crate::input::{input_text, FieldSpec, Kind};
use leptos::prelude::*;

/// A labelled text field that accepts what people type and paste (`1,234.50`,
/// `$1k`, `15%`), refuses anything else with a message beside it, and keeps
/// the last valid value in force meanwhile. Its `name` is the scenario key.
#[component]
pub fn NumberField(
    /// Key, label, kind and range of the field.
    spec: FieldSpec,
    /// The value in force.
    #[prop(into)]
    value: Signal<f64>,
    /// Called with each new valid value.
    on_change: Callback<f64>,
    /// Currency of the calculator, for the unit shown beside money fields.
    #[prop(into, optional)]
    currency: MaybeProp<Currency>,
    /// Overrides the spec's label (e.g. a stage's own name).
    #[prop(into, optional)]
    label: MaybeProp<String>,
    /// Overrides the spec's key as the control's `name` (list items).
    #[prop(into, optional)]
    name: MaybeProp<String>,
) -> impl IntoView {
    let text = RwSignal::new(input_text(value.get_untracked()));
    let error = RwSignal::new(None::<String>);
    // A value changed from outside (scenario switch, reset, another tab)
    // replaces the text, unless the text already says that value.
    Effect::new(move |_| {
        let v = value.get();
        let shown = text.with_untracked(|t| spec.parse(t).ok());
        if shown != Some(v) {
            text.set(input_text(v));
            error.set(None);
        }
    });
    let name = move || name.get().unwrap_or_else(|| spec.key.to_string());
    let id = move || format!("f-{}", name());
    let error_id = move || format!("{}-error", id());
    let unit = move || match spec.kind {
        Kind::Money => currency.get().unwrap_or_default().code(),
        Kind::Percent => "%",
        Kind::Months => "months",
        Kind::Count => "",
    };
    let on_input = move |ev| {
        let typed = event_target_value(&ev);
        match spec.parse(&typed) {
            Ok(x) => {
                error.set(None);
                on_change.run(x);
            }
            Err(message) => error.set(Some(message)),
        }
        text.set(typed);
    };
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id>{move || label.get().unwrap_or_else(|| spec.label.to_string())}</label>
            <div class="control">
                <input
                    id=id
                    name=name
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    maxlength="10000"
                    prop:value=move || text.get()
                    on:input=on_input
                    on:blur=move |_| {
                        // A focused field also blurs when the page is torn
                        // down under it (a pasted link): its signals may be
                        // gone by then.
                        if let (Some(true), Some(v)) =
                            (error.try_with_untracked(Option::is_none), value.try_get_untracked())
                        {
                            text.try_set(input_text(v));
                        }
                    }
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    aria-describedby=error_id
                />
                <span class="unit" aria-hidden="true">{unit}</span>
            </div>
            <p class="message" id=error_id role="alert" aria-live="polite">
                {move || error.get().unwrap_or_default()}
            </p>
            {(!spec.help.is_empty()).then(|| view! { <p class="help">{spec.help}</p> })}
        </div>
    }
}

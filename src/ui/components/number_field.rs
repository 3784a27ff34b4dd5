//! The one numeric input of every calculator.

use crate::calc::Currency;
use crate::input::{decimal_comma, field_text, FieldSpec, Kind};
use crate::ui::drafts;
use crate::ui::format::{decimal_pad_types_a_comma, decimal_pad_types_a_point};
use crate::ui::state::Scenarios;
use leptos::prelude::*;

/// A labelled text field that accepts what people type and paste (`1,234.50`,
/// `$1k`, `15%`), refuses anything else with a message beside it, and keeps
/// the last valid value in force meanwhile. Its `name` is the scenario key.
/// On a calculator page, refused text is kept as a draft (`ui::drafts`) and
/// comes back after a reload.
#[component]
pub fn NumberField(
    /// Key, label, kind and range of the field.
    spec: FieldSpec,
    /// The value in force.
    #[prop(into)]
    value: Signal<f64>,
    /// Called with each new valid value.
    on_change: Callback<f64>,
    /// Currency of the calculator: the unit shown beside money fields, and
    /// how every field groups digits (lakhs and crores with rupees).
    #[prop(into, optional)]
    currency: MaybeProp<Currency>,
    /// Overrides the spec's label (e.g. "Stage 2 conversion").
    #[prop(into, optional)]
    label: Option<String>,
    /// Overrides the spec's key as the control's `name` (list items).
    #[prop(into, optional)]
    name: Option<String>,
) -> impl IntoView {
    // Name and label are fixed while the field is shown (a list builds its
    // rows again when a row is added or removed): written once, they need
    // no effect each.
    let name = name.unwrap_or_else(|| spec.key.to_string());
    let label = label.unwrap_or_else(|| spec.label.to_string());
    let id = format!("f-{name}");
    let error_id = format!("{id}-error");
    // Where this field's draft is kept: only on a calculator page.
    let scenarios = use_context::<Scenarios>();
    let field = StoredValue::new(name.clone());
    let at = move || scenarios.map(|s| field.with_value(|name| drafts::place(&s, name)));
    // A value as the field writes it: grouped as its calculator's currency
    // groups numbers (in lakhs and crores with rupees).
    let lakhs = move || currency.get().is_some_and(Currency::in_lakhs);
    let written = move |v: f64| field_text(v, currency.get_untracked().unwrap_or_default());
    // The text for a value in force: what was typed over it and is not a
    // number yet, if anything was, else the value itself.
    let shown = move |v: f64| {
        let draft = at().and_then(|at| drafts::find(&at, v));
        match draft.map(|d| (spec.parse(&d), d)) {
            Some((Err(message), d)) => (d, Some(message)),
            _ => (written(v), None),
        }
    };
    let (first_text, first_error) = shown(value.get_untracked());
    let text = RwSignal::new(first_text);
    let error = RwSignal::new(first_error);
    // A value changed from outside (another tab, an undo) replaces the
    // text, unless the text already says that value; inputs replaced at
    // once (a reset, a switch) replace it anyway. The new text is what was
    // typed over the value in force, if anything was. The value is read
    // again whenever any input changes: then, unchanged, it leaves the text
    // alone, refused text included. A currency grouping amounts otherwise
    // writes the amount again in its grouping.
    let replaced = move || scenarios.map_or(0, |s| s.replaced.get());
    Effect::new(move |last: Option<(u32, f64, bool)>| {
        let (now, v, grouping) = (replaced(), value.get(), lakhs());
        if let Some((then, was, grouped)) = last {
            let says_v = text.with_untracked(|t| spec.parse(t).ok()) == Some(v);
            if then != now || (was != v && !says_v) {
                let (t, e) = shown(v);
                text.set(t);
                error.set(e);
            } else if grouped != grouping && says_v {
                text.set(written(v));
            }
        }
        (now, v, grouping)
    });
    let unit = move || match spec.kind {
        Kind::Money => currency.get().unwrap_or_default().code(),
        Kind::Percent => "%",
        Kind::Months => "months",
        Kind::Count => "",
    };
    // A phone's decimal pad has no minus sign on iOS, and in some regions
    // a comma for its point: then the field asks for the keyboard.
    let pad = spec.min >= 0.0 && decimal_pad_types_a_point();
    let on_input = move |ev| {
        let typed = event_target_value(&ev);
        match spec.parse(&typed) {
            Ok(x) => {
                error.set(None);
                if let Some(at) = at() {
                    drafts::forget(&at);
                }
                on_change.run(x);
            }
            Err(message) => {
                // Typed on a decimal pad with no point: the keyboard has one.
                if pad && decimal_pad_types_a_point() && decimal_comma(&typed, spec.kind) {
                    decimal_pad_types_a_comma();
                }
                error.set(Some(message));
                // Like any edit, it ends the offer to undo the last reset
                // or removal, which would now undo this too.
                if let Some(s) = scenarios {
                    s.withdraw();
                }
                if let Some(at) = at() {
                    drafts::keep(&at, &typed, value.get_untracked());
                }
            }
        }
        text.set(typed);
    };
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            <div class="control">
                <input
                    id=id
                    name=name
                    type="text"
                    inputmode=if pad { "decimal" } else { "text" }
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
                            text.try_set(written(v));
                        }
                    }
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    aria-describedby=error_id.clone()
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

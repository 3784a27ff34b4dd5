//! The text and choice controls shared by the calculators (numbers have
//! their own component, `NumberField`).

use leptos::prelude::*;

/// A labelled one-line text field whose `name` is its scenario key. What is
/// typed is kept as text (never parsed as markup) and cut at `max_chars`.
///
/// The field also carries its text as `data-text`, which print shows in
/// the input's place: an input is one line cut at its width, and on paper
/// nothing scrolls, so a long name would be printed cut.
#[component]
pub fn TextField(
    /// The field's key in the scenario JSON (and its `id`, prefixed `f-`).
    #[prop(into)]
    name: String,
    /// What the field is called, on screen and for assistive technology.
    #[prop(into)]
    label: String,
    /// The text in force.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the text as it is typed, already cut at `max_chars`.
    on_change: Callback<String>,
    /// The most characters kept.
    max_chars: usize,
) -> impl IntoView {
    let id = format!("f-{name}");
    view! {
        <div class="field" data-text=move || value.get()>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type="text"
                autocomplete="off"
                maxlength=max_chars
                prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev).chars().take(max_chars).collect())
            />
        </div>
    }
}

/// A labelled select among fixed choices: `(value in the scenario, label)`.
#[component]
pub fn ChoiceField(
    /// The field's key in the scenario JSON (and its `id`, prefixed `f-`).
    #[prop(into)]
    name: String,
    /// What the field is called, on screen and for assistive technology.
    #[prop(into)]
    label: String,
    /// `(value in the scenario, what the option reads)`, in order.
    choices: &'static [(&'static str, &'static str)],
    /// The value in force, one of `choices`' values.
    #[prop(into)]
    value: Signal<&'static str>,
    /// Called with the value picked.
    on_change: Callback<String>,
) -> impl IntoView {
    let id = format!("f-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name on:change=move |ev| on_change.run(event_target_value(&ev))>
                {choices
                    .iter()
                    .map(|&(v, text)| view! { <option value=v prop:selected=move || value.get() == v>{text}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A labelled date field whose `name` is its scenario key. The browser's
/// picker gives `YYYY-MM-DD`, read by the same parser as the scenario
/// format; clearing it reports `None` (the caller decides what that means).
#[component]
pub fn DateField(
    /// The field's key in the scenario JSON (and its `id`, prefixed `f-`).
    #[prop(into)]
    name: String,
    /// What the field is called, on screen and for assistive technology.
    #[prop(into)]
    label: String,
    /// The date in force; `None` shows an empty field.
    #[prop(into)]
    value: Signal<Option<chrono::NaiveDate>>,
    /// Called with each date picked, or `None` when the field is cleared.
    on_change: Callback<Option<chrono::NaiveDate>>,
    /// A line under the field; none if empty.
    #[prop(optional)]
    help: &'static str,
) -> impl IntoView {
    let id = format!("f-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type="date"
                prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    if text.is_empty() {
                        on_change.run(None);
                    } else if let Some(d) = crate::input::parse_iso_date(&text) {
                        on_change.run(Some(d));
                    }
                }
            />
            {(!help.is_empty()).then(|| view! { <p class="help">{help}</p> })}
        </div>
    }
}

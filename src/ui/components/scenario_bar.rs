//! Named scenarios of one calculator: switch, save as, rename, duplicate,
//! delete, reset, copy link; and the banner of a scenario opened from a link.

use crate::text::quoted;
use crate::ui::focus::{focus_field, focus_opener, return_focus};
use crate::ui::link;
use crate::ui::state::Scenarios;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy, PartialEq)]
enum Naming {
    SaveAs,
    Rename,
}

/// The calculator's named scenarios and their actions, the banner of a
/// scenario opened from a link, and the notice of the last one-click change.
#[component]
pub fn ScenarioBar(
    /// The calculator's scenarios.
    scenarios: Scenarios,
    /// The calculator has a read-only presentation view, and the bar offers
    /// a link that opens in it.
    #[prop(optional)]
    present: bool,
) -> impl IntoView {
    let naming = RwSignal::new(None::<Naming>);
    let name_text = RwSignal::new(String::new());
    let confirm_delete = RwSignal::new(false);
    let message = RwSignal::new(String::new());
    let link_text = RwSignal::new(None::<String>);
    let is_shared = move || scenarios.shared.with(Option::is_some);
    // Parts shown or hidden are rebuilt only when these change.
    let shared_open = Memo::new(move |_| is_shared());
    let naming_open = Memo::new(move |_| naming.with(Option::is_some));

    let start = move |kind: Naming| {
        confirm_delete.set(false);
        name_text.set(match kind {
            Naming::SaveAs if is_shared() => "Shared scenario".into(),
            Naming::SaveAs => format!("{} (copy)", scenarios.active()),
            Naming::Rename => scenarios.active(),
        });
        naming.set(Some(kind));
        focus_field("scenario-name");
    };
    let finish = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = name_text.get_untracked();
        let done = match naming.get_untracked() {
            Some(Naming::SaveAs) => scenarios.save_as(&name).map(|n| {
                // The shared scenario, if one was open, is now a saved one.
                link::clear_payload(scenarios.calc);
                format!("Saved as {}", quoted(&n))
            }),
            Some(Naming::Rename) => scenarios
                .rename(&name)
                .map(|n| format!("Renamed to {}", quoted(&n))),
            None => return,
        };
        match done {
            Ok(msg) => {
                naming.set(None);
                message.set(msg);
                focus_opener();
            }
            Err(e) => message.set(e),
        }
    };
    let copy_link = move |suffix: &'static str, done: &'static str| {
        let inputs = untrack(|| scenarios.inputs());
        let refused = refused_fields();
        spawn_local(async move {
            let url = link::compact_share_url(scenarios.calc, &inputs).await + suffix;
            link_text.set(Some(url.clone()));
            let copied = if link::copy(&url).await {
                done
            } else {
                "Copy the link from the box below."
            };
            // The link carries the values in force, not text being typed.
            let warning = match refused {
                0 => String::new(),
                1 => " One field holds text it does not accept; the link carries its last valid value.".into(),
                n => format!(" {n} fields hold text they do not accept; the link carries their last valid values."),
            };
            message.set(format!("{copied}{warning}"));
        });
    };
    // A link goes stale as soon as an input changes.
    Effect::new(move |_| {
        scenarios.inputs();
        link_text.set(None);
    });

    view! {
        <section class="scenario-bar no-print" aria-label="Scenarios">
            {move || {
                shared_open.get().then(|| view! {
                <div class="shared-banner" role="status">
                    <p>
                        <strong>"You opened a shared scenario."</strong>
                        " It is not saved: your own scenarios are unchanged."
                    </p>
                    <button type="button" class="primary" on:click=move |_| start(Naming::SaveAs)>
                        "Save to my scenarios"
                    </button>
                    <button
                        type="button"
                        on:click=move |_| scenarios.close_link()
                    >
                        "Close it"
                    </button>
                </div>
                })
            }}
            <div class="scenario-row">
                <label for="scenario-select">"Scenario"</label>
                <select
                    id="scenario-select"
                    disabled=is_shared
                    on:change=move |ev| {
                        scenarios.switch(&event_target_value(&ev));
                        naming.set(None);
                        confirm_delete.set(false);
                    }
                >
                    {move || {
                        let active = scenarios.active();
                        scenarios
                            .names()
                            .into_iter()
                            .map(|n| {
                                let selected = n == active;
                                let value = n.clone();
                                view! { <option value=value selected=selected>{n}</option> }
                            })
                            .collect_view()
                    }}
                </select>
                <button type="button" on:click=move |_| start(Naming::SaveAs)>"Save as…"</button>
                <button type="button" disabled=is_shared on:click=move |_| start(Naming::Rename)>
                    "Rename…"
                </button>
                <button
                    type="button"
                    disabled=is_shared
                    on:click=move |_| {
                        message.set(match scenarios.duplicate() {
                            Ok(n) => format!("Duplicated as {}", quoted(&n)),
                            Err(e) => e,
                        })
                    }
                >
                    "Duplicate"
                </button>
                <button
                    type="button"
                    disabled=is_shared
                    on:click=move |_| {
                        if confirm_delete.get_untracked() {
                            confirm_delete.set(false);
                            message.set(String::new());
                            scenarios.delete();
                        } else {
                            confirm_delete.set(true);
                            message.set(String::new());
                        }
                    }
                >
                    {move || if confirm_delete.get() { "Really delete?" } else { "Delete" }}
                </button>
                <button
                    type="button"
                    on:click=move |_| {
                        message.set(String::new());
                        scenarios.reset();
                    }
                >
                    "Reset to defaults"
                </button>
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| copy_link("", "Link copied. Anyone who opens it sees these inputs.")
                >
                    "Copy link"
                </button>
                {present.then(|| view! {
                    <button
                        type="button"
                        on:click=move |_| copy_link(
                            "&view=present",
                            "Presentation link copied. It opens read-only; the reader can edit a copy.",
                        )
                    >
                        "Copy presentation link"
                    </button>
                })}
            </div>
            {move || {
                naming_open.get().then(|| view! {
                <form class="naming" on:submit=finish>
                    <label for="scenario-name">
                        {move || match naming.get() {
                            Some(Naming::Rename) => "New name",
                            _ => "Save as",
                        }}
                    </label>
                    <input
                        id="scenario-name"
                        type="text"
                        maxlength="80"
                        prop:value=move || name_text.get()
                        on:input=move |ev| name_text.set(event_target_value(&ev))
                    />
                    <button type="submit" class="primary">"OK"</button>
                    <button type="button" data-cancel="" on:click=move |_| { naming.set(None); focus_opener(); }>"Cancel"</button>
                </form>
                })
            }}
            {move || {
                link_text
                    .get()
                    .map(|url| {
                        view! {
                            <div class="share-link">
                                <label for="share-link">"Link to this scenario"</label>
                                <input id="share-link" type="text" readonly prop:value=url />
                            </div>
                        }
                    })
            }}
            <p class="bar-message" role="status">{move || message.get()}</p>
            <UndoOffer scenarios=scenarios />
        </section>
    }
}

/// The last one-click change (a reset, a removal, a delete) and its
/// "Undo", at the foot of the screen wherever the click was; gone at the
/// next change.
#[component]
fn UndoOffer(
    /// Whose last one-click change is offered.
    scenarios: Scenarios,
) -> impl IntoView {
    let text = move || scenarios.offer.with(|o| o.as_ref().map(|o| o.text.clone()));
    let undoable = move || {
        scenarios
            .offer
            .with(|o| o.as_ref().is_some_and(|o| o.undo.is_some()))
    };
    view! {
        <div class="undo-offer no-print" role="status" class:shown=move || text().is_some()>
            <span>{move || text().unwrap_or_default()}</span>
            {move || undoable().then(|| view! {
                <button
                    type="button"
                    data-undo=""
                    aria-keyshortcuts="Control+Z Meta+Z"
                    title="Ctrl+Z (⌘Z on a Mac)"
                    on:click=move |_| {
                        scenarios.undo();
                        return_focus();
                    }
                >
                    "Undo"
                </button>
            })}
            {move || text().is_some().then(|| view! {
                <button type="button" aria-label="Dismiss" on:click=move |_| {
                    scenarios.withdraw();
                    return_focus();
                }>"×"</button>
            })}
        </div>
    }
}

/// How many fields on the page show text they refuse, not a number or out
/// of their range (each keeps its last valid value in force meanwhile).
fn refused_fields() -> u32 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(".field.invalid").ok())
        .map_or(0, |list| list.length())
}

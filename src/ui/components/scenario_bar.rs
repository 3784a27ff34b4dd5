//! Named scenarios of one calculator: switch, save as, rename, duplicate,
//! delete, reset, copy link; and the banner of a scenario opened from a link.

use crate::scenario::Scenario;
use crate::ui::link;
use crate::ui::state::Scenarios;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;

#[derive(Clone, Copy, PartialEq)]
enum Naming {
    SaveAs,
    Rename,
}

/// What "Undo" beside the bar's message puts back: one click must not
/// lose a scenario someone built.
#[derive(Clone)]
enum Undo {
    /// The inputs "Reset to defaults" replaced, in the scenario named.
    Reset { scenario: String, inputs: Value },
    /// A deleted scenario and its place in the list.
    Delete { at: usize, scenario: Scenario },
}

/// `present`: the calculator has a read-only presentation view, and the bar
/// offers a link that opens in it.
#[component]
pub fn ScenarioBar(scenarios: Scenarios, #[prop(optional)] present: bool) -> impl IntoView {
    let naming = RwSignal::new(None::<Naming>);
    let name_text = RwSignal::new(String::new());
    let confirm_delete = RwSignal::new(false);
    let message = RwSignal::new(String::new());
    // Offered only while the message it came with is shown.
    let undo = RwSignal::new(None::<(String, Undo)>);
    let offer_undo = move |text: String, what: Undo| {
        message.set(text.clone());
        undo.set(Some((text, what)));
    };
    let undo_shown = move || {
        undo.with(|u| {
            u.as_ref()
                .is_some_and(|(text, _)| message.with(|m| m == text))
        })
    };
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
    };
    let finish = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = name_text.get_untracked();
        let done = match naming.get_untracked() {
            Some(Naming::SaveAs) => scenarios.save_as(&name).map(|n| {
                // The shared scenario, if one was open, is now a saved one.
                link::clear_payload(scenarios.calc);
                format!("Saved as “{n}”")
            }),
            Some(Naming::Rename) => scenarios.rename(&name).map(|n| format!("Renamed to “{n}”")),
            None => return,
        };
        match done {
            Ok(msg) => {
                naming.set(None);
                message.set(msg);
            }
            Err(e) => message.set(e),
        }
    };
    let copy_link = move |suffix: &'static str, done: &'static str| {
        let inputs = untrack(|| scenarios.inputs());
        spawn_local(async move {
            let url = link::compact_share_url(scenarios.calc, &inputs).await + suffix;
            link_text.set(Some(url.clone()));
            message.set(if link::copy(&url).await {
                done.into()
            } else {
                "Copy the link from the box below.".into()
            });
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
                        on:click=move |_| {
                            scenarios.shared.set(None);
                            link::clear_payload(scenarios.calc);
                        }
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
                        undo.set(None);
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
                            Ok(n) => format!("Duplicated as “{n}”"),
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
                            if let Some((at, scenario)) = scenarios.delete() {
                                offer_undo(format!("Deleted “{}”", scenario.name), Undo::Delete { at, scenario });
                            }
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
                        let scenario = scenarios.active();
                        let inputs = scenarios.reset();
                        offer_undo("Inputs reset to the defaults".into(), Undo::Reset { scenario, inputs });
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
                    <button type="button" on:click=move |_| naming.set(None)>"Cancel"</button>
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
            <div class="bar-message">
                <p role="status">{move || message.get()}</p>
                {move || undo_shown().then(|| view! {
                    <button
                        type="button"
                        on:click=move |_| {
                            let Some((_, what)) = undo.get_untracked() else { return };
                            undo.set(None);
                            message.set(match what {
                                Undo::Reset { scenario, inputs } if untrack(|| scenarios.active()) == scenario => {
                                    scenarios.set_inputs(inputs);
                                    format!("“{scenario}” is back as it was")
                                }
                                Undo::Reset { scenario, .. } => format!("“{scenario}” is no longer open; nothing was changed"),
                                Undo::Delete { at, scenario } => match scenarios.restore(at, scenario) {
                                    Ok(name) => format!("“{name}” is back"),
                                    Err(e) => e,
                                },
                            });
                        }
                    >
                        "Undo"
                    </button>
                })}
            </div>
        </section>
    }
}

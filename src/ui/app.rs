//! The shell: route from the location hash, notices, storage wiring.

use crate::scenario::{parse_hash, STORAGE_KEY};
#[cfg(feature = "compensation")]
use crate::ui::calculators::compensation::{self, CompensationPage};
#[cfg(feature = "equity")]
use crate::ui::calculators::equity::{self, EquityPage};
#[cfg(feature = "roi")]
use crate::ui::calculators::roi::{self, RoiPage};
#[cfg(feature = "unit-economics")]
use crate::ui::calculators::unit_economics::{self, UnitEconomicsPage};
use crate::ui::link::{self, location_hash};
use crate::ui::state::AppState;
use crate::ui::storage;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Marks the navigation link of the current page (the navigation itself is
/// static HTML in index.html, painted before the wasm arrives).
fn mark_current(route: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(links) = document.query_selector_all("nav.site-nav a") else {
        return;
    };
    for i in 0..links.length() {
        let Some(link) = links
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let href = link.get_attribute("href").unwrap_or_default();
        if href == format!("#/{route}") {
            let _ = link.set_attribute("aria-current", "page");
        } else {
            let _ = link.remove_attribute("aria-current");
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    let opened = storage::open();
    let app = AppState {
        store: RwSignal::new(opened.store),
        notices: RwSignal::new(Vec::new()),
    };
    for text in opened.notices {
        app.notify(text);
    }
    provide_context(app);

    // Every change is saved as it happens; a failed write is reported once.
    Effect::new(move |_| {
        if let Some(text) = app.store.with(storage::save) {
            app.notify(text);
        }
    });
    // Another tab saved: take its store over (it is not written back). What
    // this version cannot read is kept, and said so (`storage::take_over`).
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(STORAGE_KEY) {
            match ev.new_value().as_deref().map(storage::take_over) {
                Some(Ok(store)) => app.store.set(store),
                Some(Err(notice)) => app.notify(notice),
                // Removed there: written back with the next change here.
                None => {}
            }
        }
    });

    let hash = RwSignal::new(location_hash());
    // A pasted compressed link is inflated before the page reads it.
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        leptos::task::spawn_local(async move {
            link::inflate_address().await;
            hash.set(location_hash());
        })
    });
    let route = Memo::new(move |_| parse_hash(&hash.get()).0);
    Effect::new(move |_| mark_current(&route.get()));

    view! {
        <div class="notices" aria-live="polite">
            {move || {
                app.notices
                    .get()
                    .into_iter()
                    .map(|n| {
                        view! {
                            <div class="notice warn" role="alert">
                                <p>{n.text}</p>
                                <button type="button" on:click=move |_| app.dismiss(n.id)>"Dismiss"</button>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </div>
        {move || {
            // Rebuilt on every hash change, so a pasted link opens at once.
            hash.track();
            let route = route.get();
            page(&route).unwrap_or_else(|| {
                // A page this wasm was built without (a per-page build):
                // the start-up script (scripts/assemble.mjs) loads its own;
                // the home page's is the shell's. Only when that script chose
                // this wasm for another page, so nothing reloads for ever.
                let calculator = CALCULATORS.contains(&route.as_str());
                let wanted = if calculator { route.as_str() } else { "" };
                let elsewhere = calculator || cfg!(not(feature = "home"));
                if elsewhere && bundle_chosen_for().is_some_and(|b| b != wanted) {
                    let _ = window().location().reload();
                    ().into_any()
                } else {
                    view! { <Home /> }.into_any()
                }
            })
        }}
    }
}

/// Every calculator's route, whether this wasm has its page or not.
const CALCULATORS: [&str; 4] = ["unit-economics", "roi", "compensation", "equity"];

/// The route the start-up script chose this wasm for (`html[data-bundle]`,
/// set by scripts/assemble.mjs; absent in a one-wasm build).
fn bundle_chosen_for() -> Option<String> {
    document().document_element()?.get_attribute("data-bundle")
}

/// The page of a route, if this wasm was built with it.
fn page(route: &str) -> Option<AnyView> {
    match route {
        #[cfg(feature = "unit-economics")]
        unit_economics::CALC => Some(UnitEconomicsPage().into_any()),
        #[cfg(feature = "roi")]
        roi::CALC => Some(RoiPage().into_any()),
        #[cfg(feature = "compensation")]
        compensation::CALC => Some(CompensationPage().into_any()),
        #[cfg(feature = "equity")]
        equity::CALC => Some(EquityPage().into_any()),
        _ => None,
    }
}

#[component]
fn Home() -> impl IntoView {
    view! {
        <article class="calculator home">
            <ul class="cards">
                <li><a href="#/unit-economics"><strong>"Unit economics"</strong><span>"CAC, LTV, payback and retention, from your funnel."</span></a></li>
                <li><a href="#/roi"><strong>"ROI"</strong><span>"The business case for a prospect: NPV, ROI and payback, sent as a link."</span></a></li>
                <li><a href="#/compensation"><strong>"Compensation"</strong><span>"What a sales plan pays, and offer packages side by side with their vesting."</span></a></li>
                <li><a href="#/equity"><strong>"Equity dilution"</strong><span>"A cap table through SAFEs, notes and priced rounds, to the exit."</span></a></li>
            </ul>
            {home_extras()}
        </article>
    }
}

/// What only the shell's home page has: backup and restore of every saved
/// scenario (a page's own wasm, built without it, reloads into the shell).
#[cfg(feature = "home")]
fn home_extras() -> impl IntoView {
    view! { <crate::ui::backup::Backup /> }
}

#[cfg(not(feature = "home"))]
fn home_extras() -> impl IntoView {}

//! Everything a person sees and touches (wasm32 only).

pub mod app;
#[cfg(feature = "home")]
pub mod backup;
pub mod calculators;
pub mod components;
pub mod drafts;
#[cfg(any(feature = "home", feature = "roi", feature = "equity"))]
pub mod files;
pub mod focus;
pub mod format;
pub mod link;
pub mod state;
pub mod storage;

use crate::scenario::decode_link;
use state::{AppState, Scenarios};

/// Opens the scenario carried by the address, if it is for this page: as an
/// unsaved shared scenario, checked like typed input by the page. A bad link
/// is explained and the page keeps working on the saved scenarios.
pub fn open_link(scenarios: Scenarios) {
    use leptos::prelude::*;
    let (route, payload) = link::current_hash();
    let Some(payload) = payload else { return };
    if route != scenarios.calc {
        return;
    }
    match decode_link(&payload, scenarios.calc) {
        Ok(inputs) => scenarios.shared.set(Some(inputs)),
        Err(e) => expect_context::<AppState>().notify(e.message()),
    }
}

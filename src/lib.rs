//! Tally: business calculators that run entirely in the browser.
//!
//! `calc`, `input`, `json`, `pace`, `scenario` and `text` are plain Rust and tested natively; `ui` is
//! the Leptos app and exists only for wasm32.

pub mod calc;
pub mod input;
pub mod json;
pub mod pace;
pub mod scenario;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod ui;

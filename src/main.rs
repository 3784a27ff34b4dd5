//! Mounts the app into the page frame of index.html (below the page
//! heading, which head.js names from the route before the wasm arrives).

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::JsCast;
    console_error_panic_hook::set_once();
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    tally::ui::link::keep_address_on_leaving();
    // A compressed link is inflated, and an edit a reload left waiting for
    // the address made, before anything reads the address.
    wasm_bindgen_futures::spawn_local(async move {
        tally::ui::link::inflate_address().await;
        // The static "loading" placeholder gives way to the app.
        root.set_text_content(None);
        leptos::mount::mount_to(root, tally::ui::app::App).forget();
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Tally runs in the browser: see README.md (scripts/serve.sh).");
}

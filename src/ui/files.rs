//! Files in and out: a download link's address, and the text of a file the
//! user picked.

use wasm_bindgen::JsCast;

/// A `data:` URL holding `text`, for a download link.
pub fn data_href(mime: &str, text: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    )
}

/// Reads the file chosen in a file input, then hands its text to `done`
/// (`None` if it could not be read). The input is emptied, so the same
/// file can be picked again.
pub fn read_chosen_file(ev: leptos::ev::Event, done: impl FnOnce(Option<String>) + 'static) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    let Some(file) = file else { return };
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        done(text.ok().and_then(|t| t.as_string()));
    });
}

//! Files in and out: a file saved from text, and the text of a file the
//! user picked.

use wasm_bindgen::JsCast;

/// Saves `text` as the file `name`, as a download. Called by a button's
/// click, so the text is made when it is wanted, not at every edit.
pub fn download(name: &str, mime: &str, text: &str) {
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(link) = link else { return };
    let href = format!(
        "data:{mime};charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    );
    if link.set_attribute("href", &href).is_ok() && link.set_attribute("download", name).is_ok() {
        link.click();
    }
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

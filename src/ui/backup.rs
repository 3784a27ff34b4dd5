//! The home page's backup: every saved scenario to a file, and back.

use crate::scenario::Store;
use crate::ui::files::{download, read_chosen_file};
use crate::ui::format::today_date;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// Larger than any store localStorage can hold (about 5 MB of text).
const MAX_BACKUP_BYTES: usize = 10 * 1024 * 1024;

/// Scenarios live in this browser only: a backup file keeps them when the
/// browser's data is cleared, and moves them to another browser. Restoring
/// adds to what is here and overwrites nothing (`Store::add_backup`).
#[component]
pub fn Backup() -> impl IntoView {
    let app = expect_context::<AppState>();
    let message = RwSignal::new(String::new());
    let saved = Memo::new(move |_| {
        app.store
            .with(|s| s.calcs.values().map(|b| b.scenarios.len()).sum::<usize>())
    });
    let said = move || {
        let (count, it) = match saved.get() {
            0 => {
                return "No scenario is saved in this browser yet. A backup file from \
                        another browser brings its scenarios here."
                    .to_string()
            }
            1 => ("1 scenario is".to_string(), "it"),
            n => (format!("{n} scenarios are"), "them"),
        };
        format!(
            "{count} saved in this browser, and nowhere else. A backup file keeps \
             {it} if the browser's data is cleared, and moves {it} to another browser."
        )
    };
    let restore = move |ev: leptos::ev::Event| {
        read_chosen_file(ev, move |text| {
            let text = match text {
                None => return message.set("Nothing restored: the file could not be read.".into()),
                Some(t) if t.len() > MAX_BACKUP_BYTES => {
                    return message
                        .set("Nothing restored: the file is too large for a Tally backup.".into())
                }
                Some(t) => t,
            };
            let said = match Store::load(&text) {
                Ok(backup) => app
                    .store
                    .try_update(|s| s.add_backup(backup))
                    .map(|done| done.message())
                    .unwrap_or_default(),
                Err(problem) => problem.in_backup(),
            };
            message.set(said);
        })
    };
    view! {
        <section class="backup" aria-labelledby="backup-title">
            <h2 id="backup-title">"Your saved scenarios"</h2>
            <p>{said}</p>
            {move || (saved.get() > 0).then(|| view! {
                <button
                    type="button"
                    class="primary"
                    on:click=move |_| {
                        let name = format!("tally-backup-{}.json", today_date());
                        app.store.with_untracked(|s| download(&name, "application/json", &s.to_text()));
                    }
                >
                    "Download a backup"
                </button>
            })}
            <div class="field">
                <label for="restore-backup">"Restore from a backup (adds its scenarios; overwrites none)"</label>
                <input id="restore-backup" type="file" accept=".json,application/json" on:change=restore />
            </div>
            <p role="status">{move || message.get()}</p>
        </section>
    }
}

//! Two quiet notes over the bottom of the screen (over the page, so nothing in it moves): "You
//! are offline — showing the copy from HH:MM" while the page on screen was drawn from the service
//! worker's stored copies, and "A new version is available — Reload" when a new deploy's worker
//! waits. Each is a live region, so screen readers hear it. Moving to another page forgets the
//! copies and asks the host whether there is a new deploy.
use crate::api;
use crate::i18n::use_i18n;
use crate::offline::service_worker;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn AppNotes() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            api::forget_copies();
            service_worker::check_for_update();
        }
        path
    });
    let copy = move || api::oldest_copy().map(|stored| i18n.get().offline.copy(&clock(&stored)));
    view! {
        <div class="app-notes">
            <p class="app-note" role="status" class:app-note--shown=move || copy().is_some()>{copy}</p>
            <div class="app-note" role="status" class:app-note--shown=service_worker::update_waiting>
                <Show when=service_worker::update_waiting>
                    <span>{move || i18n.get().offline.update}</span>
                    " "
                    <button type="button" class="link-button" on:click=|_| service_worker::accept_update()>
                        {move || i18n.get().offline.reload}
                    </button>
                </Show>
            </div>
        </div>
    }
}

/// A stored time as the reader's clock shows it (`14:05`); `--:--` if the worker wrote none.
fn clock(stored: &str) -> String {
    let date = js_sys::Date::new(&stored.into());
    let (hours, minutes) = (date.get_hours(), date.get_minutes());
    if date.get_time().is_nan() {
        return "--:--".into();
    }
    format!("{hours:02}:{minutes:02}")
}

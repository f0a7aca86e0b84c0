//! Gazette: a news site front end for any newsroom's static JSON API.
//!
//! `app` holds the router; `pages` one file per route and the frame around them; `components`
//! the shared pieces; `context` what they share; `api` the contract and the only HTTP client;
//! `prefs` what the reader chose; `boot` the hand-over from `index.html` (its started requests,
//! its shell and the published page); `stale_build` a tab that outlived its deploy; `offline` the service worker; `publish` the
//! static files written on each publish (native only); `route` every address; `format`, `links`,
//! `search` and `l10n` are plain logic, and `head` what each page's head says with native tests. Everything is private to the crate:
//! `start` is what the binary calls, so the compiler sees what nothing uses.
#![recursion_limit = "256"]

mod api;
mod app;
mod boot;
mod components;
mod config;
mod context;
mod format;
mod head;
mod i18n;
mod l10n;
mod links;
mod nav;
mod offline;
mod pagefind;
mod pages;
mod panic_screen;
mod prefs;
mod route;
mod search;
mod stale_build;

/// `./x publish` (the `publish` binary): native only.
#[cfg(not(target_arch = "wasm32"))]
mod publish;
#[cfg(not(target_arch = "wasm32"))]
pub use publish::main as publish;

/// Mounts the app in the page `index.html` started.
pub fn start() {
    panic_screen::install();
    // Mounted in a task after the one that instantiated the WebAssembly, so that neither blocks
    // the reader's input for long. The static shell from index.html made the first paint and
    // hands over once the app is in the page.
    wasm_bindgen_futures::spawn_local(async {
        boot::next_task().await;
        leptos::mount::mount_to_body(app::App);
        boot::hand_over();
    });
}

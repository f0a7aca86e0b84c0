//! What the router does not tell: whether the current page was reached with Back/Forward, so a
//! feed can put the reader back where they were instead of at the top.
use std::cell::Cell;

thread_local! {
    static HISTORY_NAVIGATION: Cell<bool> = const { Cell::new(false) };
}

/// Listens for Back/Forward for the life of the page. The browser's own scroll restoration is
/// switched off: it runs before the feed is drawn again and would land at the wrong place.
pub fn track_history_navigation() {
    if let Some(window) = web_sys::window() {
        if let Ok(history) = window.history() {
            let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
        }
    }
    let handle =
        leptos::prelude::window_event_listener(leptos::ev::popstate, |_| HISTORY_NAVIGATION.with(|h| h.set(true)));
    std::mem::forget(handle); // for the life of the page
}

/// True once after a Back/Forward navigation; every page calls it when it mounts.
pub fn take_history_navigation() -> bool {
    HISTORY_NAVIGATION.with(|h| h.replace(false))
}

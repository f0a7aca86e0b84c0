//! Which documents on screen are the service worker's stored copies rather than the network's
//! (`tools/sw.js` marks them `x-gazette-copy`, with the time it stored them in
//! `x-gazette-stored`), so the frame can say "you are offline — showing the copy from HH:MM".
use leptos::prelude::*;

thread_local! {
    /// The oldest stored copy drawn since the page was last changed, as the worker wrote its time.
    /// Reference-counted, not owned by whichever view happened to touch it first.
    static OLDEST_COPY: ArcRwSignal<Option<String>> = ArcRwSignal::new(None);
}

/// When the oldest copy on screen was stored (RFC 3339), if any document is a copy.
pub fn oldest_copy() -> Option<String> {
    OLDEST_COPY.with(|s| s.get())
}

/// A new page: what it draws from the network is not a copy.
pub fn forget_copies() {
    OLDEST_COPY.with(|s| s.set(None));
}

/// Notes a response's headers: a copy stored at `stored` (RFC 3339 times compare as text).
pub(super) fn note(copy: bool, stored: Option<String>) {
    if !copy {
        return;
    }
    let stored = stored.unwrap_or_default();
    OLDEST_COPY.with(|s| {
        s.update(|oldest| {
            if oldest.as_ref().is_none_or(|o| stored < *o) {
                *oldest = Some(stored);
            }
        })
    });
}

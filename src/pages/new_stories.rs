//! "New stories: N" over a feed's first page: while the tab is visible and online, the feed's
//! first page is fetched again every few minutes; stories it has that the feed does not show are
//! offered by a button that floats over the top of the feed (nothing under it moves). Pressing it
//! puts them at the top of the feed, scrolls there and moves focus to the feed.
use crate::api::{self, FeedChunk, Summary};
use crate::i18n::use_i18n;
use crate::pages::use_feed::append_unique;
use leptos::prelude::*;
use std::sync::Arc;

/// How often a visible feed asks for newer stories.
pub const CHECK_EVERY_MS: u64 = 3 * 60 * 1000;

/// The stories of `fresh` that `shown` does not have, in the feed's order.
pub fn newer_than_shown(fresh: &[Summary], shown: &[Summary]) -> Vec<Summary> {
    fresh.iter().filter(|f| !shown.iter().any(|s| s.id == f.id)).cloned().collect()
}

/// The button and its checks, for the feed `feed` of `lang` showing `items` from its first page.
#[component]
pub fn NewStories(lang: String, feed: String, items: RwSignal<Vec<Summary>>) -> impl IntoView {
    let i18n = use_i18n();
    let waiting = RwSignal::new(None::<Arc<FeedChunk>>);
    // Tried, not assumed: the view may ask once more while the feed is being left.
    let count = move || {
        let page = waiting.try_get().flatten();
        page.and_then(|page| items.try_with(|shown| newer_than_shown(&page.items, shown).len())).unwrap_or(0)
    };
    let check = move || {
        let document = document();
        if document.hidden()
            || !window().navigator().on_line()
            || items.try_with_untracked(Vec::is_empty) != Some(false)
        {
            return;
        }
        let (lang, feed) = (lang.clone(), feed.clone());
        leptos::task::spawn_local(async move {
            if let Ok(page) = api::fresh_feed(&lang, &feed, 1).await {
                waiting.try_set(Some(page));
            }
        });
    };
    if cfg!(target_arch = "wasm32") {
        if let Ok(interval) = set_interval_with_handle(check, std::time::Duration::from_millis(CHECK_EVERY_MS)) {
            on_cleanup(move || interval.clear());
        }
    }
    let show = move |_| {
        let Some(page) = waiting.get_untracked() else { return };
        items.update(|shown| {
            let mut merged = page.items.clone();
            append_unique(&mut merged, shown);
            *shown = merged;
        });
        waiting.set(None);
        // Focus first (it scrolls the feed into view), then the top of the page.
        if let Some(feed) = document().query_selector(".feed").ok().flatten() {
            use wasm_bindgen::JsCast;
            if let Ok(feed) = feed.dyn_into::<web_sys::HtmlElement>() {
                let _ = feed.set_attribute("tabindex", "-1");
                let _ = feed.focus();
            }
        }
        window().scroll_to_with_x_and_y(0.0, 0.0);
    };
    view! {
        <div class="new-stories" role="status">
            <Show when=move || { count() > 0 }>
                <button type="button" class="button new-stories__button" on:click=show>
                    {move || i18n.get().feed.new_stories(&count().to_string())}
                </button>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(id: &str) -> Summary {
        Summary::titled(id)
    }

    #[test]
    fn only_stories_the_feed_does_not_show_are_new() {
        let shown = [s("3"), s("2"), s("1")];
        let ids = |v: Vec<Summary>| v.into_iter().map(|s| s.id).collect::<Vec<_>>();
        assert_eq!(ids(newer_than_shown(&[s("5"), s("4"), s("3"), s("2")], &shown)), ["5", "4"]);
        assert!(newer_than_shown(&[s("3"), s("2")], &shown).is_empty());
    }
}

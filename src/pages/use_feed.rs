//! The data side of a feed with infinite loading: pages fetched strictly in order, one at a time,
//! from the page in the address on (`/{lang}/page/3` starts at the third), items never shown
//! twice, and the state kept for the session so Back draws the same feed at once, from memory,
//! without a loader.
use crate::api::{self, ApiError, Summary};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// How many stories of the feed's first page are drawn in the first of its two tasks: a phone's
/// first screen.
const FIRST_DRAWN: usize = 4;

#[derive(Clone, Debug, PartialEq)]
pub enum FeedStatus {
    /// A page is on its way.
    Loading,
    /// More pages exist and none is being fetched.
    Ready,
    /// The last page is in.
    Done,
    /// The next page failed; the items already shown stay.
    Failed(ApiError),
}

/// What a feed page needs from the hook.
#[derive(Clone, Copy)]
pub struct UseFeedReturn {
    pub items: RwSignal<Vec<Summary>>,
    pub status: RwSignal<FeedStatus>,
    /// The feed page the list starts with (1 for the feed's own address).
    pub first: u32,
    /// The last feed page shown (`first - 1` before any).
    pub loaded: RwSignal<u32>,
    /// How many pages the feed has, once a page of it has said.
    pub total: RwSignal<Option<u32>>,
    /// Fetches the next page (or retries the failed one); does nothing while one is loading.
    pub load_more: Callback<()>,
    /// Remembers where the reader is, for Back.
    pub remember_scroll: Callback<()>,
    /// Scroll position to restore, when this feed was drawn again from memory.
    pub restored_scroll: Option<f64>,
}

#[derive(Clone, Copy, Default)]
struct Snapshot {
    pages: u32,
    scroll_y: f64,
}

thread_local! {
    static SNAPSHOTS: RefCell<HashMap<(String, String, u32), Snapshot>> = RefCell::new(HashMap::new());
}

/// Appends `incoming` to `items`, skipping stories already there (feeds shift as news arrives).
pub fn append_unique(items: &mut Vec<Summary>, incoming: &[Summary]) {
    let seen: HashSet<String> = items.iter().map(|s| s.id.clone()).collect();
    let mut added = HashSet::new();
    items.extend(incoming.iter().filter(|s| !seen.contains(&s.id) && added.insert(s.id.clone())).cloned());
}

/// The feed `feed` of `lang` from its page `first` on.
pub fn use_feed(lang: String, feed: String, first: u32) -> UseFeedReturn {
    let key = (lang.clone(), feed.clone(), first);
    let snapshot = SNAPSHOTS.with(|s| s.borrow().get(&key).copied());
    // Draw again from the session cache what was shown before.
    let (mut items, mut loaded, mut total) = (vec![], first - 1, 0u32);
    for page in first..=snapshot.map_or(0, |s| s.pages) {
        let Some(cached) = api::cached_feed(&lang, &feed, page) else { break };
        append_unique(&mut items, &cached.items);
        (loaded, total) = (page, cached.total_pages);
    }
    let restored = loaded >= first;
    let restored_scroll = restored.then(|| snapshot.map_or(0.0, |s| s.scroll_y));
    let initial_status = if restored && loaded >= total { FeedStatus::Done } else { FeedStatus::Ready };
    let items = RwSignal::new(items);
    let status = RwSignal::new(initial_status);
    let loaded = RwSignal::new(loaded);
    let total = RwSignal::new(restored.then_some(total));
    let key = StoredValue::new(key);

    let load_more = Callback::new(move |()| {
        // Nothing once the feed is gone (a late observer callback or frame after the reader left).
        let (Some(FeedStatus::Ready | FeedStatus::Failed(_)), Some(loaded_so_far), Some((lang, feed, start))) =
            (status.try_get_untracked(), loaded.try_get_untracked(), key.try_get_value())
        else {
            return;
        };
        status.set(FeedStatus::Loading);
        let next = loaded_so_far + 1;
        spawn_local(async move {
            let result = api::feed(&lang, &feed, next).await;
            match result {
                Ok(page) => {
                    // The feed's first stories now, the rest a task later: two short tasks rather
                    // than one long one (drawing a card first compiles its WebAssembly code). A
                    // later page comes whole, in the same task as the status that takes the
                    // placeholder standing in for it away (`feed.rs`).
                    let first_page = items.try_with_untracked(Vec::is_empty).unwrap_or(false);
                    let drawn = if first_page { FIRST_DRAWN } else { page.items.len() };
                    let (first, rest) = page.items.split_at(page.items.len().min(drawn));
                    items.try_update(|list| append_unique(list, first));
                    if !rest.is_empty() {
                        crate::boot::next_task().await;
                        items.try_update(|list| append_unique(list, rest));
                    }
                    loaded.try_set(next);
                    // (The reader may have left the feed while the page was on its way: every
                    // signal here is tried, not assumed.)
                    if total.try_get_untracked() != Some(Some(page.total_pages)) {
                        total.try_set(Some(page.total_pages));
                    }
                    let done = next >= page.total_pages || page.items.is_empty();
                    status.try_set(if done { FeedStatus::Done } else { FeedStatus::Ready });
                    SNAPSHOTS.with(|s| s.borrow_mut().entry((lang, feed, start)).or_default().pages = next);
                }
                Err(error) => {
                    status.try_set(FeedStatus::Failed(error));
                }
            }
        });
    });
    let remember_scroll = Callback::new(move |()| {
        let (Some(key), Ok(y)) = (key.try_get_value(), window().scroll_y()) else { return };
        SNAPSHOTS.with(|s| s.borrow_mut().entry(key).or_default().scroll_y = y);
    });
    if !restored {
        load_more.run(());
    }
    UseFeedReturn { items, status, first, loaded, total, load_more, remember_scroll, restored_scroll }
}

/// A feed showing one page only, as `./x publish` draws it: page `page` of `total`, whose next
/// page (if any) is a plain link. Nothing is fetched (the live page takes over in the browser).
#[cfg(not(target_arch = "wasm32"))]
pub fn one_page(items: Vec<Summary>, page: u32, total: u32) -> UseFeedReturn {
    UseFeedReturn {
        items: RwSignal::new(items),
        status: RwSignal::new(if page < total { FeedStatus::Ready } else { FeedStatus::Done }),
        first: page,
        loaded: RwSignal::new(page),
        total: RwSignal::new(Some(total)),
        load_more: Callback::new(|()| ()),
        remember_scroll: Callback::new(|()| ()),
        restored_scroll: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(id: &str) -> Summary {
        Summary::titled(id)
    }

    #[test]
    fn appending_never_repeats_a_story() {
        let mut items = vec![s("1"), s("2")];
        append_unique(&mut items, &[s("2"), s("3"), s("3"), s("4")]);
        let ids: Vec<_> = items.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["1", "2", "3", "4"]);
    }
}

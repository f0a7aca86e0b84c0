//! Each kind of page as a WebAssembly module of its own, apart from the frame every page needs.
//!
//! The frame (router, header, footer, strings) is in the WebAssembly every visit starts with;
//! the feed, the article, the search and the saved page are split off by `tools/post-build.mjs`
//! (`wasm-split-cli` at the `#[wasm_split]` points below). A page whose module fails to download
//! shows the same localized message and Retry as a failed API request: a split module is
//! fetched like any other file and can fail like one. The other reading pages' modules are
//! fetched when the browser is idle (`index.html`) and made ready at the reader's first pointer or
//! focus move (search's when the search box is focused), so moving between pages rarely waits.
use crate::api::ApiError;
use crate::components::error_view::error_fallback;
use crate::components::skeleton::{ArticleSkeleton, FeedSkeleton};
use crate::pages::{article::ArticlePage, feed::FeedPage, saved::SavedPage, search::SearchPage};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

impl From<SplitLoaderError> for ApiError {
    fn from(_: SplitLoaderError) -> Self {
        ApiError::Offline
    }
}

#[wasm_split(feed, fallible, preload(preload_feed))]
fn feed_page() -> Result<AnyView, ApiError> {
    Ok(view! { <FeedPage/> }.into_any())
}

#[wasm_split(article, fallible, preload(preload_article))]
fn article_page() -> Result<AnyView, ApiError> {
    Ok(view! { <ArticlePage/> }.into_any())
}

#[wasm_split(search, fallible, preload(preload_search))]
fn search_page() -> Result<AnyView, ApiError> {
    Ok(view! { <SearchPage/> }.into_any())
}

#[wasm_split(saved, fallible)]
fn saved_page() -> Result<AnyView, ApiError> {
    Ok(view! { <SavedPage/> }.into_any())
}

/// Starts loading the language's searcher, from the search page's module, so that the searcher's
/// code is not in the frame.
#[wasm_split(search, fallible)]
fn prefetch_searcher(lang: String) -> Result<(), ApiError> {
    crate::pagefind::prefetch(&lang);
    Ok(())
}

/// `/{lang}/` and `/{lang}/{section}`, and their later pages (`…/page/{n}`).
#[component]
pub fn FeedRoute() -> impl IntoView {
    split_page(|| Box::pin(feed_page()), || view! { <FeedSkeleton/> }.into_any())
}

/// `/{lang}/{section}/{id}[/{slug}]`.
#[component]
pub fn ArticleRoute() -> impl IntoView {
    split_page(|| Box::pin(article_page()), || view! { <ArticleSkeleton/> }.into_any())
}

/// `/{lang}/search`.
#[component]
pub fn SearchRoute() -> impl IntoView {
    split_page(|| Box::pin(search_page()), || ().into_any())
}

/// `/{lang}/saved`.
#[component]
pub fn SavedRoute() -> impl IntoView {
    split_page(|| Box::pin(saved_page()), || ().into_any())
}

type PageLoad = Pin<Box<dyn Future<Output = Result<AnyView, ApiError>>>>;

/// Draws `loading` until the page's module is there, then the page; on a failed download the
/// error view, whose Retry tries the download again.
fn split_page(load: fn() -> PageLoad, loading: fn() -> AnyView) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let retry = move || attempt.update(|n| *n += 1);
    view! {
        <Suspense fallback=loading>
            <ErrorBoundary fallback=error_fallback(retry)>
                {move || {
                    attempt.track();
                    Suspend::new(SendWrapper::new(async move {
                        let page = match load().await {
                            Ok(page) => page,
                            Err(error) => {
                                // The module may be gone because a new build replaced it.
                                crate::stale_build::reload_if_stale().await;
                                return Err(error);
                            }
                        };
                        preload_the_rest_once();
                        Ok::<_, ApiError>(page)
                    }))
                }}
            </ErrorBoundary>
        </Suspense>
    }
}

/// Once the first page is drawn, makes the reading pages' modules ready (feed and article: the
/// next tap is most likely a story or a section) at the reader's first pointer or focus move,
/// ignoring failures (a page retries when opened). Not at once: making a module ready is a task
/// of its own on the main thread, and while the page loads that would block the reader's input
/// (TBT). Their files are fetched before, when the browser is idle (`index.html`). The search
/// page's module waits for the search box (`prefetch_search`).
fn preload_the_rest_once() {
    static STARTED: AtomicBool = AtomicBool::new(false);
    if STARTED.swap(true, Ordering::Relaxed) {
        return;
    }
    // index.html's `gazetteBoot.prefetch`: their files, into the HTTP cache, when the browser is idle.
    if let Some(prefetch) = crate::boot::boot_function("prefetch") {
        let _ = prefetch.call0(&wasm_bindgen::JsValue::NULL);
    }
    let on_intent = Closure::<dyn Fn()>::new(|| {
        static DONE: AtomicBool = AtomicBool::new(false);
        if !DONE.swap(true, Ordering::Relaxed) {
            leptos::task::spawn_local(async {
                let _ = preload_feed().await;
                let _ = preload_article().await;
            });
        }
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    options.set_passive(true);
    for event in ["pointerover", "pointerdown", "focusin"] {
        let _ = document().add_event_listener_with_callback_and_add_event_listener_options(
            event,
            on_intent.as_ref().unchecked_ref(),
            &options,
        );
    }
    on_intent.forget(); // three listeners, each once; it acts once
}

/// Starts fetching the search page's module and the language's searcher (the reader is in the
/// search box of a page in `lang`).
pub fn prefetch_search(lang: &str) {
    let lang = lang.to_string();
    leptos::task::spawn_local(async move {
        let _ = prefetch_searcher(lang).await;
    });
}

//! Registers the service worker once the page has loaded, says when a new deploy's worker is
//! waiting (the reader decides when to reload), and hands it the files of a saved story to keep.
//! Without a service worker (an old browser, an `http:` host other than localhost, a blocked
//! one) the app works as before and the reading list keeps its titles only.
use js_sys::{Object, Promise, Reflect};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    /// A new deploy's worker is installed and waiting for the reader's "Reload". Reference-counted,
    /// not owned by whichever view happened to touch it first.
    static UPDATE_WAITING: ArcRwSignal<bool> = ArcRwSignal::new(false);
    /// The reader accepted: the next change of worker reloads the page.
    static ACCEPTED: Cell<bool> = const { Cell::new(false) };
}

/// Whether a new version is waiting for the reader.
pub fn update_waiting() -> bool {
    UPDATE_WAITING.with(|s| s.get())
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let present = Reflect::get(&navigator, &"serviceWorker".into()).is_ok_and(|c| c.is_object());
    present.then(|| navigator.service_worker())
}

/// Registers `sw.js` from the public base once the page's own loading is over, so the worker's
/// precaching never competes with the first visit's text and pictures.
pub fn register() {
    let Some(container) = container() else { return };
    let go = move || {
        let container = container.clone();
        leptos::task::spawn_local(async move {
            let url = crate::config::href("/sw.js");
            let Ok(registration) = JsFuture::from(container.register(&url)).await else { return };
            // (A browser or a test harness that blocks workers may answer with nothing.)
            if !registration.is_object() {
                return;
            }
            let registration: ServiceWorkerRegistration = registration.unchecked_into();
            watch_for_update(&container, &registration);
            REGISTRATION.with(|r| r.replace(Some(registration)));
        });
    };
    let document = document();
    if document.ready_state() == "complete" {
        go();
    } else {
        let on_load = Closure::once_into_js(go);
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        let _ = window().add_event_listener_with_callback_and_add_event_listener_options(
            "load",
            on_load.unchecked_ref(),
            &options,
        );
    }
}

/// Notices a worker of a newer deploy waiting behind the one that serves this page: one already
/// waiting or installing when the page registered (the browser checks on each page load, and may
/// have begun before the app), and one found later.
fn watch_for_update(container: &ServiceWorkerContainer, registration: &ServiceWorkerRegistration) {
    let has_controller = {
        let container = container.clone();
        move || container.controller().is_some()
    };
    if registration.waiting().is_some() && has_controller() {
        UPDATE_WAITING.with(|s| s.set(true));
    }
    let watch_installing = move |registration: &ServiceWorkerRegistration| {
        let Some(installing) = registration.installing() else { return };
        let worker = installing.clone();
        let has_controller = has_controller.clone();
        let on_state = Closure::<dyn Fn()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && has_controller() {
                UPDATE_WAITING.with(|s| s.set(true));
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    };
    watch_installing(registration);
    let on_update_found = {
        let registration = registration.clone();
        Closure::<dyn Fn()>::new(move || watch_installing(&registration))
    };
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
    let on_controller_change = Closure::<dyn Fn()>::new(|| {
        if ACCEPTED.with(Cell::get) {
            let _ = window().location().reload();
        }
    });
    container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    on_controller_change.forget();
}

/// Asks the host whether a new deploy has a new worker (on each move to another page).
pub fn check_for_update() {
    REGISTRATION.with(|r| {
        if let Some(registration) = r.borrow().as_ref() {
            // A failed check (offline) is retried on the next page; the rejection is handled here.
            if let Ok(checked) = registration.update() {
                let ignore = Closure::once(|_: JsValue| {});
                let _ = checked.catch(&ignore);
                ignore.forget();
            }
        }
    });
}

/// The reader pressed "Reload": the waiting worker takes over, then the page reloads (same address).
pub fn accept_update() {
    ACCEPTED.with(|a| a.set(true));
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(ServiceWorkerRegistration::waiting));
    match waiting {
        Some(worker) => {
            let _ = worker.post_message(&message("SKIP_WAITING", None, None));
        }
        None => {
            let _ = window().location().reload();
        }
    }
}

/// One file a saved story needs offline, and how the page fetches it.
pub enum Kept {
    /// A document other saved stories need too (the site, the edition): never dropped.
    Shared(String),
    Document(String),
    Page(String),
    Picture(String),
}

/// Asks the worker to keep `files` for the saved story `story` (its key in the reading list);
/// true once it says they are kept.
pub async fn keep_story(story: &str, files: &[Kept]) -> bool {
    let urls = js_sys::Array::new();
    for file in files {
        let (url, kind) = match file {
            Kept::Shared(url) => (url, "shared"),
            Kept::Document(url) => (url, "document"),
            Kept::Page(url) => (url, "page"),
            Kept::Picture(url) => (url, "picture"),
        };
        let entry = Object::new();
        let _ = Reflect::set(&entry, &"url".into(), &url.into());
        let _ = Reflect::set(&entry, &"kind".into(), &kind.into());
        urls.push(&entry);
    }
    ask(&message("save", Some(story), Some(urls))).await
}

/// Asks the worker to drop what it kept for `story`, but for what another saved story needs.
pub async fn drop_story(story: &str) -> bool {
    ask(&message("unsave", Some(story), None)).await
}

/// Posts `message` to the active worker and waits for its `{ok}` reply; false without a worker.
async fn ask(message: &JsValue) -> bool {
    let Some(container) = container() else { return false };
    // No worker registered (blocked, unsupported, refused): nothing to wait for. One still
    // installing is waited for.
    let Ok(registration) = JsFuture::from(container.get_registration()).await else { return false };
    if registration.is_undefined() {
        return false;
    }
    let Ok(ready) = container.ready() else { return false };
    let Ok(registration) = JsFuture::from(ready).await else { return false };
    if !registration.is_object() {
        return false;
    }
    let Some(worker) = registration.unchecked_into::<ServiceWorkerRegistration>().active() else { return false };
    let Ok(channel) = web_sys::MessageChannel::new() else { return false };
    let reply = Promise::new(&mut |resolve, _| {
        let on_message = Closure::once_into_js(move |event: web_sys::MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &event.data());
        });
        channel.port1().set_onmessage(Some(on_message.unchecked_ref()));
    });
    let transfer = js_sys::Array::of1(&channel.port2());
    let _ = worker.post_message_with_transferable(message, &transfer);
    JsFuture::from(reply).await.ok().and_then(|r| Reflect::get(&r, &"ok".into()).ok()).is_some_and(|ok| ok.is_truthy())
}

fn message(kind: &str, story: Option<&str>, urls: Option<js_sys::Array>) -> JsValue {
    let message = Object::new();
    let _ = Reflect::set(&message, &"type".into(), &kind.into());
    if let Some(story) = story {
        let _ = Reflect::set(&message, &"story".into(), &story.into());
    }
    if let Some(urls) = urls {
        let _ = Reflect::set(&message, &"urls".into(), &urls);
    }
    message.into()
}

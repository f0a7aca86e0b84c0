//! The hand-over from the page the host sent to the app. Before the WebAssembly arrives, the
//! page's inline boot script has already started the first API requests (kept in
//! `window.gazetteBoot`), and on a page `./x publish` wrote the boot shell holds the page itself.
//! This module lets the API client adopt those requests instead of repeating them, and keeps the
//! published page on screen until the app has drawn the same page out of sight, so the reader
//! never sees text turn back into grey bars.
use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The longest a published page covers an app that is still loading; then the app shows itself.
const PUBLISHED_LIMIT_MS: f64 = 5_000.0;

/// A request the boot script already started for `url`: its abort controller and its response
/// promise. Taken once: a retry goes to the network.
pub fn take_request(url: &str) -> Option<(web_sys::AbortController, Promise)> {
    let boot = boot_object()?;
    let requests = Reflect::get(&boot, &"requests".into()).ok()?;
    if !requests.is_object() {
        return None;
    }
    let key = JsValue::from_str(url);
    let entry = Reflect::get(&requests, &key).ok().filter(JsValue::is_object)?;
    let _ = Reflect::delete_property(requests.unchecked_ref::<js_sys::Object>(), &key);
    let controller = Reflect::get(&entry, &"controller".into()).ok()?.dyn_into().ok()?;
    let response = Reflect::get(&entry, &"response".into()).ok()?.dyn_into().ok()?;
    Some((controller, response))
}

/// `window.gazetteBoot`, set by index.html's boot script.
pub fn boot_object() -> Option<JsValue> {
    let window: JsValue = web_sys::window()?.into();
    Reflect::get(&window, &"gazetteBoot".into()).ok().filter(JsValue::is_object)
}

/// The function `window.gazetteBoot` holds under `name` (index.html's inline scripts), if any.
pub fn boot_function(name: &str) -> Option<js_sys::Function> {
    Reflect::get(&boot_object()?, &name.into()).ok()?.dyn_into().ok()
}

/// The address the published page's head gives its translation into `lang`, if the page on
/// screen is still the one `./x publish` wrote for `canonical` (its tags go at the hand-over).
pub fn published_alternate(canonical: &str, lang: &str) -> Option<String> {
    // A language code as a CSS attribute value needs no escaping; anything else is not looked up.
    if lang.is_empty() || !lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return None;
    }
    let document = web_sys::window()?.document()?;
    let href = |selector: &str| document.query_selector(selector).ok().flatten()?.get_attribute("href");
    (href("link[rel=canonical][data-published]")? == canonical).then_some(())?;
    href(&format!("link[rel=alternate][hreflang=\"{lang}\"][data-published]"))
}

/// Whether the app is still starting out of sight, behind the boot shell (the host's page).
/// Never when `./x publish` draws a page.
pub fn starting() -> bool {
    cfg!(target_arch = "wasm32")
        && web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.get_element_by_id("boot-shell").is_some())
}

/// Removes the static boot shell once the app has drawn its frame (a `main`), or, when the shell
/// holds a published page, once the app has drawn the page itself (no placeholder left); in
/// either case once no part drawn a task later is still to come. While
/// the shell is up, CSS keeps the app's elements (its later siblings) out of sight.
pub fn hand_over() {
    let Some(shell) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot-shell"))
    else {
        return;
    };
    let published = shell.has_attribute("data-published");
    wait_for_app(shell, published, now() + PUBLISHED_LIMIT_MS);
}

fn wait_for_app(shell: web_sys::Element, published: bool, deadline: f64) {
    let found = |selector: &str| {
        let document = web_sys::window().and_then(|w| w.document());
        document.and_then(|d| d.query_selector(selector).ok().flatten()).is_some()
    };
    // Nor while a part drawn a task later (`components::later`) is still to come.
    let drawn = found("#boot-shell ~ main")
        && !found("#boot-shell ~ [data-later], #boot-shell ~ * [data-later]")
        && !(published && found("#boot-shell ~ * .skeleton, #boot-shell ~ .site-header--skeleton"));
    if drawn || now() > deadline {
        // index.html's `gazetteBoot.handOver` swaps the shell for the app, keeping the reader's
        // focus and text selection; without it (an edited index.html), the shell just goes.
        match boot_function("handOver") {
            Some(hand_over) => {
                let _ = hand_over.call0(&JsValue::NULL);
            }
            None => shell.remove(),
        }
    } else {
        leptos::prelude::request_animation_frame(move || wait_for_app(shell, published, deadline));
    }
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(f64::MAX)
}

/// Resolves in a later task of the event loop (a zero-delay timer): work after it does not add
/// to the task before, which keeps each task short enough not to block the reader's input.
pub async fn next_task() {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

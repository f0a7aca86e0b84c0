//! A tab left open across a deploy. A new build replaces the hashed files, so the old page's
//! modules are gone from the host: the next kind of page it opens cannot download its code, and
//! no Retry can bring it back. When a page module fails to download, this asks the host which
//! build it serves now (its `index.html`, never from a cache) and, if that build names other
//! files than this page's, loads the new build at the same address, once.
use wasm_bindgen::JsCast;

/// Remembers, for this tab, which build a reload left from, so that a host still serving the old
/// build after a reload (a stale CDN edge) gets the error message, not a reload loop.
const RELOADED_FROM_KEY: &str = "gazette.reloaded-from";

/// Reloads the page if the host now serves another build; returns if it does not (the failure
/// was the network's), or if this build already reloaded once and came back.
pub(crate) async fn reload_if_stale() {
    let own = own_files();
    let Some(first) = own.first().cloned() else { return };
    let Some(deployed) = deployed_index().await else { return };
    if own.iter().all(|file| deployed.contains(file.as_str())) {
        return;
    }
    let Some(storage) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) else {
        return; // without a memory across the reload, a loop could not be ruled out
    };
    if storage.get_item(RELOADED_FROM_KEY).ok().flatten().as_deref() == Some(first.as_str()) {
        return;
    }
    if storage.set_item(RELOADED_FROM_KEY, &first).is_ok() {
        let _ = web_sys::window().map(|w| w.location().reload());
    }
}

/// This build's own code files, as `index.html` names them in its module preload links.
fn own_files() -> Vec<String> {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return vec![] };
    let Ok(links) = document.query_selector_all("link[rel='modulepreload'][href]") else { return vec![] };
    (0..links.length())
        .filter_map(|i| links.item(i)?.dyn_into::<web_sys::Element>().ok()?.get_attribute("href"))
        .collect()
}

/// The `index.html` the host serves now, fetched past every cache.
async fn deployed_index() -> Option<String> {
    let url = format!("{}index.html", crate::config::public_base());
    let response = gloo_net::http::Request::get(&url).cache(web_sys::RequestCache::NoStore).send().await.ok()?;
    if !response.ok() {
        return None;
    }
    response.text().await.ok()
}

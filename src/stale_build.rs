//! A tab left open across a deploy. A new build replaces the hashed files, so the old page's
//! modules are gone from the host: the next kind of page it opens cannot download its code, and
//! no Retry can bring it back. When a page module fails to download, this asks the host which
//! build it serves now (its `index.html`, revalidated) and, if that page no longer names this
//! build's module loader (`gazette-loader-<hash>.js`, whose name changes with any page module),
//! loads the new build at the same address, once.

/// Remembers, for this tab, which build a reload left from, so that a host still serving the old
/// build after a reload (a stale CDN edge) gets the error message, not a reload loop.
const RELOADED_FROM_KEY: &str = "gazette.reloaded-from";

/// Reloads the page if the host now serves another build; returns if it does not (the failure
/// was the network's), or if this build already reloaded once and came back.
pub(crate) async fn reload_if_stale() {
    let Some(window) = web_sys::window() else { return };
    let own_loader = window
        .document()
        .and_then(|d| d.query_selector("link[rel=modulepreload][href*='gazette-loader-']").ok().flatten())
        .and_then(|link| link.get_attribute("href"));
    let Some(own_loader) = own_loader else { return };
    let Some(deployed) = deployed_index(&window).await else { return };
    if deployed.contains(&own_loader) {
        return;
    }
    // Without a memory across the reload a loop could not be ruled out: then no reload.
    let Some(storage) = window.session_storage().ok().flatten() else { return };
    if storage.get_item(RELOADED_FROM_KEY).ok().flatten().as_ref() != Some(&own_loader)
        && storage.set_item(RELOADED_FROM_KEY, &own_loader).is_ok()
    {
        let _ = window.location().reload();
    }
}

/// The `index.html` the host serves now. (`index.html` is served `no-cache`, see `_headers`, so
/// this fetch revalidates it.)
async fn deployed_index(window: &web_sys::Window) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let url = format!("{}index.html", crate::config::public_base());
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url)).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}

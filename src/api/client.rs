//! The one place that talks HTTP: builds URLs from the API base, fetches with a timeout,
//! classifies failures, decodes JSON and keeps decoded documents for the session.
use super::error::{classify_response, ApiError};
use super::json::{self, Decode};
use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

/// A request that has not answered after this long is abandoned with [`ApiError::Timeout`].
pub const TIMEOUT_MS: u32 = 10_000;

thread_local! {
    /// Decoded documents by URL. The API is static files, so within a session a document does
    /// not change; keeping them makes Back and revisits instant.
    static CACHE: RefCell<HashMap<String, Arc<dyn Any + Send + Sync>>> = RefCell::new(HashMap::new());
}

/// Joins the API base (which ends in `/`) and a contract path.
pub fn join(base: &str, path: &str) -> String {
    let mut url = String::with_capacity(base.len() + path.len() + 1);
    url.push_str(base);
    if !url.ends_with('/') {
        url.push('/');
    }
    url.push_str(path.trim_start_matches('/'));
    url
}

/// One path segment taken from a URL or the API (ids, slugs, languages), encoded so that it
/// cannot leave its folder.
pub fn segment(raw: &str) -> String {
    match raw {
        "." | ".." => raw.replace('.', "%2E"),
        _ => crate::links::encode_component(raw),
    }
}

/// A cached document, if this session already fetched it.
pub fn cached<T: Any + Send + Sync>(path: &str) -> Option<Arc<T>> {
    let url = join(&crate::config::api_base(), path);
    CACHE.with(|c| c.borrow().get(&url).cloned()).and_then(|v| v.downcast::<T>().ok())
}

/// Puts a document the publisher read from the API folder into the cache, so that what the
/// pages draw from the cache (more from a section) is in the published HTML too.
#[cfg(not(target_arch = "wasm32"))]
pub fn remember<T: Any + Send + Sync>(path: &str, value: Arc<T>) {
    let url = join(&crate::config::api_base(), path);
    CACHE.with(|c| c.borrow_mut().insert(url, value));
}

/// Fetches and decodes one contract document, from the session cache when possible.
pub async fn get<T: Decode + Any + Send + Sync>(path: &str) -> Result<Arc<T>, ApiError> {
    if let Some(hit) = cached::<T>(path) {
        return Ok(hit);
    }
    get_fresh(path).await
}

/// Fetches and decodes one contract document from the network, replacing the session's copy.
pub async fn get_fresh<T: Decode + Any + Send + Sync>(path: &str) -> Result<Arc<T>, ApiError> {
    let url = join(&crate::config::api_base(), path);
    let text = fetch_text(&url).await?;
    // Decoding, and then drawing what depends on it, each get a task of their own: documents
    // that arrive together (or were already fetched by index.html) then make several short tasks
    // rather than one long one that blocks the reader's input.
    crate::boot::next_task().await;
    let value: Arc<T> = Arc::new(decode(&text).inspect_err(|e| warn_unreadable(&url, e))?);
    CACHE.with(|c| c.borrow_mut().insert(url, value.clone()));
    crate::boot::next_task().await;
    Ok(value)
}

/// Fetches and decodes a file publish wrote beside the app rather than an API document (the
/// search index's list of shards), at `url`, fresh each time.
pub async fn get_published<T: Decode>(url: &str) -> Result<T, ApiError> {
    decode(&fetch_text(url).await?)
}

/// Out of line, so that the future awaiting a document does not carry the decoder: WebAssembly
/// functions are compiled when first called, and this one first runs after `next_task`.
#[inline(never)]
fn decode<T: Decode>(text: &str) -> Result<T, ApiError> {
    json::from_str(text).map_err(ApiError::Decode)
}

/// Tells the newsroom's developer, in the console, which document broke the contract and where.
fn warn_unreadable(url: &str, error: &ApiError) {
    web_sys::console::warn_1(&format!("Gazette could not read {url}: {error}").into());
}

/// Not generic, so the HTTP code exists once in the binary whatever the document type. Adopts
/// the request `index.html` started for this URL, if any (see `crate::boot`).
async fn fetch_text(url: &str) -> Result<String, ApiError> {
    use std::cell::Cell;
    use std::rc::Rc;
    let (controller, started) = match crate::boot::take_request(url) {
        Some((controller, response)) => (controller, Some(response)),
        None => (web_sys::AbortController::new().map_err(|_| ApiError::Offline)?, None),
    };
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        leptos::prelude::set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            std::time::Duration::from_millis(TIMEOUT_MS.into()),
        )
        .ok()
    };
    let result = async {
        let response = match started {
            Some(response) => adopt(response).await?,
            None => gloo_net::http::Request::get(url)
                .abort_signal(Some(&controller.signal()))
                .send()
                .await
                .map_err(|_| ApiError::Offline)?,
        };
        classify_response(response.status(), response.headers().get("content-type").as_deref())?;
        let headers = response.headers();
        super::copies::note(headers.get("x-gazette-copy").is_some(), headers.get("x-gazette-stored"));
        response.text().await.map_err(|_| ApiError::Offline)
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    result.map_err(|e| if timed_out.get() { ApiError::Timeout } else { e })
}

/// The response of a request the boot script started.
async fn adopt(response: js_sys::Promise) -> Result<gloo_net::http::Response, ApiError> {
    use wasm_bindgen::JsCast;
    let raw = wasm_bindgen_futures::JsFuture::from(response).await.map_err(|_| ApiError::Offline)?;
    raw.dyn_into::<web_sys::Response>().map(Into::into).map_err(|_| ApiError::Offline)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_handles_slashes() {
        assert_eq!(join("/api/v1/", "site.json"), "/api/v1/site.json");
        assert_eq!(join("https://cdn.example/api", "/en/edition.json"), "https://cdn.example/api/en/edition.json");
    }

    #[test]
    fn segments_cannot_escape_their_folder() {
        assert_eq!(segment("abc-12_x.y"), "abc-12_x.y");
        assert_eq!(segment("../site"), "..%2Fsite");
        assert_eq!(segment(".."), "%2E%2E");
        assert_eq!(segment("a b?c#"), "a%20b%3Fc%23");
    }
}

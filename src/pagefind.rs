//! Pagefind's searcher in the browser: the language's bundle that publish wrote
//! (`publish/search_index.rs`, `pagefind/{lang}/`), loaded when the reader starts a search and
//! asked for results. Its JS module comes through `gazetteBoot.import` (index.html): WebAssembly
//! cannot call `import()` and the CSP allows no eval. What it answers is read as plain values;
//! its ready-made excerpt (HTML) is never used, the page draws text (`search::excerpt`).
use crate::api::ApiError;
use js_sys::{Array, Function, Object, Promise, Reflect};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// While the reader types, how long typing must pause before a query runs. The first keystroke
/// after such a pause runs at once.
const DEBOUNCE_MS: u32 = 120;

thread_local! {
    /// When the last query was asked (`performance.now()`).
    static LAST_QUERY: std::cell::Cell<f64> = const { std::cell::Cell::new(f64::NEG_INFINITY) };
    /// Each language's searcher, once loaded (a failed load is tried again).
    static ENGINES: RefCell<HashMap<String, Engine>> = RefCell::new(HashMap::new());
}

/// A language's Pagefind module, initialised.
#[derive(Clone)]
pub struct Engine(JsValue);

/// One result, as the index holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The story's in-app address.
    pub path: String,
    pub title: String,
    pub section: String,
    /// RFC 3339, as the story's document gave it.
    pub date: String,
    /// The story's text (the original where the index holds it folded).
    pub text: String,
    /// Where the query's words are in `text`, by word.
    pub locations: Vec<usize>,
}

/// What a query found: how many stories, and the first of them.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub total: usize,
    pub hits: Vec<Hit>,
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Calls `target[method](args…)` and awaits the promise it returns.
async fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, ApiError> {
    let function: Function =
        get(target, method).dyn_into().map_err(|_| ApiError::Decode(format!("the searcher has no {method}")))?;
    let returned = function.apply(target, &args.iter().collect::<Array>()).map_err(failure)?;
    match returned.dyn_into::<Promise>() {
        Ok(promise) => JsFuture::from(promise).await.map_err(failure),
        Err(value) => Ok(value),
    }
}

/// A failed download is the network's; anything else is the bundle's.
fn failure(error: JsValue) -> ApiError {
    let message = get(&error, "message").as_string().unwrap_or_default();
    if error.is_instance_of::<js_sys::TypeError>() || message.contains("fetch") || message.contains("import") {
        ApiError::Offline
    } else {
        ApiError::Decode(message)
    }
}

/// The language's searcher, loaded and initialised once per visit.
pub async fn engine(lang: &str) -> Result<Engine, ApiError> {
    if let Some(engine) = ENGINES.with(|e| e.borrow().get(lang).cloned()) {
        return Ok(engine);
    }
    let window: JsValue = web_sys::window().ok_or(ApiError::Offline)?.into();
    let boot = get(&window, "gazetteBoot");
    let folder = crate::config::href(&crate::route::search_index_folder(lang));
    let module = call(&boot, "import", &[format!("{folder}pagefind.js").into()]).await?;
    let options = Object::new();
    let _ = Reflect::set(&options, &"basePath".into(), &folder.into());
    call(&module, "options", &[options.into()]).await?;
    call(&module, "init", &[]).await?;
    let engine = Engine(module);
    ENGINES.with(|e| e.borrow_mut().insert(lang.to_string(), engine.clone()));
    Ok(engine)
}

/// Starts loading the language's searcher (the reader is in a search box); failures wait for
/// the search page, which says so.
pub fn prefetch(lang: &str) {
    let lang = lang.to_string();
    leptos::task::spawn_local(async move {
        let _ = engine(&lang).await;
    });
}

impl Engine {
    /// The stories matching `query` (already folded for the index), with the first `limit`
    /// read. `None` when a newer query took its place while the reader was typing.
    pub async fn search(&self, query: &str, limit: usize) -> Result<Option<Found>, ApiError> {
        let now = web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
        let typing = now - LAST_QUERY.with(|last| last.replace(now)) < f64::from(DEBOUNCE_MS);
        let answer = if typing {
            call(&self.0, "debouncedSearch", &[query.into(), Object::new().into(), DEBOUNCE_MS.into()]).await?
        } else {
            call(&self.0, "search", &[query.into()]).await?
        };
        if answer.is_null() || answer.is_undefined() {
            return Ok(None);
        }
        let results: Array = get(&answer, "results").dyn_into().unwrap_or_default();
        let mut hits = Vec::with_capacity(limit.min(results.length() as usize));
        for result in results.iter().take(limit) {
            let data = call(&result, "data", &[]).await?;
            hits.push(hit(&data));
        }
        Ok(Some(Found { total: results.length() as usize, hits }))
    }
}

/// A result's data as plain values (missing fields are empty).
fn hit(data: &JsValue) -> Hit {
    let meta: BTreeMap<String, String> = Object::entries(&get(data, "meta").dyn_into().unwrap_or_default())
        .iter()
        .filter_map(|pair| {
            let pair: Array = pair.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect();
    let text = meta.get("text").cloned().or_else(|| get(data, "content").as_string()).unwrap_or_default();
    let locations: Array = get(data, "locations").dyn_into().unwrap_or_default();
    let field = |key: &str| meta.get(key).cloned().unwrap_or_default();
    Hit {
        // The record's own address (`url` has Pagefind's base URL put in front).
        path: get(data, "raw_url").as_string().unwrap_or_default(),
        title: field("title"),
        section: field("section"),
        date: field("date"),
        text,
        locations: locations.iter().filter_map(|l| l.as_f64()).map(|l| l as usize).collect(),
    }
}

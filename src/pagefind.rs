//! Pagefind's searcher in the browser, over the language's search index that publish wrote
//! (`publish/search_index.rs`): shards of the archive at `pagefind/{lang}/{shard}/`, named newest
//! first by `pagefind/{lang}/shards.json`. It is loaded when the reader starts a search; a query
//! searches the newest shard, and older shards are joined (Pagefind's `mergeIndex`, which shares
//! the loaded WebAssembly and fetches only the shard's page list and the chunks a query needs)
//! while a query wants more results than the shards joined so far found. Those are joined into a
//! second searcher, so that a query after a rare word is not searched in every shard it joined:
//! Pagefind searches all of a searcher's shards, fetching the query's chunks from each. Its JS module
//! (`pagefind/pagefind.js`, one for every language and shard) comes through
//! `gazetteBoot.searcher` (index.html), which imports it and makes the language's searcher
//! (Pagefind's `createInstance`) once, on the search page from the first moment: WebAssembly
//! cannot call `import()` and the CSP allows no eval. It runs on the page's own thread
//! (`noWorker`): Pagefind's worker is one more download in a row before the first answer. What it
//! answers is read as plain values; its ready-made excerpt (HTML) is never used, the page draws
//! text (`search::excerpt`).
use crate::api::json::{Decode, Fields, Json};
use crate::api::ApiError;
use js_sys::{Array, Function, Object, Promise, Reflect};
use std::cell::{Cell, RefCell};
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// While the reader types, how long typing must pause before a query runs. The first keystroke
/// after such a pause runs at once.
const DEBOUNCE_MS: u32 = 120;

thread_local! {
    /// When the last query was asked (`performance.now()`).
    static LAST_QUERY: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
    /// How many queries were asked: a query that a newer one replaced stops joining shards.
    static QUERIES: Cell<u32> = const { Cell::new(0) };
    /// Each language's searcher, once loaded (a failed load is tried again).
    static ENGINES: RefCell<HashMap<String, Engine>> = RefCell::new(HashMap::new());
    /// How many searchers were dropped because a shard failed to join. Pagefind's searcher keeps a
    /// shard that failed in its list, so the next searcher is a new one, under a name of its own,
    /// whose state starts clean.
    static DROPPED: Cell<u32> = const { Cell::new(0) };
}

/// A language's searcher: Pagefind's, searching the newest shards, and older ones when a query
/// wants more.
#[derive(Clone)]
pub struct Engine(Rc<Searcher>);

struct Searcher {
    /// Each shard's folder URL, newest first.
    shards: Vec<String>,
    /// The newest shards' searcher (the newest, and the one before it while the newest holds
    /// fewer stories), where most queries find what they want; `None` for a language without
    /// stories.
    recent: Option<Joined>,
    /// The searcher that joins older shards, made when a query first wants more than the recent
    /// ones hold.
    wide: RefCell<Option<Rc<Joined>>>,
    /// The query last answered and the pages it gave (Pagefind's ids), in order: joining a shard
    /// for "Show more" adds results after those the reader has, never reorders them.
    given: RefCell<(String, Vec<String>)>,
}

/// One of Pagefind's searchers and the shards joined into it, newest first.
struct Joined {
    instance: JsValue,
    /// The name `gazetteBoot` knows it by.
    name: String,
    /// How many shards it searches, or will once `joining` is done.
    joined: Cell<usize>,
    /// The shards being joined (`mergeIndex`): a query searches once they are in.
    joining: RefCell<Option<Promise>>,
}

impl Joined {
    fn new(instance: JsValue, name: String) -> Self {
        Joined { instance, name, joined: Cell::new(1), joining: RefCell::default() }
    }

    /// Starts joining the next `count` of `shards` (as many as are left, at most). Queries search
    /// once they are in (`Engine::settle`).
    fn join_more(&self, shards: &[String], count: usize) -> Result<(), ApiError> {
        let joined = self.joined.get();
        let total = shards.len();
        let more = &shards[joined.min(total)..joined.saturating_add(count).min(total)];
        let joining = more
            .iter()
            .map(|folder| start(&boot(), "join", &[self.name.as_str().into(), folder.into()]))
            .collect::<Result<Array, _>>()?;
        self.joined.set(joined + more.len());
        *self.joining.borrow_mut() = Some(Promise::all(&joining));
        Ok(())
    }
}

/// `shards.json`: the shards, newest first.
struct ShardList(Vec<Shard>);

impl Decode for ShardList {
    fn decode(v: Json) -> Result<Self, String> {
        Ok(ShardList(Fields::of(v)?.list("shards")?))
    }
}

/// A shard's folder and how many stories it holds.
struct Shard(String, u32);

impl Decode for Shard {
    fn decode(v: Json) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        Ok(Shard(f.string("folder")?, f.opt_u32("stories")?.unwrap_or(0)))
    }
}

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
    /// Whether every shard was searched; if not, `total` counts those that were, and there may be
    /// more in older ones.
    pub complete: bool,
    pub hits: Vec<Hit>,
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// `window.gazetteBoot` (index.html), which imports searchers and joins shards once each.
fn boot() -> JsValue {
    crate::boot::boot_object().unwrap_or(JsValue::UNDEFINED)
}

/// Calls `target[method](args…)`, returning what it returns (a promise, mostly).
fn start(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, ApiError> {
    let function: Function =
        get(target, method).dyn_into().map_err(|_| ApiError::Decode(format!("the searcher has no {method}")))?;
    function.apply(target, &args.iter().collect::<Array>()).map_err(failure)
}

/// Calls `target[method](args…)` and awaits the promise it returns.
async fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, ApiError> {
    match start(target, method, args)?.dyn_into::<Promise>() {
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
    let folder = crate::config::href(&crate::route::search_index_folder(lang));
    let ShardList(listed) = crate::api::get_published(&format!("{folder}{}", crate::route::SEARCH_SHARDS_FILE)).await?;
    let shards: Vec<String> =
        listed.iter().map(|Shard(name, _)| format!("{folder}{}/", crate::links::encode_component(name))).collect();
    // The newest shard fills up as stories come; while it holds fewer than the one before it,
    // that one is joined at once, so a common word's first results need no second round (on the
    // search page index.html's boot script has started that join by the same rule).
    let small_newest = matches!(listed.as_slice(), [Shard(_, newest), Shard(_, before), ..] if newest < before);
    let recent = match shards.first() {
        Some(newest) => {
            // Named by its newest shard, as index.html names it on the search page.
            let name = match DROPPED.with(Cell::get) {
                0 => newest.clone(),
                dropped => format!("{newest}#{dropped}"),
            };
            Some(Joined::new(make(newest, &name).await?, name))
        }
        None => None,
    };
    let searcher = Searcher { shards, recent, wide: RefCell::default(), given: RefCell::default() };
    // One searcher per language: a racing call that finished first keeps its own, whose shards
    // joined so far are the searcher's.
    let (engine, first) = ENGINES.with(|e| match e.borrow_mut().entry(lang.to_string()) {
        Entry::Occupied(held) => (held.get().clone(), false),
        Entry::Vacant(place) => (place.insert(Engine(Rc::new(searcher))).clone(), true),
    });
    if let (true, true, Some(recent)) = (first, small_newest, &engine.0.recent) {
        recent.join_more(&engine.0.shards, 1)?;
    }
    Ok(engine)
}

/// Pagefind's searcher named `name`, over the shard at `newest`: made once, whoever asks first
/// (index.html on the search page, the search box's prefetch, the search page).
async fn make(newest: &str, name: &str) -> Result<JsValue, ApiError> {
    let module = crate::config::href(&format!("/{}", crate::route::SEARCHER_FILE));
    call(&boot(), "searcher", &[newest.into(), module.into(), name.into()]).await
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
    /// read: from the newest shards, then joining older shards until `limit` are found or none is
    /// left. `None` when a newer query took its place while the reader was typing.
    pub async fn search(&self, query: &str, limit: usize) -> Result<Option<Found>, ApiError> {
        let searcher = &self.0;
        let Some(recent) = &searcher.recent else {
            return Ok(Some(Found { total: 0, complete: true, hits: vec![] }));
        };
        let asked = QUERIES.with(|q| q.get().wrapping_add(1));
        QUERIES.with(|q| q.set(asked));
        let now = web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
        let typing = now - LAST_QUERY.with(|last| last.replace(now)) < f64::from(DEBOUNCE_MS);
        self.settle(recent).await?;
        let answer = if typing {
            call(&recent.instance, "debouncedSearch", &[query.into(), Object::new().into(), DEBOUNCE_MS.into()]).await?
        } else {
            call(&recent.instance, "search", &[query.into()]).await?
        };
        let total = searcher.shards.len();
        let Some(results) = current(&answer, asked) else { return Ok(None) };
        let complete = recent.joined.get() == total;
        if results.length() as usize >= limit || complete {
            return self.read(query, &results, limit, complete).await.map(Some);
        }
        let wide = self.wide(recent).await?;
        loop {
            // Joined by this query or by another meanwhile: searched once they are in.
            self.settle(&wide).await?;
            let joined = wide.joined.get();
            let answer = call(&wide.instance, "search", &[query.into()]).await?;
            let Some(results) = current(&answer, asked) else { return Ok(None) };
            let complete = joined == total;
            if results.length() as usize >= limit || complete {
                return self.read(query, &results, limit, complete).await.map(Some);
            }
            // As many more as are joined already: a rare word reaches the oldest in a few rounds.
            if wide.joined.get() == joined {
                wide.join_more(&searcher.shards, joined)?;
            }
        }
    }

    /// The searcher that joins older shards, made the first time a query wants more than the
    /// `recent` shards hold; it starts with twice as many.
    async fn wide(&self, recent: &Joined) -> Result<Rc<Joined>, ApiError> {
        let searcher = &self.0;
        if let Some(wide) = searcher.wide.borrow().clone() {
            return Ok(wide);
        }
        let name = format!("{} wide", recent.name);
        let instance = make(&searcher.shards[0], &name).await?;
        // A query made it meanwhile (the same searcher, by its name): it joins once.
        let (wide, made) = match &mut *searcher.wide.borrow_mut() {
            Some(wide) => (wide.clone(), false),
            place => (place.insert(Rc::new(Joined::new(instance, name))).clone(), true),
        };
        if made {
            wide.join_more(&searcher.shards, recent.joined.get() * 2 - 1)?;
        }
        Ok(wide)
    }

    /// Waits for the shards `searcher` is joining, if any. If one failed (a download cut short),
    /// this engine is dropped: the search page's retry loads a new one and joins the shards again.
    async fn settle(&self, searcher: &Joined) -> Result<(), ApiError> {
        let joining = searcher.joining.borrow().clone();
        let Some(joining) = joining else { return Ok(()) };
        JsFuture::from(joining).await.map(|_| ()).map_err(|error| {
            let dropped = ENGINES.with(|e| {
                let mut engines = e.borrow_mut();
                let before = engines.len();
                engines.retain(|_, held| !Rc::ptr_eq(&held.0, &self.0));
                engines.len() < before
            });
            if dropped {
                DROPPED.with(|d| d.set(d.get() + 1));
            }
            failure(error)
        })
    }

    /// The first `limit` of `results` as hits: those given for the same query before come first,
    /// in the order given; the rest follow by Pagefind's score.
    async fn read(&self, query: &str, results: &Array, limit: usize, complete: bool) -> Result<Found, ApiError> {
        let searcher = &self.0;
        let mut results: Vec<JsValue> = results.iter().collect();
        let id = |result: &JsValue| get(result, "id").as_string().unwrap_or_default();
        {
            let (asked, given) = &*searcher.given.borrow();
            if asked == query {
                results.sort_by_cached_key(|result| given.iter().position(|g| *g == id(result)).unwrap_or(usize::MAX));
            }
        }
        // Each result's data is a fetch of its own: all of them at once, not one after another.
        let data = results.iter().take(limit).map(|result| start(result, "data", &[])).collect::<Result<Array, _>>()?;
        let data: Array = JsFuture::from(Promise::all(&data)).await.map_err(failure)?.unchecked_into();
        let hits = data.iter().map(|data| hit(&data)).collect();
        *searcher.given.borrow_mut() = (query.to_string(), results.iter().take(limit).map(id).collect());
        Ok(Found { total: results.len(), complete, hits })
    }
}

/// The results of Pagefind's `answer`, unless a newer query replaced the one `asked` (Pagefind's
/// debounced search answers a replaced query with nothing).
fn current(answer: &JsValue, asked: u32) -> Option<Array> {
    let replaced = answer.is_null() || answer.is_undefined() || QUERIES.with(|q| q.get()) != asked;
    (!replaced).then(|| get(answer, "results").dyn_into().unwrap_or_default())
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

//! Pagefind's searcher in the browser, over the language's search index that publish wrote
//! (`publish/search_index.rs`): shards of the archive at `pagefind/{lang}/{shard}/`, named newest
//! first by `pagefind/{lang}/shards.json`. It is loaded when the reader starts a search; a query
//! searches the newest shard, and older shards are joined (Pagefind's `mergeIndex`, which shares
//! the loaded WebAssembly and fetches only the shard's page list and the chunks a query needs)
//! while a query wants more results than the shards joined so far found; where the newest found
//! none, only those the words index (`publish/search_words.rs`) says may hold the query's words,
//! so that a rare or absent word does not join every shard of the archive. Its newest block is
//! joined into the newest shard's searcher, its records marked by a Pagefind filter, so that the
//! same search that finds no story says which of the newest closed shards have the query's words;
//! the older blocks are asked, by a searcher of their own, when those shards do not answer. Older
//! shards are joined into a second searcher, made with the first, so that a query after a rare
//! word is not searched in every shard it joined: Pagefind searches all of a searcher's shards,
//! fetching the query's chunks from each. Every searcher is made over the newest shard: Pagefind
//! fetches its WebAssembly from the folder a searcher is made over, and uses the one the page
//! loaded first.
//! Its JS module (`pagefind/pagefind.js`, one for every language and shard) comes through
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

/// The filter (Pagefind's, key and value) that marks the words index's records in the searcher
/// that joins them over the newest shard.
const WORDS: (&str, &str) = ("gazette-index", "words");

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
    /// Each shard's record in the words index (Pagefind's page id), if it has one; a shard with
    /// none (the newest) may hold any query's words.
    records: Vec<Option<String>>,
    /// The words index's blocks' folder URLs (none if publish wrote none).
    words: Vec<String>,
    /// The words index's searcher (every block), made when a query's words are in none of the
    /// shards the newest block names.
    finder: RefCell<Option<Rc<Joined>>>,
    /// The newest shards' searcher (the newest, and the one before it while the newest holds
    /// fewer stories), where most queries find what they want, with the words index's newest
    /// block; `None` for a language without stories.
    recent: Option<Joined>,
    /// The searcher that joins older shards (made with the engine, `engine`), taken when a query
    /// first wants more than the recent ones hold.
    wide: RefCell<Option<Rc<Joined>>>,
    /// The query last answered and the pages it gave (Pagefind's ids), in order: joining a shard
    /// for "Show more" adds results after those the reader has, never reorders them.
    given: RefCell<(String, Vec<String>)>,
}

impl Searcher {
    /// Every shard, by its place in the list (newest first): those a query wants where nothing
    /// names fewer.
    fn every_shard(&self) -> Vec<usize> {
        (0..self.shards.len()).collect()
    }
}

/// One of Pagefind's searchers and the bundles (shards, or blocks of the words index) joined into
/// it.
struct Joined {
    instance: JsValue,
    /// The name `gazetteBoot` knows it by.
    name: String,
    /// Which bundles of its list it searches, or will once `joining` is done, by their place in
    /// the list (the words index's searcher searches the newest shard too, which is not in its
    /// list of blocks, and the newest shards' searcher the words index's newest block, which is
    /// not in its list of shards).
    joined: RefCell<Vec<usize>>,
    /// Pagefind's options for each bundle it joins (a `mergeFilter` marking them), if any.
    tag: Option<JsValue>,
    /// The bundles being joined (`mergeIndex`): a query searches once they are in.
    joining: RefCell<Option<Promise>>,
}

impl Joined {
    /// A searcher made over the first bundle of its list (a shard searcher).
    fn new(instance: JsValue, name: String) -> Self {
        Joined { instance, name, joined: RefCell::new(vec![0]), joining: RefCell::default(), tag: None }
    }

    fn has(&self, bundle: usize) -> bool {
        self.joined.borrow().contains(&bundle)
    }

    fn count(&self) -> usize {
        self.joined.borrow().len()
    }

    /// Starts joining the bundles of `folders` that `which` names and are not joined yet. Queries
    /// search once they are in (`Engine::settle`).
    fn join(&self, folders: &[String], which: &[usize]) -> Result<(), ApiError> {
        let more: Vec<usize> = which.iter().copied().filter(|&bundle| !self.has(bundle)).collect();
        let options = || self.tag.clone().unwrap_or(JsValue::UNDEFINED);
        self.start_joining(more.iter().map(|&bundle| (folders[bundle].as_str(), options())))?;
        self.joined.borrow_mut().extend(more);
        Ok(())
    }

    /// Starts joining the words index's block at `folder`, its records marked (`WORDS`): the newest
    /// shards' searcher holds the newest block, whose records a search asks for by that filter or
    /// leaves out.
    fn join_words(&self, folder: &str) -> Result<(), ApiError> {
        self.start_joining(std::iter::once((folder, words_only("mergeFilter"))))
    }

    /// Starts joining each bundle at a folder, with Pagefind's `mergeIndex` options for it; those
    /// still being joined are waited for too.
    fn start_joining<'a>(&self, bundles: impl Iterator<Item = (&'a str, JsValue)>) -> Result<(), ApiError> {
        let name = JsValue::from(self.name.as_str());
        let joining = bundles
            .map(|(folder, options)| start(&boot(), "join", &[name.clone(), folder.into(), options]))
            .collect::<Result<Array, _>>()?;
        if joining.length() == 0 {
            return Ok(());
        }
        if let Some(before) = self.joining.borrow_mut().take() {
            joining.push(&before);
        }
        *self.joining.borrow_mut() = Some(Promise::all(&joining));
        Ok(())
    }
}

/// `shards.json`: the shards, newest first, and the words index's blocks.
struct ShardList(Vec<Shard>, Vec<Folder>);

impl Decode for ShardList {
    fn decode(v: Json) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        Ok(ShardList(f.list("shards")?, f.list_or_empty("words")?))
    }
}

/// A shard's folder, how many stories it holds, and its record in the words index.
struct Shard(String, u32, Option<String>);

impl Decode for Shard {
    fn decode(v: Json) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        Ok(Shard(f.string("folder")?, f.opt_u32("stories")?.unwrap_or(0), f.opt_string("words")?))
    }
}

/// A block of the words index: its folder.
struct Folder(String);

impl Decode for Folder {
    fn decode(v: Json) -> Result<Self, String> {
        Ok(Folder(Fields::of(v)?.string("folder")?))
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
    /// Whether every shard that may hold the query's words was searched; if not, `total` counts
    /// those that were, and there may be more in older ones.
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
    settled(start(target, method, args)?).await
}

/// What `value` gives: itself, or what it settles to if it is a promise.
async fn settled(value: JsValue) -> Result<JsValue, ApiError> {
    match value.dyn_into::<Promise>() {
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
    let ShardList(listed, blocks) =
        crate::api::get_published(&format!("{folder}{}", crate::route::SEARCH_SHARDS_FILE)).await?;
    let under = |path: String| format!("{folder}{path}/");
    let shards: Vec<String> =
        listed.iter().map(|Shard(name, ..)| under(crate::links::encode_component(name))).collect();
    let words = blocks.iter().map(|Folder(name)| under(format!("words/{}", crate::links::encode_component(name))));
    let words = words.collect();
    let records = listed.iter().map(|Shard(.., record)| record.clone()).collect();
    // The newest shard fills up as stories come; while it holds fewer than the one before it,
    // that one is joined at once, so a common word's first results need no second round (on the
    // search page index.html's boot script has started that join by the same rule).
    let small_newest = matches!(listed.as_slice(), [Shard(_, newest, _), Shard(_, before, _), ..] if newest < before);
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
    let searcher = Searcher {
        shards,
        records,
        words,
        finder: RefCell::default(),
        recent,
        wide: RefCell::default(),
        given: RefCell::default(),
    };
    // One searcher per language: a racing call that finished first keeps its own, whose shards
    // joined so far are the searcher's.
    let (engine, first) = ENGINES.with(|e| match e.borrow_mut().entry(lang.to_string()) {
        Entry::Occupied(held) => (held.get().clone(), false),
        Entry::Vacant(place) => (place.insert(Engine(Rc::new(searcher))).clone(), true),
    });
    if let (true, Some(recent)) = (first, &engine.0.recent) {
        if small_newest {
            recent.join(&engine.0.shards, &[1])?;
        }
        // The words index's newest block is searched with them: where they find none of a query's
        // stories, its records in the same answer say which of the shards it covers have its
        // words (index.html starts this join on the search page too).
        if let Some(newest_block) = engine.0.words.first() {
            recent.join_words(newest_block)?;
        }
        // A query whose words the newest shards lack joins older shards into a searcher of their
        // own: made now (on the search page index.html's boot script has made it, by the same
        // name), it is ready when such a query wants it, and Pagefind joins its shards at once
        // (into a searcher whose WebAssembly is not in yet it joins on its next 50 ms check). Not
        // before: Pagefind loads its WebAssembly once a page, and a searcher made while the first
        // loads would load it again, over the first's (`make` gives a searcher once it is in).
        if engine.0.shards.len() > recent.count() {
            making(&engine.0.shards[0], &wide_name(recent))?;
        }
    }
    Ok(engine)
}

/// Pagefind's searcher named `name`, over the shard at `newest`: made once, whoever asks first
/// (index.html on the search page, the search box's prefetch, the search page), and given once
/// its WebAssembly is in.
async fn make(newest: &str, name: &str) -> Result<JsValue, ApiError> {
    settled(making(newest, name)?).await
}

/// Starts making the searcher `make` gives (once per name), returning its promise.
fn making(newest: &str, name: &str) -> Result<JsValue, ApiError> {
    let module = crate::config::href(&format!("/{}", crate::route::SEARCHER_FILE));
    start(&boot(), "searcher", &[newest.into(), module.into(), name.into()])
}

/// The name of the searcher that joins older shards, after the `recent` shards' searcher
/// (index.html's boot script makes it by this name on the search page).
fn wide_name(recent: &Joined) -> String {
    format!("{} wide", recent.name)
}

/// The name of the words index's searcher, after the `recent` shards' searcher.
fn finder_name(recent: &Joined) -> String {
    format!("{} words", recent.name)
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
    /// read: from the newest shards (which answer a first page with any they find), then joining
    /// older shards (those that may hold the query's words, where the newest have none) a round
    /// at a time, until `limit` are found, or a round has found `enough` (more than the reader has
    /// on screen: "Show more" asks for the rest), or none is left. A rare combination of words
    /// thus costs the rounds that find its first stories, not those that fill a page. `None` when
    /// a newer query took its place while the reader was typing.
    pub async fn search(&self, query: &str, enough: usize, limit: usize) -> Result<Option<Found>, ApiError> {
        let searcher = &self.0;
        let Some(recent) = &searcher.recent else {
            return Ok(Some(Found { total: 0, complete: true, hits: vec![] }));
        };
        let asked = QUERIES.with(|q| q.get().wrapping_add(1));
        QUERIES.with(|q| q.set(asked));
        let now = web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
        let typing = now - LAST_QUERY.with(|last| last.replace(now)) < f64::from(DEBOUNCE_MS);
        self.settle(recent).await?;
        // The words index's newest block is joined into them, its records marked: they are left out.
        let stories = if searcher.words.is_empty() {
            Object::new().into()
        } else {
            options("filters", &options("not", &words_filter()))
        };
        let answer = if typing {
            call(&recent.instance, "debouncedSearch", &[query.into(), stories, DEBOUNCE_MS.into()]).await?
        } else {
            call(&recent.instance, "search", &[query.into(), stories]).await?
        };
        let Some(results) = current(&answer, asked) else { return Ok(None) };
        let complete = recent.count() == searcher.shards.len();
        // The newest shards answer when they fill the page, and when they find any for a reader
        // with none on screen: a rare word's first stories are its newest, and "Show more" asks
        // older shards for the rest.
        let found = results.length() as usize;
        if found >= limit || (found > 0 && enough <= 1) || complete {
            return self.read(query, &results, limit, complete).await.map(Some);
        }
        // Where the newest shards found some (fewer than "Show more" asks for), the query's words
        // are spread through the archive, and older shards are joined newest first. Where they
        // found none, its words are absent, or the stories that have them are older: the words
        // index says which shards have them, its newest block (the newest closed shards) in the
        // same answer, the rest when those do not answer.
        let (mut wanted, mut every_block) = match found {
            0 => match self.named_by_newest_block(recent, query, asked).await? {
                Some(named) => named,
                None => return Ok(None),
            },
            _ => (searcher.every_shard(), true),
        };
        if !every_block && wanted.iter().all(|&shard| recent.has(shard)) {
            let Some(named) = self.named_by_every_block(recent, query, asked).await? else { return Ok(None) };
            (wanted, every_block) = (named, true);
        }
        if wanted.iter().all(|&shard| recent.has(shard)) {
            return self.read(query, &results, limit, true).await.map(Some);
        }
        let wide = self.wide(recent, &wanted).await?;
        loop {
            // Joined by this query or by another meanwhile: searched once they are in.
            self.settle(&wide).await?;
            let joined = wide.count();
            let answer = call(&wide.instance, "search", &[query.into()]).await?;
            let Some(results) = current(&answer, asked) else { return Ok(None) };
            let mut left: Vec<usize> = wanted.iter().copied().filter(|&shard| !wide.has(shard)).collect();
            let complete = left.is_empty() && every_block;
            if results.length() as usize >= enough.min(limit) || complete {
                return self.read(query, &results, limit, complete).await.map(Some);
            }
            if left.is_empty() {
                // The shards the newest blocks named are searched: the rest of the index names more.
                let Some(named) = self.named_by_every_block(recent, query, asked).await? else { return Ok(None) };
                (wanted, every_block) = (named, true);
                left = wanted.iter().copied().filter(|&shard| !wide.has(shard)).collect();
                if left.is_empty() {
                    return self.read(query, &results, limit, true).await.map(Some);
                }
            }
            // As many more as it holds of those wanted: a rare word reaches the oldest in a few
            // rounds.
            if wide.count() == joined {
                let held = wanted.len() - left.len();
                wide.join(&searcher.shards, &left[..held.clamp(1, left.len())])?;
            }
        }
    }

    /// The shards that may hold `query`'s words, newest first, by the words index's newest block,
    /// which the `recent` shards' searcher holds (`named_in`), with whether that is every block:
    /// where it is the only one, or names every shard, the older blocks can name no more. Every
    /// shard when publish wrote no words index; `None` when a newer query took its place.
    async fn named_by_newest_block(
        &self,
        recent: &Joined,
        query: &str,
        asked: u32,
    ) -> Result<Option<(Vec<usize>, bool)>, ApiError> {
        let searcher = &self.0;
        if searcher.words.is_empty() {
            return Ok(Some((searcher.every_shard(), true)));
        }
        let Some(named) = self.named_in(&recent.instance, query, asked).await? else { return Ok(None) };
        let every_block = searcher.words.len() == 1 || named.len() == searcher.shards.len();
        Ok(Some((named, every_block)))
    }

    /// The shards that may hold `query`'s words, newest first, by every block of the words index
    /// (`named_in` its own searcher); every shard when publish wrote no words index. `None` when a
    /// newer query took its place.
    async fn named_by_every_block(
        &self,
        recent: &Joined,
        query: &str,
        asked: u32,
    ) -> Result<Option<Vec<usize>>, ApiError> {
        let searcher = &self.0;
        if searcher.words.is_empty() {
            return Ok(Some(searcher.every_shard()));
        }
        let finder = self.finder(recent).await?;
        self.settle(&finder).await?;
        self.named_in(&finder.instance, query, asked).await
    }

    /// The shards the words index's blocks joined into the searcher `instance` name for `query`
    /// (its records asked for by their filter, the query as its words: `words_of`), and those
    /// they have no record of (the newest, and those of blocks not joined); every shard when they
    /// name a record `shards.json` does not (a list older than the index). `None` when a newer
    /// query took its place.
    async fn named_in(&self, instance: &JsValue, query: &str, asked: u32) -> Result<Option<Vec<usize>>, ApiError> {
        let answer = call(instance, "search", &[words_of(query).into(), words_only("filters")]).await?;
        let Some(results) = current(&answer, asked) else { return Ok(None) };
        let named = crate::search::shards_named(&self.0.records, &ids(&results));
        Ok(Some(named.unwrap_or_else(|| self.0.every_shard())))
    }

    /// The words index's searcher, with every block joined: made once, named after the `recent`
    /// shards' searcher. It is made over the newest shard, as Pagefind fetches its
    /// WebAssembly from the folder a searcher is made over (and then uses the one the page loaded
    /// first): over a block it would download a copy of its own. The blocks are marked (`WORDS`),
    /// and a search asks for marked records only.
    async fn finder(&self, recent: &Joined) -> Result<Rc<Joined>, ApiError> {
        let searcher = &self.0;
        let name = finder_name(recent);
        let made_over = |instance, name| Joined {
            joined: RefCell::default(),
            tag: Some(words_only("mergeFilter")),
            ..Joined::new(instance, name)
        };
        let (finder, _) = once(&searcher.finder, &searcher.shards[0], name, made_over).await?;
        finder.join(&searcher.words, &(0..searcher.words.len()).collect::<Vec<_>>())?;
        Ok(finder)
    }

    /// The searcher that joins older shards (made with the engine, `engine`), taken the first time
    /// a query wants more than the `recent` shards hold; it starts with those and as many again of
    /// the shards `wanted`.
    async fn wide(&self, recent: &Joined, wanted: &[usize]) -> Result<Rc<Joined>, ApiError> {
        let searcher = &self.0;
        let (wide, made) = once(&searcher.wide, &searcher.shards[0], wide_name(recent), Joined::new).await?;
        if made {
            let more = wanted.iter().copied().filter(|&shard| !recent.has(shard)).take(recent.count());
            wide.join(&searcher.shards, &recent.joined.borrow().iter().copied().chain(more).collect::<Vec<_>>())?;
        }
        Ok(wide)
    }

    /// Waits for the bundles `searcher` is joining, if any. If one failed (a download cut short),
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

/// The searcher `place` holds, made over the bundle at `folder` under `name` (and described by
/// `joined`) the first time, and whether this call made it: a query that made it meanwhile (the
/// same searcher, by its name) keeps its own, so that it joins its bundles once.
async fn once(
    place: &RefCell<Option<Rc<Joined>>>,
    folder: &str,
    name: String,
    joined: impl FnOnce(JsValue, String) -> Joined,
) -> Result<(Rc<Joined>, bool), ApiError> {
    if let Some(held) = place.borrow().clone() {
        return Ok((held, false));
    }
    let instance = make(folder, &name).await?;
    Ok(match &mut *place.borrow_mut() {
        Some(held) => (held.clone(), false),
        place => (place.insert(Rc::new(joined(instance, name))).clone(), true),
    })
}

/// Pagefind's options (`option` is `mergeFilter` or `filters`) naming the words index's records:
/// they are marked when their blocks are joined, and only they are asked for.
fn words_only(option: &str) -> JsValue {
    options(option, &words_filter())
}

/// The filter that marks the words index's records (`WORDS`).
fn words_filter() -> JsValue {
    options(WORDS.0, &WORDS.1.into())
}

/// An object of one `key` set to `value`: Pagefind's options, filters, compound filters.
fn options(key: &str, value: &JsValue) -> JsValue {
    let object = Object::new();
    let _ = Reflect::set(&object, &key.into(), value);
    object.into()
}

/// The results of Pagefind's `answer`, unless a newer query replaced the one `asked` (Pagefind's
/// debounced search answers a replaced query with nothing).
fn current(answer: &JsValue, asked: u32) -> Option<Array> {
    let replaced = answer.is_null() || answer.is_undefined() || QUERIES.with(|q| q.get()) != asked;
    (!replaced).then(|| get(answer, "results").dyn_into().unwrap_or_default())
}

/// `query` as the words index is asked it: its records hold words, not their order, so a quoted
/// phrase is asked as its words.
fn words_of(query: &str) -> String {
    query.replace('"', " ")
}

/// The ids (Pagefind's) of a search's `results`.
fn ids(results: &Array) -> Vec<String> {
    results.iter().map(|result| get(&result, "id").as_string().unwrap_or_default()).collect()
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

//! Each language's search index, from its stories' full text: Pagefind bundles (its indexer
//! through `pagefind::api`, the language's WebAssembly, an index split into chunks so that a query
//! fetches only the few it needs), one per shard of the language's stories (`search_shards.rs`) at
//! `pagefind/{lang}/{shard}/`, and Pagefind's searcher (JS) once for them all at
//! `pagefind/pagefind.js`. The search page loads them (`pagefind.rs`).
//!
//! A record is built from the article document publish reads anyway, as plain text: headline,
//! lead and every text block. What Pagefind does not fold is folded here (`search::fold_for_index`),
//! with the original text kept beside it for the excerpt. A shard's bundle is built again only
//! when one of its records changed; a language's index is kept as it was when a story's document
//! could not be read this run: an index without that story would lose it from search.
use super::fingerprint;
use super::output::Output;
use super::precompressed::{compress_beside, has_siblings};
use super::search_shards;
use super::search_words;
use crate::api::{Article, Block, Edition};
use crate::links::safe_src;
use crate::route::{article_path, SEARCHER_FILE, SEARCH_INDEX_FOLDER as FOLDER, SEARCH_SHARDS_FILE};
use crate::search::fold_for_index;
use std::collections::{BTreeMap, HashMap};

/// What the index holds of one story.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) struct Record {
    /// The story's in-app address (`/en/economy/12/slug`): the app turns it into a link.
    pub path: String,
    /// What is searched: the story's text with `fold_for_index` applied.
    pub content: String,
    /// Headline, section, date, picture and, where folding changed the text, the original.
    pub meta: BTreeMap<String, String>,
}

/// The text a story is found by: headline, lead, then each block's text, one per line.
fn full_text(article: &Article) -> String {
    let s = &article.summary;
    let mut lines = vec![s.title.clone(), s.lead.clone()];
    let inlines = |content: &[crate::api::Inline]| content.iter().map(|i| i.text.as_str()).collect::<String>();
    for block in &article.body {
        match block {
            Block::Paragraph { content } => lines.push(inlines(content)),
            Block::Heading { text, .. } => lines.push(text.clone()),
            Block::Quote { content, cite } => {
                lines.push(inlines(content));
                lines.extend(cite.clone());
            }
            Block::Image(image) => lines.extend(image.caption.clone()),
            Block::List { items, .. } => lines.extend(items.iter().map(|item| inlines(item))),
            Block::Table { rows, .. } => lines.extend(rows.iter().map(|row| row.join(" "))),
            Block::Preformatted { text } => lines.push(text.clone()),
        }
    }
    // One line per block, whitespace as Pagefind counts words (any run of it is one gap).
    lines
        .iter()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The story's record in language `lang`.
pub(super) fn record(lang: &str, edition: &Edition, article: &Article) -> Record {
    let s = &article.summary;
    let text = full_text(article);
    let content = fold_for_index(&text);
    let mut meta = BTreeMap::from([
        ("title".to_string(), s.title.clone()),
        ("section".to_string(), edition.section_title(&s.section)),
        ("date".to_string(), s.published_at.clone()),
    ]);
    if let Some((image, src)) = s.image.as_ref().and_then(|i| Some((i, safe_src(&i.src)?))) {
        meta.insert("image".into(), src);
        meta.insert("image_alt".into(), image.alt.clone());
    }
    if content != text {
        meta.insert("text".into(), text);
    }
    Record { path: article_path(lang, &s.section, &s.id, &s.slug), content, meta }
}

/// The name of Pagefind's searcher (JS) among a bundle's files: the same in every bundle, so it is
/// served once for all (`SEARCHER_FILE`).
const BUNDLE_SEARCHER: &str = "pagefind.js";

/// The files of a bundle a reader's browser may fetch: the language's WebAssembly and the index.
/// The searcher is served once for every bundle; Pagefind's ready-made interfaces and their
/// styles are left out, and so is its worker: the searcher runs on the page's thread
/// (`src/pagefind.rs` says why).
fn is_served(file: &str) -> bool {
    file == ENTRY
        || (file.starts_with("wasm.") && file.ends_with(".pagefind"))
        || file.ends_with(".pf_meta")
        || ["index/", "fragment/", "filter/"].iter().any(|folder| file.starts_with(folder))
}

/// How many stories a search shard holds when it is closed, unless publish is told otherwise
/// (`--search-shard-stories`): small enough that indexing one takes about two seconds on a
/// 2-core machine (and some 300 MB), large enough that a query for a common word finds a page
/// of results in the newest shard alone.
pub(super) const SHARD_STORIES: usize = 600;

/// How a language's search index is cut: how many stories a shard holds when it is closed, and
/// how many closed shards a block of the words index holds (`search_words.rs`).
#[derive(Clone, Copy, Debug)]
pub(super) struct Cut {
    pub shard_stories: usize,
    pub block_shards: usize,
}

impl Default for Cut {
    fn default() -> Self {
        Cut { shard_stories: SHARD_STORIES, block_shards: search_words::BLOCK_SHARDS }
    }
}

/// Builds the search index of language `lang` from `records` (in any order) into
/// `pagefind/{lang}/`: one bundle per shard at `pagefind/{lang}/{shard}/`, each built again
/// only when its records changed, the words index that tells which shards hold a query's words
/// (`search_words.rs`), and the list of shards written after them all; and the searcher they
/// share, from any bundle built (else kept as the last run wrote it).
pub(super) fn write_index(lang: &str, records: Vec<Record>, cut: Cut, out: &mut Output) -> Result<(), String> {
    let folder = format!("{FOLDER}/{lang}/");
    let list = format!("{folder}{SEARCH_SHARDS_FILE}");
    let (listed, last_words) =
        search_shards::parse(&std::fs::read_to_string(out.dir().join(&list)).unwrap_or_default());
    let built: HashMap<u32, u64> = listed.iter().filter_map(|l| Some((l.folder, l.fingerprint?))).collect();
    let shards =
        search_shards::plan(records, listed.into_iter().map(|l| (l.folder, l.from)).collect(), cut.shard_stories);
    let mut fingerprints = Vec::with_capacity(shards.len());
    let mut searcher = None;
    for shard in &shards {
        let last = built.get(&shard.folder).copied();
        let (fingerprint, js) = write_bundle(lang, &format!("{folder}{}/", shard.folder), &shard.records, last, out)?;
        fingerprints.push(fingerprint);
        searcher = searcher.or(js);
    }
    if let (None, Some(shard)) = (&searcher, shards.first()) {
        // Every bundle was kept: so is the searcher, unless another language wrote it this run or
        // it is missing, when one bundle is built again for it.
        if !out.makes(SEARCHER_FILE) && !out.keep_file(SEARCHER_FILE) {
            searcher = write_bundle(lang, &format!("{folder}{}/", shard.folder), &shard.records, None, out)?.1;
        }
    }
    if let Some(js) = searcher {
        out.write(SEARCHER_FILE, &js).map_err(|e| format!("{SEARCHER_FILE}: {e}"))?;
        // Served precompressed (`out.write` keeps siblings in step once made).
        let path = out.dir().join(SEARCHER_FILE);
        if !has_siblings(&path) {
            compress_beside(&path, &js).map_err(|e| format!("{SEARCHER_FILE}: {e}"))?;
        }
    }
    let words = search_words::write(lang, &folder, &shards, &fingerprints, cut.block_shards, &last_words, out)?;
    out.write(&list, search_shards::render(&shards, &fingerprints, &words)).map_err(|e| format!("{list}: {e}"))
}

/// Builds one bundle of language `lang` from `records` into `folder`, unless the last run built
/// it from the same records (`last`, the fingerprint `shards.json` recorded: it serves publish
/// and `publish search-index`, which keeps no manifest, alike). Returns the records' fingerprint,
/// and the searcher's JS if the bundle was built.
fn write_bundle(
    lang: &str,
    folder: &str,
    records: &[Record],
    last: Option<u64>,
    out: &mut Output,
) -> Result<(u64, Option<Vec<u8>>), String> {
    let fingerprint = fingerprint::of((lang, pagefind_version(), records));
    if keep_bundle(folder, fingerprint, last, out) {
        return Ok((fingerprint, None));
    }
    Ok((fingerprint, Some(write_files(folder, build(lang, records)?, out)?)))
}

/// Keeps the bundle in `folder` if the last run built it from the same inputs (`fingerprint`
/// against `last`) and its entry is there. What an earlier version served and this one does not
/// (Pagefind's worker, a copy of the searcher of its own) goes.
pub(super) fn keep_bundle(folder: &str, fingerprint: u64, last: Option<u64>, out: &mut Output) -> bool {
    let kept = last == Some(fingerprint) && out.dir().join(format!("{folder}{ENTRY}")).is_file();
    if kept {
        out.keep(|file| file.strip_prefix(folder).is_some_and(is_served));
    }
    kept
}

/// Writes a bundle's `files` into `folder`, the entry file, which names the others, last, so a
/// reader never meets an entry whose files are not there yet. Returns the searcher's JS.
pub(super) fn write_files(folder: &str, files: Vec<(String, Vec<u8>)>, out: &mut Output) -> Result<Vec<u8>, String> {
    let (mut entry_contents, mut searcher) = (None, None);
    for (name, contents) in files {
        match name.as_str() {
            ENTRY => entry_contents = Some(contents),
            BUNDLE_SEARCHER => searcher = Some(contents),
            _ => {
                let relative = format!("{folder}{name}");
                out.write(&relative, &contents).map_err(|e| format!("{relative}: {e}"))?;
            }
        }
    }
    let contents = entry_contents.ok_or("Pagefind wrote no pagefind-entry.json")?;
    let entry = format!("{folder}{ENTRY}");
    out.write(&entry, &contents).map_err(|e| format!("{entry}: {e}"))?;
    searcher.ok_or_else(|| "Pagefind wrote no pagefind.js".to_string())
}

/// A bundle's entry file, which names its other files.
const ENTRY: &str = "pagefind-entry.json";

/// `publish search-index --api <folder> --out <folder>`: the search indexes alone, for the
/// development server (`./x serve`, through `tools/post-build.mjs`), which serves the app and the
/// demo API but publishes no pages.
pub(super) fn command(args: &[String]) -> Result<String, super::Fatal> {
    use super::error::Fatal;
    let [api_flag, api, out_flag, out] = args else {
        return Err(Fatal::Usage("usage: publish search-index --api <folder> --out <folder>".into()));
    };
    if (api_flag.as_str(), out_flag.as_str()) != ("--api", "--out") {
        return Err(Fatal::Usage("usage: publish search-index --api <folder> --out <folder>".into()));
    }
    let source = super::source::Source::new(api, std::time::Duration::from_secs(30));
    let site: crate::api::Site = source.read("site.json").map_err(Fatal::Unreadable)?;
    let mut problems = vec![];
    let languages = super::load::languages(&source, &site.languages, &mut problems);
    let mut output = Output::new(std::path::Path::new(out), Default::default());
    for language in &languages.read {
        let records = language
            .stories
            .iter()
            .filter_map(|story| {
                let article = source.read::<Article>(&crate::api::article_path(&language.code, &story.id));
                article.map_err(|problem| problems.push(problem)).ok()
            })
            .map(|article| record(&language.code, &language.edition, &article))
            .collect();
        write_index(&language.code, records, Cut::default(), &mut output).map_err(Fatal::Template)?;
    }
    for problem in &problems {
        eprintln!("publish: search-index: {problem}");
    }
    Ok(format!("publish: search indexes of {} languages in {out}/{FOLDER}", languages.read.len()))
}

/// Pagefind's version and the size of its index chunks, part of a bundle's fingerprint: a new
/// searcher, or chunks of another size, mean a new bundle.
pub(super) fn pagefind_version() -> String {
    format!("1.6 chunks of {}", chunk_size())
}

/// Pagefind's setting for the size of an index chunk (in word locations), which it reads from the
/// environment only.
const CHUNK_SIZE_SETTING: &str = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE";

/// How many word locations a chunk of a bundle's index holds. A query fetches, from each shard
/// it searches, the chunk that holds each of its words: Pagefind's default, 20,000, made chunks
/// of about 25 KB (gzip) at 600 stories of 600 words, most of it other words'; smaller chunks
/// make more files (listed in the page list each query fetches) but cost a query less.
const INDEX_CHUNK_SIZE: usize = 4_000;

/// Gives Pagefind this index chunk size, unless the environment already names one (to measure
/// another): called by `publish::main` before any thread starts, as Pagefind reads it from the
/// environment.
pub(super) fn set_chunk_size() {
    if std::env::var_os(CHUNK_SIZE_SETTING).is_none() {
        std::env::set_var(CHUNK_SIZE_SETTING, INDEX_CHUNK_SIZE.to_string());
    }
}

/// The index chunk size Pagefind will use: ours once `set_chunk_size` ran, its default before.
fn chunk_size() -> usize {
    std::env::var(CHUNK_SIZE_SETTING).ok().and_then(|size| size.parse().ok()).unwrap_or(20_000)
}

/// The bundle's files (name under the bundle's folder, bytes), as Pagefind makes them.
pub(super) fn build(lang: &str, records: &[Record]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let runtime = tokio::runtime::Builder::new_current_thread().build().map_err(|e| e.to_string())?;
    runtime.block_on(async {
        let config = pagefind::options::PagefindServiceConfig::builder().force_language(lang.to_string()).build();
        let mut index = pagefind::api::PagefindIndex::new(Some(config)).map_err(|e| e.to_string())?;
        for record in records {
            index
                .add_custom_record(
                    record.path.clone(),
                    record.content.clone(),
                    lang.to_string(),
                    Some(record.meta.clone()),
                    None,
                    None,
                )
                .await
                .map_err(|e| e.to_string())?;
        }
        let files = index.get_files().await.map_err(|e| e.to_string())?;
        Ok(files
            .into_iter()
            .filter_map(|file| {
                let name = file.filename.to_string_lossy().replace('\\', "/");
                // Pagefind names them under its default bundle folder.
                let name = name.split_once(&format!("{FOLDER}/")).map_or(name.as_str(), |(_, n)| n).to_string();
                (is_served(&name) || name == BUNDLE_SEARCHER).then_some((name, file.contents))
            })
            .collect())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::json::from_str;

    fn hostile() -> Article {
        from_str(
            r#"{"id": "7", "slug": "s", "section": "politics", "title": "<img src=x onerror=alert(1)> Bakı",
            "lead": "<script>alert(1)</script>", "published_at": "2026-11-02T10:00:00+04:00", "views": 1,
            "image": {"src": "javascript:alert(1)", "alt": "a", "width": 4, "height": 3},
            "body": [
              {"type": "paragraph", "content": [{"text": "Click "}, {"text": "<b>here</b>", "href": "javascript:alert(1)"}]},
              {"type": "heading", "level": 2, "text": "<h1>Big</h1>"},
              {"type": "list", "ordered": false, "items": [[{"text": "one"}], [{"text": "two"}]]}
            ], "tags": [], "related": [], "translations": {}}"#,
        )
        .unwrap()
    }

    #[test]
    fn a_hostile_story_becomes_text_only_records() {
        let edition = Edition { sections: vec![], footer_notice: String::new(), refused_sections: vec![] };
        let record = record("en", &edition, &hostile());
        assert_eq!(record.path, "/en/politics/7/s");
        assert_eq!(
            record.meta["text"],
            "<img src=x onerror=alert(1)> Bakı\n<script>alert(1)</script>\nClick <b>here</b>\n<h1>Big</h1>\none\ntwo",
            "markup stays text; a link keeps its words, never its address"
        );
        assert_eq!(record.content, record.meta["text"].replace('ı', "i"), "ı is folded for the index only");
        assert!(!record.content.contains("javascript:"), "{record:?}");
        assert!(!record.meta.contains_key("image"), "a javascript: picture is no picture");
        assert_eq!(record.meta["title"], "<img src=x onerror=alert(1)> Bakı");
        assert_eq!(record.meta["section"], "politics", "a section the edition does not name keeps its slug");
    }

    #[test]
    fn the_bundle_holds_the_searcher_and_an_index_and_nothing_else() {
        let edition = Edition { sections: vec![], footer_notice: String::new(), refused_sections: vec![] };
        let files = build("en", &[record("en", &edition, &hostile())]).unwrap();
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        for wanted in [BUNDLE_SEARCHER, "pagefind-entry.json", "wasm.en.pagefind"] {
            assert!(names.contains(&wanted), "{wanted} in {names:?}");
        }
        assert!(!names.contains(&"pagefind-worker.js"), "the searcher runs on the page's thread: {names:?}");
        assert!(names.iter().any(|n| n.starts_with("index/")) && names.iter().any(|n| n.starts_with("fragment/")));
        assert!(!names.iter().any(|n| n.contains("ui")), "no ready-made interface: {names:?}");
    }
}

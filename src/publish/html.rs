//! The HTML pages of a run: which pages exist (every language's front page and sections, each
//! with every page of its feed, and every story), what their heads say (`head.rs`), and drawing
//! and writing them on every core.
//!
//! A page whose fingerprint (`fingerprint.rs`) is what the last run recorded is not drawn again.
//! A page whose document cannot be read or decoded, or whose drawing panics, is reported and
//! keeps its last good file: only a successfully read API removes a page, by no longer listing it.
use super::error::Problem;
use super::feeds::{EntryFacts, StoryFacts};
use super::fingerprint;
use super::head::head_html;
use super::load::{Language, Languages};
use super::output::Output;
use super::pages::{article_body, feed_body, LanguageFrame, Template};
use super::search_index;
use super::source::Source;
use crate::api::json::from_str;
use crate::api::{feed_path, Article, FeedChunk, Section, Site, LATEST};
use crate::head::PageHead;
use crate::route::{Route, PAGE};
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// What every page of a run shares.
pub(super) struct Run<'a> {
    pub api: &'a Source,
    pub site: Arc<Site>,
    pub languages: &'a Languages,
    pub template: &'a Template,
    /// The run's inputs (`fingerprint::run`).
    pub fingerprint: u64,
    pub site_url: &'a str,
}

/// One page to publish.
struct Job {
    /// Which language (index into the run's languages).
    language: usize,
    /// The API document the page is drawn from.
    document: String,
    /// Where the page goes, under the output folder.
    file: String,
    route: Route,
    kind: Kind,
}

enum Kind {
    /// Page `page` of `total` of a feed: a section's, or the front page's (`None`).
    Feed { section: Option<Section>, page: u32, total: u32 },
    /// A story, at the address its index entry gives (`Job::route`).
    Article,
}

/// A feed's first page, read before the pages are listed: it says how many pages the feed has,
/// and a story shows its section's newest stories.
struct FirstPage {
    text: String,
    chunk: Arc<FeedChunk>,
}

/// By (language index, feed name).
type FirstPages = HashMap<(usize, String), FirstPage>;

/// The feeds of a language: the front page's (`None`) and each section's.
fn feeds(language: &Language) -> impl Iterator<Item = Option<&Section>> {
    std::iter::once(None).chain(language.edition.sections.iter().map(Some))
}

fn feed_name(section: Option<&Section>) -> &str {
    section.map_or(LATEST, |s| s.slug.as_str())
}

/// Whether `file` is one of the pages of the feed whose first page is `first_file`.
fn is_feed_page(file: &str, first_file: &str) -> bool {
    let later = match first_file.strip_suffix("/index.html") {
        Some(lang) => format!("{lang}/{PAGE}/"),
        None => format!("{}/{PAGE}/", first_file.trim_end_matches(".html")),
    };
    file == first_file || file.strip_prefix(&later).is_some_and(|rest| !rest.contains('/'))
}

/// Reads every feed's first page; a feed whose first page cannot be read keeps all its pages.
fn first_pages(run: &Run, out: &mut Output, problems: &mut Vec<Problem>) -> FirstPages {
    let mut pages = FirstPages::new();
    for (index, language) in run.languages.read.iter().enumerate() {
        for section in feeds(language) {
            let name = feed_name(section);
            let path = feed_path(&language.code, name, 1);
            let read = run.api.read_text(&path).and_then(|text| {
                let chunk = from_str::<FeedChunk>(&text).map_err(|e| Problem::new(&path, e))?;
                Ok(FirstPage { text, chunk: Arc::new(chunk) })
            });
            match read {
                Ok(first) => {
                    pages.insert((index, name.to_string()), first);
                }
                Err(problem) => {
                    let route = feed_route(&language.code, section, 1);
                    if let Some(first_file) = route.file() {
                        out.keep(|file| is_feed_page(file, &first_file));
                    }
                    problems
                        .push(Problem::new(problem.what, format!("{}; its pages are left as they were", problem.why)));
                }
            }
        }
    }
    pages
}

fn feed_route(lang: &str, section: Option<&Section>, page: u32) -> Route {
    match section {
        None => Route::Home { lang: lang.into(), page },
        Some(s) => Route::Section { lang: lang.into(), section: s.slug.clone(), page },
    }
}

/// Every page the languages have: each feed's pages, every story.
fn jobs(languages: &[Language], first_pages: &FirstPages) -> Vec<Job> {
    let mut jobs = vec![];
    for (index, language) in languages.iter().enumerate() {
        let lang = &language.code;
        for section in feeds(language) {
            let Some(first) = first_pages.get(&(index, feed_name(section).to_string())) else { continue };
            // Each page holds a story at least: a larger count is a CMS's mistake, not pages to ask for.
            let total =
                first.chunk.total_pages.clamp(1, u32::try_from(language.stories.len()).unwrap_or(u32::MAX).max(1));
            for page in 1..=total {
                let kind = Kind::Feed { section: section.cloned(), page, total };
                jobs.extend(job(index, feed_route(lang, section, page), kind));
            }
        }
        for story in &language.stories {
            let (section, id, slug) = (story.section.clone(), story.id.clone(), story.slug.clone());
            jobs.extend(job(index, Route::Article { lang: lang.clone(), section, id, slug }, Kind::Article));
        }
    }
    jobs
}

/// The route's page, unless a name in it cannot be a file (the app answers its address).
fn job(language: usize, route: Route, kind: Kind) -> Option<Job> {
    let (file, document) = (route.file()?, route.documents().pop()?);
    Some(Job { language, document, file, route, kind })
}

/// What became of a page.
enum Drawn {
    /// The last run drew it from the same inputs.
    Current,
    /// Drawn anew: the fingerprint of its inputs and its HTML.
    Page { fingerprint: u64, html: String },
    /// It links to a language that could not be read: left as the last run published it.
    Unknown,
}

/// Publishes every page on every core, printing progress. A page that cannot be published is
/// added to `problems` and keeps its last file; a write that fails stops the run. Returns each
/// story's author and update time, read from its document on the way (every story's is read).
pub(super) fn publish_pages(
    run: &Run,
    out: &mut Output,
    problems: &mut Vec<Problem>,
) -> Result<StoryFacts, super::Fatal> {
    let first_pages = first_pages(run, out, problems);
    let languages = &run.languages.read;
    let jobs = jobs(languages, &first_pages);
    let frames: Vec<LanguageFrame> = languages
        .iter()
        .map(|l| LanguageFrame { lang: l.code.clone(), site: run.site.clone(), edition: Arc::new(l.edition.clone()) })
        .collect();
    let language_fingerprints: Vec<u64> =
        languages.iter().map(|l| fingerprint::of((run.fingerprint, &l.code, format!("{:?}", l.edition)))).collect();
    let (next, done, started) = (AtomicUsize::new(0), AtomicUsize::new(0), Instant::now());
    let facts = Mutex::new(StoryFacts::default());
    let shared = Mutex::new((out, std::mem::take(problems), None::<super::Fatal>));
    let workers = std::thread::available_parallelism().map_or(2, usize::from);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                crate::config::publish_for(run.site_url);
                while let Some(job) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let page = Page {
                        run,
                        job,
                        first_pages: &first_pages,
                        language: language_fingerprints[job.language],
                        facts: &facts,
                    };
                    let is_current = |fingerprint| shared.lock().unwrap().0.is_current(&job.file, fingerprint);
                    let drawn = catch_unwind(AssertUnwindSafe(|| page.draw(&frames[job.language], is_current)))
                        .unwrap_or_else(|panic| {
                            Err(Problem::new(&job.file, format!("drawing it failed: {}", message(&panic))))
                        });
                    let mut shared = shared.lock().unwrap();
                    let (out, problems, failed) = &mut *shared;
                    match drawn {
                        Ok(Drawn::Page { fingerprint, html }) => {
                            if let Err(e) = out.write_page(&job.file, fingerprint, &html) {
                                failed.get_or_insert(super::Fatal::Write { path: job.file.clone(), error: e });
                            }
                        }
                        Ok(Drawn::Current) => {}
                        Ok(Drawn::Unknown) => {
                            out.keep_file(&job.file);
                        }
                        Err(problem) => {
                            out.keep_file(&job.file);
                            if let Route::Article { lang, id, .. } = &job.route {
                                facts.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).failed(lang, id);
                            }
                            problems.push(Problem::new(
                                problem.what,
                                format!("{}; its page is left as it was", problem.why),
                            ));
                        }
                    }
                    drop(shared);
                    let done = done.fetch_add(1, Ordering::Relaxed) + 1;
                    if done.is_multiple_of(5000) || done == jobs.len() {
                        let rate = done as f64 / started.elapsed().as_secs_f64().max(0.001);
                        println!("publish: pages {done}/{} ({rate:.0}/s)", jobs.len());
                    }
                }
            });
        }
    });
    let (_, found, failed) = shared.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
    *problems = found;
    failed.map_or(Ok(facts.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner())), Err)
}

/// A panic's message.
fn message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".into())
}

/// One page of a run.
struct Page<'a> {
    run: &'a Run<'a>,
    job: &'a Job,
    first_pages: &'a FirstPages,
    /// The fingerprint of the run and the page's language.
    language: u64,
    /// Each story's author and update time, for the feeds and sitemaps.
    facts: &'a Mutex<StoryFacts>,
}

impl Page<'_> {
    /// The page, unless `is_current` says the last run drew it from the same inputs.
    fn draw(&self, frame: &LanguageFrame, is_current: impl Fn(u64) -> bool) -> Result<Drawn, Problem> {
        let (run, job) = (self.run, self.job);
        let language = &run.languages.read[job.language];
        let first_page = |feed: &str| self.first_pages.get(&(job.language, feed.to_string()));
        let text = match (&job.kind, first_page(job.route.section().unwrap_or(LATEST))) {
            (Kind::Feed { page: 1, .. }, Some(first)) => first.text.clone(),
            _ => run.api.read_text(&job.document)?,
        };
        let decode_error = |e: String| Problem::new(&job.document, e);
        let path = job.route.path();
        let (head, body, fingerprint) = match &job.kind {
            Kind::Feed { section, page, total } => {
                let fingerprint = fingerprint::of((self.language, &job.file, &text, page, total));
                if is_current(fingerprint) {
                    return Ok(Drawn::Current);
                }
                let chunk: FeedChunk = from_str(&text).map_err(decode_error)?;
                let head = PageHead::feed(&run.site, &language.code, section.as_ref(), *page, *total);
                (head, feed_body(frame, &path, section.clone(), chunk.items, *page, *total), fingerprint)
            }
            Kind::Article => {
                let section_page = job.route.section().and_then(first_page);
                let article: Article = from_str(&text).map_err(decode_error)?;
                let facts = EntryFacts {
                    author: article.author.as_ref().map(|a| a.name.clone()),
                    updated: article.updated_at.clone(),
                };
                let record = search_index::record(&language.code, &language.edition, &article);
                let mut known = self.facts.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                known.read(&language.code, &article.summary.id, facts, record);
                drop(known);
                let Ok(translations) = run.languages.translations(&language.code, &article.translations) else {
                    return Ok(Drawn::Unknown);
                };
                let fingerprint = fingerprint::of((
                    self.language,
                    &job.file,
                    &text,
                    section_page.map(|p| &p.text),
                    format!("{translations:?}"),
                ));
                if is_current(fingerprint) {
                    return Ok(Drawn::Current);
                }
                let s = &article.summary;
                let route = Route::Article {
                    lang: language.code.clone(),
                    section: s.section.clone(),
                    id: s.id.clone(),
                    slug: s.slug.clone(),
                };
                if route != job.route {
                    return Err(Problem::new(
                        &job.document,
                        format!("the search index lists it at {}, its document at {}", job.route.path(), route.path()),
                    ));
                }
                #[cfg(test)]
                if s.title.contains(tests::PANIC_MARK) {
                    panic!("a test asked this page to panic");
                }
                if let Some(first) = section_page {
                    crate::api::remember_feed(&language.code, &s.section, 1, first.chunk.clone());
                }
                let head = PageHead::article(&run.site, &language.edition, &language.code, &article, &translations);
                (head, article_body(frame, &path, Arc::new(article), translations), fingerprint)
            }
        };
        let html = run.template.page(&language.code, &head_html(&head), &body);
        Ok(Drawn::Page { fingerprint, html })
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A story whose title holds this makes its page's drawing panic (in tests only).
    pub const PANIC_MARK: &str = "[panic while drawing]";

    #[test]
    fn a_feeds_pages_are_told_from_its_stories() {
        assert!(is_feed_page("en/index.html", "en/index.html"));
        assert!(is_feed_page("en/page/3.html", "en/index.html"));
        assert!(!is_feed_page("en/arts.html", "en/index.html"));
        assert!(is_feed_page("en/arts/page/2.html", "en/arts.html"));
        assert!(!is_feed_page("en/arts/12/slug.html", "en/arts.html"), "a story of the section is not a feed page");
        assert!(!is_feed_page("en/arts/page/2.html", "en/index.html"));
    }
}

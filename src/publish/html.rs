//! The HTML pages of a run: which pages exist (every language's front page, each section's first
//! page, every story), what their heads say (`head.rs`), and writing them on every core.
//!
//! A page whose inputs are what they were at the last run is not drawn again: its API document,
//! its language's edition, `site.json`, the app's `index.html`, the site URL and this program all
//! go into a fingerprint kept in `Output`'s manifest. So a re-run over an unchanged API reads and
//! hashes the documents, draws nothing and writes nothing.
use super::feeds::feed_title_and_path;
use super::head::{Head, Story};
use super::output::Output;
use super::pages::{article_body, feed_body, LanguageFrame, Template};
use super::source::Source;
use super::{absolute, Language};
use crate::api::json::from_str;
use crate::api::{Article, FeedChunk, Section, Site};
use crate::route::{article_path, home_path, section_path, Route};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

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
    /// A feed's first page: a section's, or the front page's (`None`).
    Feed(Option<Section>),
    /// A story, at the address its index entry gives (`Job::route`).
    Article,
}

/// Each language's sections' first feed pages (an article shows its section's newest stories):
/// by (language, section), the hash of the document's text and the document.
type SectionFeeds = std::collections::HashMap<(usize, String), (u64, Arc<FeedChunk>)>;

fn section_feeds(run: &Run) -> SectionFeeds {
    let mut feeds = SectionFeeds::new();
    for (index, language) in run.languages.iter().enumerate() {
        for section in &language.edition.sections {
            let path = crate::api::feed_path(&language.code, &section.slug, 1);
            let Ok(text) = run.api.read_text(&path) else { continue }; // the section's own page says so
            let Ok(chunk) = from_str::<FeedChunk>(&text) else { continue };
            let mut hasher = DefaultHasher::new();
            text.hash(&mut hasher);
            feeds.insert((index, section.slug.clone()), (hasher.finish(), Arc::new(chunk)));
        }
    }
    feeds
}

/// What every page of a run shares.
pub(super) struct Run<'a> {
    pub api: &'a Source,
    pub site: Arc<Site>,
    pub languages: &'a [Language],
    pub template: &'a Template,
    /// Hashes the template, the site URL and this program.
    pub fingerprint: u64,
    pub site_url: &'a str,
}

/// A fingerprint of what every page depends on besides its own documents.
pub(super) fn run_fingerprint(template: &str, site: &Site, site_url: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    (template, format!("{site:?}"), site_url).hash(&mut hasher);
    // This program: a new build of publish may draw the same input differently.
    let program = std::env::current_exe().and_then(std::fs::metadata).ok();
    program.map(|m| (m.len(), m.modified().ok())).hash(&mut hasher);
    hasher.finish()
}

/// Every page the languages have: front page, sections, stories.
fn jobs(languages: &[Language]) -> Vec<Job> {
    let mut jobs = vec![];
    for (index, language) in languages.iter().enumerate() {
        let lang = language.code.clone();
        let feeds = std::iter::once(None).chain(language.edition.sections.iter().map(Some));
        let feed_routes = feeds.map(|section| {
            let route = match section {
                None => Route::Home { lang: lang.clone() },
                Some(s) => Route::Section { lang: lang.clone(), section: s.slug.clone() },
            };
            (route, Kind::Feed(section.cloned()))
        });
        let story_routes = language.stories.iter().map(|story| {
            let (section, id, slug) = (story.section.clone(), story.id.clone(), story.slug.clone());
            (Route::Article { lang: lang.clone(), section, id, slug }, Kind::Article)
        });
        for (route, kind) in feed_routes.chain(story_routes) {
            // A name that cannot be a file is not published: the app answers its address.
            let (Some(file), Some(document)) = (route.file(), route.documents().pop()) else { continue };
            jobs.push(Job { language: index, document, file, route, kind });
        }
    }
    jobs
}

/// Publishes every page on every core, printing progress; a document that cannot be read or
/// decoded is added to `problems` and its page skipped.
pub(super) fn publish_pages(run: &Run, out: &mut Output, problems: &mut Vec<String>) -> Result<(), String> {
    let jobs = jobs(run.languages);
    let frames: Vec<LanguageFrame> = run
        .languages
        .iter()
        .map(|l| LanguageFrame { lang: l.code.clone(), site: run.site.clone(), edition: Arc::new(l.edition.clone()) })
        .collect();
    let language_fingerprints: Vec<u64> = run
        .languages
        .iter()
        .map(|l| {
            let mut hasher = DefaultHasher::new();
            (run.fingerprint, &l.code, format!("{:?}", l.edition)).hash(&mut hasher);
            hasher.finish()
        })
        .collect();
    let feeds = section_feeds(run);
    let (next, done, started) = (AtomicUsize::new(0), AtomicUsize::new(0), Instant::now());
    let shared = Mutex::new((out, std::mem::take(problems), None::<String>));
    let workers = std::thread::available_parallelism().map_or(2, usize::from);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                crate::config::publish_for(run.site_url);
                while let Some(job) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let frame = &frames[job.language];
                    let outcome = publish_one(run, job, frame, language_fingerprints[job.language], &feeds, &shared);
                    if let Err(problem) = outcome {
                        shared.lock().unwrap().1.push(problem);
                    }
                    let done = done.fetch_add(1, Ordering::Relaxed) + 1;
                    if done % 2000 == 0 || done == jobs.len() {
                        let rate = done as f64 / started.elapsed().as_secs_f64().max(0.001);
                        println!("publish: pages {done}/{} ({rate:.0}/s)", jobs.len());
                    }
                }
            });
        }
    });
    let (_, found, failed) = shared.into_inner().unwrap();
    *problems = found;
    failed.map_or(Ok(()), Err)
}

type Shared<'a> = Mutex<(&'a mut Output, Vec<String>, Option<String>)>;

/// One page: skipped when its fingerprint is unchanged, else drawn and written. `Err` is a
/// document that cannot be read; a write that fails is kept in `shared` and ends the run.
fn publish_one(
    run: &Run,
    job: &Job,
    frame: &LanguageFrame,
    language: u64,
    feeds: &SectionFeeds,
    shared: &Shared,
) -> Result<(), String> {
    let text = run.api.read_text(&job.document)?;
    let section_feed = match &job.kind {
        Kind::Article => job.route.section().and_then(|section| feeds.get(&(job.language, section.to_string()))),
        Kind::Feed(_) => None,
    };
    let mut hasher = DefaultHasher::new();
    (language, &job.file, &text, section_feed.map(|(hash, _)| hash)).hash(&mut hasher);
    let fingerprint = hasher.finish();
    if shared.lock().unwrap().0.is_current(&job.file, fingerprint) {
        return Ok(());
    }
    let lang = frame.lang.as_str();
    let language = &run.languages[job.language];
    let decode_error = |e: String| format!("{}: {e}", job.document);
    let (head, body) = match &job.kind {
        Kind::Feed(section) => {
            let chunk: FeedChunk = from_str(&text).map_err(decode_error)?;
            let path = job.route.path();
            let head = feed_head(run, language, section.as_ref(), &path);
            let more = chunk.total_pages > 1;
            (head, feed_body(frame, &path, section.clone(), chunk.items, more))
        }
        Kind::Article => {
            let article: Article = from_str(&text).map_err(decode_error)?;
            let s = &article.summary;
            let route = Route::Article {
                lang: lang.into(),
                section: s.section.clone(),
                id: s.id.clone(),
                slug: s.slug.clone(),
            };
            if route != job.route {
                return Ok(()); // the index and the story disagree: the story's own address is the app's
            }
            let path = route.path();
            if let Some((_, chunk)) = section_feed {
                crate::api::remember_feed(lang, &s.section, 1, chunk.clone());
            }
            (article_head(run, language, &article, &path), article_body(frame, &path, Arc::new(article)))
        }
    };
    let html = run.template.page(lang, &head.to_html(), &body);
    let mut shared = shared.lock().unwrap();
    if let Err(e) = shared.0.write_page(&job.file, fingerprint, &html) {
        shared.2.get_or_insert(format!("writing {}: {e}", job.file));
    }
    Ok(())
}

/// The Atom feeds that list a page's stories: the language's, and its section's.
fn feeds(run: &Run, lang: &str, section: Option<&Section>) -> Vec<(String, String)> {
    std::iter::once(None)
        .chain(section.map(Some))
        .map(|feed| {
            let (title, path) = feed_title_and_path(&run.site.name, lang, feed);
            (title, absolute(run.site_url, &path))
        })
        .collect()
}

fn feed_head(run: &Run, language: &Language, section: Option<&Section>, path: &str) -> Head {
    let lang = language.code.as_str();
    let strings = crate::i18n::strings(crate::l10n::ui_locale(lang));
    let site = &run.site.name;
    let (title, description) = match section {
        Some(s) => (format!("{} — {site}", s.title), s.description.clone()),
        None => (format!("{} — {site}", strings.feed.latest), format!("{site} — {}", strings.feed.latest)),
    };
    // The same page in the other languages: their front pages, or their section of the same slug.
    let alternates = run
        .languages
        .iter()
        .filter(|other| section.is_none_or(|s| other.edition.sections.iter().any(|o| o.slug == s.slug)))
        .map(|other| {
            let path = section.map_or_else(|| home_path(&other.code), |s| section_path(&other.code, &s.slug));
            (other.code.clone(), absolute(run.site_url, &path))
        })
        .collect();
    Head {
        lang: lang.into(),
        title,
        description,
        canonical: absolute(run.site_url, path),
        alternates,
        feeds: feeds(run, lang, section),
        site_name: site.clone(),
        image: None,
        story: None,
    }
}

fn article_head(run: &Run, language: &Language, article: &Article, path: &str) -> Head {
    let lang = language.code.as_str();
    let s = &article.summary;
    let section = language.edition.sections.iter().find(|x| x.slug == s.section);
    let image = s.image.as_ref().and_then(|i| {
        let src = crate::links::safe_src(&i.src)?;
        let url = url::Url::parse(run.site_url).ok()?.join(&src).ok()?;
        Some((String::from(url), i.clone()))
    });
    let alternates = std::iter::once((lang.to_string(), s.id.clone()))
        .chain(article.translations.iter().map(|(l, id)| (l.clone(), id.clone())))
        .map(|(l, id)| (l.clone(), absolute(run.site_url, &article_path(&l, &s.section, &id, &s.slug))))
        .collect();
    let section_title = crate::components::section_box::section_title(&language.edition, &s.section);
    Head {
        lang: lang.into(),
        title: format!("{} — {}", s.title, run.site.name),
        description: s.lead.clone(),
        canonical: absolute(run.site_url, path),
        alternates,
        feeds: feeds(run, lang, section),
        site_name: run.site.name.clone(),
        image,
        story: Some(Story::of(article, section_title)),
    }
}

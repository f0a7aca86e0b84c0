//! One publish run, in the order that keeps a live site whole: take the folder (lock), recall
//! what the last run made, read `site.json` (nothing is changed if it cannot be read) and every
//! language, point the app at the API, draw and write the pages, the sitemaps, feeds and
//! `robots.txt`, copy a folder API, remove what the API no longer has, and write the manifest
//! last.
use super::api_copy::copy_api;
use super::deploy::{point_app_at, point_page_at};
use super::error::{Fatal, Problem};
use super::feeds::StoryFacts;
use super::fingerprint::{self, RunInputs};
use super::html::{publish_pages, Run};
use super::lists::{feed_files, sitemap_files};
use super::load::{languages, Languages};
use super::manifest::{recall, Lock, Recalled};
use super::options::Options;
use super::output::Output;
use super::pages::Template;
use super::search_index;
use super::sitemaps::{is_language_sitemap, robots, sitemap_index};
use super::source::Source;
use super::web_manifest;
use super::wordpress;
use crate::api::Site;
use crate::config::DEFAULT_API_BASE;
use crate::links::decode_component;
use crate::route::{SEARCHER_FILE, SEARCH_INDEX_FOLDER};
use std::collections::HashSet;
use std::sync::Arc;
use std::time::Instant;

/// What a run did.
#[derive(Debug)]
pub(super) struct Report {
    pub written: Vec<String>,
    pub unchanged: usize,
    pub removed: usize,
    pub stories: usize,
    pub languages: usize,
    /// How the last run's files were known, when not from its manifest.
    pub recovered: Option<String>,
    /// What this run could not publish; each kept its last good files.
    pub problems: Vec<Problem>,
    /// What was read from WordPress, when it was.
    pub wordpress: Option<String>,
    pub millis: u128,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(read) = &self.wordpress {
            writeln!(f, "{read}")?;
        }
        write!(
            f,
            "publish: {} written, {} unchanged, {} removed; {} stories in {} languages in {} ms",
            self.written.len(),
            self.unchanged,
            self.removed,
            self.stories,
            self.languages,
            self.millis
        )?;
        match &self.recovered {
            Some(why) => write!(f, " ({why}: the files it made were found by their marks)"),
            None => Ok(()),
        }
    }
}

/// Whether the file at `relative` belongs to language `lang`: its pages, feeds, sitemaps and API
/// copy.
fn of_language(relative: &str, lang: &str) -> bool {
    let under = |folder: &str| {
        relative.strip_prefix(folder).and_then(|r| r.strip_prefix(lang)).is_some_and(|r| r.starts_with('/'))
    };
    under("")
        || under("feeds/")
        || under(DEFAULT_API_BASE)
        || under(&format!("{SEARCH_INDEX_FOLDER}/"))
        || relative == format!("feeds/{lang}.xml")
        || is_language_sitemap(relative, lang)
}

#[cfg(test)]
thread_local! {
    /// A test's stand-in for `kill -9` (`Output::abort_after`) for the runs of its thread.
    pub(super) static STOP_AFTER: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Publishes with `options`; `now` (minutes since the epoch) decides the news sitemap's window.
pub(super) fn run(options: &Options, now: i64) -> Result<Report, Fatal> {
    let started = Instant::now();
    let lock = Lock::take(&options.out).map_err(Fatal::Locked)?;
    let (previous, recalled) = recall(&options.out, lock.interrupted);
    let recovered = match recalled {
        Recalled::Recovered(why) => {
            eprintln!("publish: {why}: {} files publish made were found in {}", previous.len(), options.out.display());
            Some(why)
        }
        Recalled::Manifest | Recalled::Nothing => None,
    };
    // WordPress is read in full before anything is written: if it fails, the last site stays.
    let (source, wordpress, pictures) = if options.wordpress.is_empty() {
        (Source::new(&options.api, options.timeout), None, vec![])
    } else {
        let read = wordpress::read(options).map_err(|why| Fatal::Unreadable(Problem::new("WordPress", why)))?;
        (Source::Documents(read.documents), Some((read.state, read.summary)), read.sites)
    };
    let site: Site = source.read("site.json").map_err(Fatal::Unreadable)?;
    let mut problems = vec![];
    let languages = languages(&source, &site.languages, &mut problems);
    // The browser reads the API from where it was given, else the web API itself, else the copy.
    // WordPress's documents are always written: nothing else has them.
    let copying = matches!(source, Source::Documents(_)) || options.api_base.is_none() && source.url().is_none();
    let api_base = options.api_base.as_deref().or(source.url()).unwrap_or(DEFAULT_API_BASE);
    let index = options.out.join("index.html");
    let built = std::fs::read_to_string(&index)
        .map_err(|e| Fatal::Template(format!("{}: {e}: run ./x build first", index.display())))?;
    let pointed = point_page_at(&built, api_base, &pictures).ok_or_else(|| {
        Fatal::Template(format!("{}: no gazette-api-base meta: run ./x build first", index.display()))
    })?;
    let year = crate::format::current_year();
    let inputs = RunInputs { template: &pointed, api_base, site: &site, site_url: &options.site_url, year };
    let fingerprint = fingerprint::run(&inputs);
    let template = Template::parse(&pointed).map_err(Fatal::Template)?;
    point_app_at(&options.out, api_base, &pictures)?;

    let out = &mut Output::new(&options.out, previous);
    out.after_a_stop = lock.interrupted;
    #[cfg(test)]
    {
        out.abort_after = STOP_AFTER.with(std::cell::Cell::get);
    }
    for kept in &languages.kept {
        out.keep(|file| of_language(file, &kept.code));
    }
    let site = Arc::new(site);
    let pages = Run {
        api: &source,
        site: site.clone(),
        languages: &languages,
        template: &template,
        fingerprint,
        site_url: &options.site_url,
    };
    let mut facts = publish_pages(&pages, out, &mut problems)?;
    write_lists(&site, &languages, options, now, &facts, out, &mut problems)?;
    write_search_indexes(&languages, options, &mut facts, out, &mut problems);
    if copying {
        let failed: HashSet<String> = problems.iter().map(|p| decode_component(&p.what)).collect();
        let stale = |relative: &str| {
            failed.contains(relative)
                || languages.kept.iter().any(|kept| relative.starts_with(&format!("{}/", kept.code)))
        };
        copy_api(&source, out, stale)?;
    }
    if let Some((state, _)) = &wordpress {
        out.write(wordpress::STATE, state).map_err(Fatal::write(wordpress::STATE))?;
    }
    let removed = out.remove_stale().map_err(Fatal::write("stale files"))?;
    out.save_manifest().map_err(Fatal::write(super::manifest::MANIFEST))?;
    lock.finish().map_err(Fatal::write("the lock file"))?;
    let mut written = std::mem::take(&mut out.written);
    written.sort();
    Ok(Report {
        written,
        unchanged: out.unchanged,
        removed,
        stories: languages.read.iter().map(|l| l.stories.len()).sum(),
        languages: languages.read.len(),
        recovered,
        problems,
        wordpress: wordpress.map(|(_, summary)| summary),
        millis: started.elapsed().as_millis(),
    })
}

/// Each language's search index, from the records its stories' pages collected. A language one
/// of whose stories failed keeps its last index, and so does one whose index cannot be built.
fn write_search_indexes(
    languages: &Languages,
    options: &Options,
    facts: &mut StoryFacts,
    out: &mut Output,
    problems: &mut Vec<Problem>,
) {
    for language in &languages.read {
        let folder = format!("{SEARCH_INDEX_FOLDER}/{}/", language.code);
        let Some(records) = facts.search_records(&language.code) else {
            out.keep(|file| file.starts_with(&folder));
            continue;
        };
        if let Err(why) = search_index::write_index(&language.code, records, options.search, out) {
            out.keep(|file| file.starts_with(&folder));
            problems
                .push(Problem::new(folder, format!("the search index could not be built: {why}; the last one stays")));
        }
    }
    // The searcher every index shares stays while any index does (one kept as it was included).
    if out.makes_any_under(&format!("{SEARCH_INDEX_FOLDER}/")) {
        out.keep_file(SEARCHER_FILE);
    }
}

/// Each language's sitemaps and feeds, the sitemap index over every language's (a kept
/// language's as the last run left them), the web app manifest and `robots.txt`.
fn write_lists(
    site: &Site,
    languages: &Languages,
    options: &Options,
    now: i64,
    facts: &StoryFacts,
    out: &mut Output,
    problems: &mut Vec<Problem>,
) -> Result<(), Fatal> {
    let site_url = options.site_url.as_str();
    for language in &languages.read {
        let files = sitemap_files(site, language, site_url, now, facts)
            .into_iter()
            .chain(feed_files(site, language, site_url, facts, problems));
        for (name, xml) in files {
            match xml {
                Some(xml) => out.write(&name, &xml).map_err(Fatal::write(name))?,
                None => {
                    out.keep_file(&name);
                }
            }
        }
    }
    let mut names = vec![];
    for language in &site.languages {
        let mut files = out.files(|file| is_language_sitemap(file, &language.code));
        files.sort_by_key(|name| (name.ends_with("-news.xml"), name.len(), name.clone()));
        names.extend(files);
    }
    out.write("sitemap.xml", sitemap_index(site_url, &names)).map_err(Fatal::write("sitemap.xml"))?;
    out.write(web_manifest::MANIFEST, web_manifest::manifest(site)).map_err(Fatal::write(web_manifest::MANIFEST))?;
    if web_manifest::needs_generated_icon(site) {
        let icon = web_manifest::generated_icon(site);
        out.write(web_manifest::GENERATED_ICON, icon).map_err(Fatal::write(web_manifest::GENERATED_ICON))?;
    }
    out.write("robots.txt", robots(site_url)).map_err(Fatal::write("robots.txt"))
}

//! `./x publish`: what the newsroom's API becomes as static files beside the app, written each
//! time the newsroom publishes. For every language: the front page, each section's first page
//! and every story as HTML drawn by the app's own components (`pages.rs`, with `head.rs`), at
//! `{lang}/index.html`, `{lang}/{section}.html` and `{lang}/{section}/{id}/{slug}.html`, where
//! static hosts answer the route's own URL; `sitemap.xml` (an index of per-language files past
//! 50,000 addresses), `sitemap-news.xml` (the last two days' stories), an Atom feed of the latest
//! stories and of each section under `feeds/`, and `robots.txt` naming the sitemaps. Any other
//! address (a story newer than the last run) gets the app through the host's SPA fallback.
//!
//! Incremental: an unchanged API writes no file, and what a run no longer makes is removed
//! (`output.rs`). A missing or unreadable `site.json` or edition stops it at once; a search index
//! that does not decode is named with its field error, its language's stories are skipped, and
//! the run exits non-zero at the end.
mod feeds;
mod head;
mod html;
mod output;
mod pages;
mod sitemaps;
mod source;
mod xml;

use crate::api::json::{from_str, Decode};
use crate::api::{Edition, Site, Summary, SummaryList};
use crate::format::parse_rfc3339;
use crate::links::encode_component;
use crate::route::file_name;
use crate::route::{article_path, home_path, section_path};
use feeds::{atom, feed_title_and_path, FeedInfo};
use output::Output;
use sitemaps::{news_sitemap, robots, sitemaps, Entry, NewsStory};
use source::Source;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

const USAGE: &str = "usage: ./x publish --api <folder or http(s) URL> --site-url <absolute public URL> \
[--api-base <URL the browser fetches the API from>] [--out <folder with the built app, default dist>]";

/// The publish command: parses its arguments, publishes, reports.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = Options::parse(&args).and_then(|options| run(&options, now_minutes()));
    match outcome {
        Ok(report) => {
            println!("{report}");
            for problem in &report.problems {
                eprintln!("publish: skipped {problem}");
            }
            if report.problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                eprintln!("publish: {} document(s) could not be read", report.problems.len());
                ExitCode::FAILURE
            }
        }
        Err(why) => {
            eprintln!("publish: {why}");
            ExitCode::from(2)
        }
    }
}

struct Options {
    /// A folder or an http(s) base URL (`source.rs`).
    api: String,
    /// Absolute, ending in `/` (`https://example.com/news/`).
    site_url: String,
    out: PathBuf,
    /// What the pages' `gazette-api-base` meta says; by default what the built app's says.
    api_base: Option<String>,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options, String> {
        let (mut api, mut site_url, mut out, mut api_base) = (None, None, PathBuf::from("dist"), None);
        let mut args = args.iter();
        while let Some(flag) = args.next() {
            let value = args.next().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
            match flag.as_str() {
                "--api" => api = Some(value.clone()),
                "--site-url" => site_url = Some(value.clone()),
                "--out" => out = PathBuf::from(value),
                "--api-base" => api_base = Some(value.clone()),
                _ => return Err(format!("unknown option {flag}\n{USAGE}")),
            }
        }
        let api = api.ok_or_else(|| format!("--api is missing\n{USAGE}"))?;
        let mut site_url = site_url.ok_or_else(|| format!("--site-url is missing\n{USAGE}"))?;
        if !(site_url.starts_with("https://") || site_url.starts_with("http://")) {
            return Err(format!("--site-url must be an absolute http(s) URL, not {site_url:?}"));
        }
        if !site_url.ends_with('/') {
            site_url.push('/');
        }
        Ok(Options { api, site_url, out, api_base })
    }
}

/// What a run did.
#[derive(Debug)]
struct Report {
    written: Vec<String>,
    unchanged: usize,
    removed: usize,
    stories: usize,
    languages: usize,
    /// Documents that did not decode, each with its error.
    problems: Vec<String>,
    millis: u128,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "publish: {} written, {} unchanged, {} removed; {} stories in {} languages in {} ms",
            self.written.len(),
            self.unchanged,
            self.removed,
            self.stories,
            self.languages,
            self.millis
        )
    }
}

/// One language as the API has it.
struct Language {
    /// Safe as a file name (`output::file_name`); a language whose code is not is skipped.
    code: String,
    edition: Edition,
    /// Newest first.
    stories: Vec<Summary>,
}

/// The API document at `path`, decoded.
fn read<T: Decode>(api: &Source, path: &str) -> Result<T, String> {
    from_str(&api.read_text(path)?).map_err(|e| format!("{path}: {e}"))
}

/// Where the app is served the API from when `--api-base` is not given: a copy of a folder API
/// under the output folder (this path), or the web API itself.
const COPIED_API: &str = "api/v1/";

/// Copies a folder API into `out` under [`COPIED_API`] (unless it is that folder already);
/// false when there was nothing to copy.
fn copy_api(folder: &Path, out: &mut Output, out_dir: &Path) -> Result<bool, String> {
    let target = out_dir.join(COPIED_API);
    let same = |a: &Path, b: &Path| a.canonicalize().ok().zip(b.canonicalize().ok()).is_some_and(|(a, b)| a == b);
    if same(folder, &target) {
        return Ok(false);
    }
    let mut folders = vec![folder.to_path_buf()];
    while let Some(dir) = folders.pop() {
        for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let relative = path.strip_prefix(folder).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            out.copy(&format!("{COPIED_API}{relative}"), &path)
                .map_err(|e| format!("copying {}: {e}", path.display()))?;
        }
    }
    Ok(true)
}

fn now_minutes() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| (d.as_secs() / 60) as i64)
}

fn run(options: &Options, now: i64) -> Result<Report, String> {
    let started = Instant::now();
    let source = Source::new(&options.api);
    let site: Site = read(&source, "site.json")?;
    let mut problems = vec![];
    let mut languages = vec![];
    for language in &site.languages {
        let Some(code) = file_name(&language.code).map(str::to_string) else {
            problems.push(format!("language {:?}: its code cannot name a file", language.code));
            continue;
        };
        let edition: Edition = read(&source, &format!("{}/edition.json", encode_component(&code)))?;
        let index = format!("{}/search-index.json", encode_component(&code));
        let mut stories = match read::<SummaryList>(&source, &index) {
            Ok(list) => list.items,
            Err(problem) => {
                problems.push(problem);
                vec![]
            }
        };
        let minutes = |s: &Summary| parse_rfc3339(&s.published_at).map_or(i64::MIN, |t| t.epoch_minutes());
        stories.sort_by(|a, b| minutes(b).cmp(&minutes(a)).then_with(|| a.id.cmp(&b.id)));
        println!("publish: {code}: {} stories, {} sections", stories.len(), edition.sections.len());
        languages.push(Language { code, edition, stories });
    }
    let mut out = Output::new(&options.out);
    let write_error = |e: std::io::Error| format!("writing to {}: {e}", options.out.display());
    let index = options.out.join("index.html");
    let template =
        std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}: run ./x build first", index.display()))?;
    // The API base the pages name: as given; else the web API itself, or a copy of the folder.
    let copied = match (&options.api_base, source.folder()) {
        (None, Some(folder)) => copy_api(folder, &mut out, &options.out)?,
        _ => false,
    };
    let api_base = options.api_base.as_deref().or(source.url()).or(copied.then_some(COPIED_API));
    let fingerprint = html::run_fingerprint(&template, &site, &options.site_url);
    let template = pages::Template::parse(&template, api_base)?;
    let site = std::sync::Arc::new(site);
    let pages = html::Run {
        api: &source,
        site: site.clone(),
        languages: &languages,
        template: &template,
        fingerprint,
        site_url: &options.site_url,
    };
    html::publish_pages(&pages, &mut out, &mut problems)?;
    for (name, xml) in publish_sitemaps(&site, &languages, &options.site_url, now) {
        out.write(&name, &xml).map_err(write_error)?;
    }
    for (name, xml) in publish_feeds(&site, &languages, &options.site_url, &mut problems) {
        out.write(&name, &xml).map_err(write_error)?;
    }
    out.write("robots.txt", robots(&options.site_url)).map_err(write_error)?;
    let owned = |path: &str| {
        path.starts_with("feeds/")
            || (path.starts_with("sitemap") && path.ends_with(".xml"))
            || (copied && path.starts_with(COPIED_API))
    };
    let removed = out.remove_stale(owned).map_err(write_error)?;
    out.save_manifest().map_err(write_error)?;
    out.written.sort();
    Ok(Report {
        written: out.written,
        unchanged: out.unchanged,
        removed,
        stories: languages.iter().map(|l| l.stories.len()).sum(),
        languages: languages.len(),
        problems,
        millis: started.elapsed().as_millis(),
    })
}

fn absolute(site_url: &str, path: &str) -> String {
    format!("{site_url}{}", path.trim_start_matches('/'))
}

fn publish_sitemaps(site: &Site, languages: &[Language], site_url: &str, now: i64) -> Vec<(String, String)> {
    let mut per_language = vec![];
    let mut news = vec![];
    for language in languages {
        let lang = language.code.as_str();
        let newest = |section: Option<&str>| {
            language
                .stories
                .iter()
                .find(|s| section.is_none_or(|slug| s.section == slug))
                .map(|s| s.published_at.clone())
        };
        let mut entries = vec![Entry { url: absolute(site_url, &home_path(lang)), lastmod: newest(None) }];
        entries.extend(language.edition.sections.iter().map(|section| Entry {
            url: absolute(site_url, &section_path(lang, &section.slug)),
            lastmod: newest(Some(&section.slug)),
        }));
        for story in &language.stories {
            let url = absolute(site_url, &article_path(lang, &story.section, &story.id, &story.slug));
            entries.push(Entry { url: url.clone(), lastmod: Some(story.published_at.clone()) });
            news.push(NewsStory { lang, story, url });
        }
        per_language.push((lang.to_string(), entries));
    }
    let mut files = sitemaps(site_url, &per_language);
    files.push(("sitemap-news.xml".into(), news_sitemap(&site.name, &news, now)));
    files
}

fn publish_feeds(
    site: &Site,
    languages: &[Language],
    site_url: &str,
    problems: &mut Vec<String>,
) -> Vec<(String, String)> {
    let mut files = vec![];
    for language in languages {
        let lang = language.code.as_str();
        let url_of = |s: &Summary| absolute(site_url, &article_path(lang, &s.section, &s.id, &s.slug));
        let all: Vec<&Summary> = language.stories.iter().collect();
        let file = format!("feeds/{lang}.xml");
        let (title, path) = feed_title_and_path(&site.name, lang, None);
        let info = FeedInfo {
            lang,
            title,
            page_url: absolute(site_url, &home_path(lang)),
            feed_url: absolute(site_url, &path),
            site_name: &site.name,
        };
        files.push((file, atom(&info, &all, url_of)));
        for section in &language.edition.sections {
            let Some(slug) = file_name(&section.slug) else {
                problems.push(format!("section {:?} of {lang}: its slug cannot name a file", section.slug));
                continue;
            };
            let stories: Vec<&Summary> = all.iter().copied().filter(|s| s.section == section.slug).collect();
            let (title, path) = feed_title_and_path(&site.name, lang, Some(section));
            let info = FeedInfo {
                lang,
                title,
                page_url: absolute(site_url, &section_path(lang, slug)),
                feed_url: absolute(site_url, &path),
                site_name: &site.name,
            };
            files.push((format!("feeds/{lang}/{slug}.xml"), atom(&info, &stories, url_of)));
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("gazette-publish-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    /// Options to publish `api` into `out`, which holds the app's page (the source index.html,
    /// which has what the built one has where a page goes in).
    fn options(api: &Path, site_url: &str, out: &Path) -> Options {
        std::fs::create_dir_all(out).unwrap();
        std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html"), out.join("index.html")).unwrap();
        let args = ["--api", &api.to_string_lossy(), "--site-url", site_url, "--out", &out.to_string_lossy()];
        Options::parse(&args.map(String::from)).unwrap()
    }

    fn fixture() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/other")
    }

    #[test]
    fn another_outlet_under_a_sub_path_gets_absolute_sitemaps_and_feeds() {
        let out = temp("other");
        let report = run(&options(&fixture(), "https://example.com/news", &out), 0).unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        let read = |p: &str| std::fs::read_to_string(out.join(p)).unwrap();
        let sitemap = read("sitemap.xml");
        assert!(sitemap.contains("<loc>https://example.com/news/en/</loc>"));
        assert!(sitemap.contains("<loc>https://example.com/news/fr/arts/fr2/"), "{sitemap}");
        assert!(
            sitemap.contains("<loc>https://example.com/news/en/%D0%BA%D1%83%D0%BB%D1%8C%D1%82%D1%83%D1%80%D0%B0</loc>")
        );
        let arts = read("feeds/fr/arts.xml");
        assert_eq!(arts.matches("<entry>").count(), 3);
        assert!(arts.contains(
            "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.com/news/feeds/fr/arts.xml\"/>"
        ));
        assert!(out.join("feeds/en/культура.xml").exists());
        assert!(read("robots.txt").contains("Sitemap: https://example.com/news/sitemap.xml"));
        assert!(read("feeds/en.xml").contains("Hostile &lt;b&gt;markup&lt;/b&gt; story"), "API text is escaped");
        std::fs::remove_dir_all(&out).unwrap();
    }

    /// A copy of the fixture outlet to change, an output folder, and the options for both.
    fn copied_fixture(name: &str) -> (PathBuf, PathBuf, Options) {
        let (api, out) = (temp(&format!("{name}-api")), temp(&format!("{name}-out")));
        std::fs::create_dir_all(&api).unwrap();
        copy_dir(&fixture(), &api);
        let options = options(&api, "https://example.com/", &out);
        (api, out, options)
    }

    #[test]
    fn publishing_twice_writes_nothing_and_a_changed_story_rewrites_only_its_lists() {
        let (api, out, options) = copied_fixture("twice");
        let first = run(&options, 0).unwrap();
        assert!(first.written.len() > 5);
        let again = run(&options, 0).unwrap();
        assert_eq!((again.written.len(), again.unchanged), (0, first.written.len()));
        // The newsroom corrects story fr1's headline: in its document, the index and the feed pages.
        let mut edited = 0;
        for file in ["fr/articles/fr1.json", "fr/search-index.json", "fr/feeds/latest/1.json", "fr/feeds/local/1.json"]
        {
            let text = std::fs::read_to_string(api.join(file)).unwrap();
            edited += text.matches("Article hostile").count();
            std::fs::write(api.join(file), text.replace("Article hostile", "A corrected headline")).unwrap();
        }
        assert!(edited >= 4);
        let changed = run(&options, 0).unwrap();
        assert_eq!(
            changed.written,
            [
                "api/v1/fr/articles/fr1.json",
                "api/v1/fr/feeds/latest/1.json",
                "api/v1/fr/feeds/local/1.json",
                "api/v1/fr/search-index.json",
                "feeds/fr.xml",
                "feeds/fr/local.xml",
                "fr/index.html",
                "fr/local.html",
                "fr/local/fr1/story-1.html",
                "fr/local/fr3/story-3.html",
                "fr/local/fr5/story-5.html"
            ],
            "the API's copy of what changed, the story's page, the feed pages, the feeds and its section's other \
             stories (\"more from\") that list it; the sitemaps list addresses, not titles"
        );
        for file in &changed.written {
            assert!(std::fs::read_to_string(out.join(file)).unwrap().contains("A corrected headline"), "{file}");
        }
        std::fs::remove_dir_all(&api).unwrap();
        std::fs::remove_dir_all(&out).unwrap();
    }

    #[test]
    fn a_section_gone_from_the_api_leaves_no_feed_behind_and_a_broken_index_is_named() {
        let (api, out, options) = copied_fixture("gone");
        run(&options, 0).unwrap();
        let edition = api.join("fr/edition.json");
        let text = std::fs::read_to_string(&edition).unwrap().replace("\"arts\"", "\"culture\"");
        std::fs::write(&edition, text).unwrap();
        std::fs::rename(api.join("fr/feeds/arts"), api.join("fr/feeds/culture")).unwrap();
        assert!(out.join("en/local/en1/story-1.html").exists());
        std::fs::write(api.join("en/search-index.json"), r#"{"items": [{"id": "1"}]}"#).unwrap();
        let report = run(&options, 0).unwrap();
        assert!(!out.join("feeds/fr/arts.xml").exists() && out.join("feeds/fr/culture.xml").exists());
        assert!(!out.join("fr/arts.html").exists() && out.join("fr/culture.html").exists());
        // The English stories are unknown now: their pages go (the app answers their addresses).
        assert!(!out.join("en/local/en1/story-1.html").exists() && out.join("en/index.html").exists());
        assert_eq!(report.removed, 3 + 6, "the section's feed, page and copied feed page, and the six English stories");
        assert_eq!(report.problems.len(), 1);
        assert!(report.problems[0].starts_with("en/search-index.json: "), "{:?}", report.problems);
        std::fs::remove_file(api.join("site.json")).unwrap();
        assert!(run(&options, 0).unwrap_err().starts_with("site.json: "), "a missing site.json stops publishing");
        std::fs::remove_dir_all(&api).unwrap();
        std::fs::remove_dir_all(&out).unwrap();
    }

    #[test]
    fn the_demo_outlet_lists_every_story_once_and_its_recent_news() {
        let out = temp("demo");
        let api = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/api/v1");
        let now = parse_rfc3339("2026-11-28T12:00:00Z").unwrap().epoch_minutes();
        let report = run(&options(&api, "http://127.0.0.1:8080/", &out), now).unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
        let story_urls = sitemap.matches("<url>").count() - 4 * (1 + 7);
        assert_eq!(story_urls, report.stories);
        let news = std::fs::read_to_string(out.join("sitemap-news.xml")).unwrap();
        assert!(news.contains("<news:language>hy</news:language>"));
        assert!(news.matches("<url>").count() < report.stories);
        assert_eq!(
            std::fs::read_to_string(out.join("feeds/en.xml")).unwrap().matches("<entry>").count(),
            feeds::FEED_LENGTH
        );
        std::fs::remove_dir_all(&out).unwrap();
    }

    /// Serves `folder` over HTTP on a free local port, as a web API would (one request a
    /// connection); returns its base URL.
    fn serve(folder: PathBuf) -> String {
        use std::io::{BufRead, BufReader, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}/v1/", listener.local_addr().unwrap());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let mut stream = stream.unwrap();
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request = String::new();
                reader.read_line(&mut request).unwrap();
                let mut header = String::new();
                while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                    header.clear();
                }
                let path = request.split(' ').nth(1).unwrap_or("/").trim_start_matches("/v1/");
                let file = folder.join(crate::links::decode_component(path));
                let response = match std::fs::read(&file) {
                    Ok(body) => [
                        format!("HTTP/1.1 200 OK\r\ncontent-length: {}\r\nconnection: close\r\n\r\n", body.len())
                            .into_bytes(),
                        body,
                    ]
                    .concat(),
                    Err(_) => b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n".to_vec(),
                };
                let _ = stream.write_all(&response);
            }
        });
        base
    }

    #[test]
    fn an_api_on_the_web_publishes_the_same_pages_and_names_a_failing_url() {
        let (from_folder, from_web) = (temp("from-folder"), temp("from-web"));
        run(&options(&fixture(), "https://example.com/", &from_folder), 0).unwrap();
        let base = serve(fixture());
        let report = run(&options(Path::new(&base), "https://example.com/", &from_web), 0).unwrap();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        for file in ["sitemap.xml", "feeds/fr/arts.xml", "fr/local/fr1/story-1.html", "en/культура.html"] {
            let read = |dir: &Path| std::fs::read_to_string(dir.join(file)).unwrap();
            let (folder, web) = (read(&from_folder), read(&from_web));
            // The pages name where the browser fetches the API: the copy, or the web API itself.
            assert_eq!(folder.replace("content=\"api/v1/\"", &format!("content=\"{base}\"")), web, "{file}");
        }
        assert!(!from_web.join("api").exists(), "a web API is not copied");
        let missing = run(&options(Path::new(&format!("{base}nothing/")), "https://example.com/", &from_web), 0);
        assert_eq!(missing.unwrap_err(), format!("site.json: GET {base}nothing/site.json answered 404"));
        std::fs::remove_dir_all(&from_folder).unwrap();
        std::fs::remove_dir_all(&from_web).unwrap();
    }

    fn copy_dir(from: &Path, to: &Path) {
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            let target = to.join(path.file_name().unwrap());
            if path.is_dir() {
                std::fs::create_dir_all(&target).unwrap();
                copy_dir(&path, &target);
            } else {
                std::fs::copy(&path, &target).unwrap();
            }
        }
    }
}

//! Publishing as a newsroom runs it: the fixture outlet and the demo outlet from a folder and
//! over HTTP, again and again, with documents that fail, a run stopped half way, names that
//! collide, and every input changed in turn.
use super::error::Fatal;
use super::options::Options;
use super::run::{run, STOP_AFTER};
use crate::format::parse_rfc3339;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gazette-publish-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Options to publish `api` into `out`, which holds the app's page (the source index.html,
/// which has what the built one has where a page goes in).
fn options(api: &Path, site_url: &str, out: &Path) -> Options {
    std::fs::create_dir_all(out).unwrap();
    if !out.join("index.html").exists() {
        std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html"), out.join("index.html")).unwrap();
    }
    let args =
        ["--api", &api.to_string_lossy(), "--site-url", site_url, "--out", &out.to_string_lossy(), "--timeout", "2"];
    Options::parse(&args.map(String::from)).unwrap()
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/other")
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// Every file below `dir` with its bytes, the manifest and lock aside.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    super::manifest::walk(dir).into_iter().map(|(relative, path)| (relative, std::fs::read(path).unwrap())).collect()
}

/// The files whose bytes differ between two snapshots (or that only one has).
fn differing(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut files: Vec<String> = a.keys().chain(b.keys()).filter(|f| a.get(*f) != b.get(*f)).cloned().collect();
    files.dedup();
    files
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// A copy of the fixture outlet to change, an output folder, and the options for both.
fn copied_fixture(name: &str) -> (PathBuf, PathBuf, Options) {
    let (api, out) = (temp(&format!("{name}-api")), temp(&format!("{name}-out")));
    copy_dir(&fixture(), &api);
    let options = options(&api, "https://example.com/", &out);
    (api, out, options)
}

fn edit(api: &Path, file: &str, from: &str, to: &str) {
    let text = read(api, file);
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(api.join(file), text.replacen(from, to, 1)).unwrap();
}

/// Takes the English story `id` out of the English search index, as a newsroom retracting it.
fn unlist(api: &Path, id: &str) {
    let mut list: serde_json::Value = serde_json::from_str(&read(api, "en/search-index.json")).unwrap();
    list["items"].as_array_mut().unwrap().retain(|s| s["id"] != id);
    std::fs::write(api.join("en/search-index.json"), list.to_string()).unwrap();
}

fn clean(dirs: &[&Path]) {
    for dir in dirs {
        std::fs::remove_dir_all(dir).unwrap();
    }
}

#[test]
fn another_outlet_under_a_sub_path_gets_absolute_sitemaps_and_feeds() {
    let out = temp("other");
    let report = run(&options(&fixture(), "https://example.com/news", &out), 0).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let index = read(&out, "sitemap.xml");
    for file in ["sitemap-en-1.xml", "sitemap-en-news.xml", "sitemap-fr-1.xml", "sitemap-fr-news.xml"] {
        assert!(index.contains(&format!("<loc>https://example.com/news/{file}</loc>")), "{index}");
    }
    let (en, fr) = (read(&out, "sitemap-en-1.xml"), read(&out, "sitemap-fr-1.xml"));
    assert!(en.contains("<loc>https://example.com/news/en/</loc>"));
    assert!(fr.contains("<loc>https://example.com/news/fr/arts/fr2/"), "{fr}");
    assert!(en.contains("<loc>https://example.com/news/en/%D0%BA%D1%83%D0%BB%D1%8C%D1%82%D1%83%D1%80%D0%B0</loc>"));
    let arts = read(&out, "feeds/fr/arts.xml");
    assert_eq!(arts.matches("<entry>").count(), 4);
    assert!(arts.contains(
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.com/news/feeds/fr/arts.xml\"/>"
    ));
    assert!(out.join("feeds/en/культура.xml").exists());
    assert_eq!(read(&out, "robots.txt"), "User-agent: *\nAllow: /\n\nSitemap: https://example.com/news/sitemap.xml\n");
    assert!(read(&out, "feeds/en.xml").contains("Hostile &lt;b&gt;markup&lt;/b&gt; story"), "API text is escaped");
    // The story's own update time and author, from its document.
    assert!(en.contains("/en/local/en1/story-1</loc><lastmod>2025-04-30T08:05:00+04:00</lastmod>"), "{en}");
    assert!(
        read(&out, "feeds/en.xml").contains("<updated>2025-04-30T08:05:00+04:00</updated><author><name>&lt;img src=x"),
        "{}",
        read(&out, "feeds/en.xml")
    );
    clean(&[&out]);
}

#[test]
fn every_page_of_a_feed_is_published_and_linked_to_the_next() {
    let out = temp("paged");
    run(&options(&fixture(), "https://example.com/", &out), 0).unwrap();
    let first = read(&out, "en/index.html");
    assert!(
        first.contains("<link rel=\"next\" href=\"https://example.com/en/page/2\""),
        "the head names the next page"
    );
    assert!(first.contains("href=\"/en/page/2\" rel=\"next\""), "Load more is a link to it");
    let second = read(&out, "en/page/2.html");
    assert!(second.contains("<link rel=\"prev\" href=\"https://example.com/en/\""));
    assert!(second.contains("<link rel=\"canonical\" href=\"https://example.com/en/page/2\""));
    assert!(!second.contains("rel=\"next\""), "the last page links no further");
    assert!(second.contains("/en/arts/en6/story-6"), "its stories are linked");
    assert!(second.contains("href=\"/en/\" rel=\"prev\""), "and the newer stories");
    assert!(!out.join("en/page/3.html").exists() && !out.join("en/local/page/2.html").exists());
    clean(&[&out]);
}

#[test]
fn translations_are_linked_at_their_own_section_and_slug() {
    let out = temp("translations");
    run(&options(&fixture(), "https://example.com/", &out), 0).unwrap();
    let en = read(&out, "en/local/en1/story-1.html");
    assert!(
        en.contains("<link rel=\"alternate\" hreflang=\"fr\" href=\"https://example.com/fr/arts/fr1/article-hostile\"")
    );
    assert!(en.contains("href=\"/fr/arts/fr1/article-hostile\""), "the language switch: {en}");
    let fr = read(&out, "fr/arts/fr1/article-hostile.html");
    assert_eq!(fr.matches("<link rel=\"alternate\" hreflang=\"fr\"").count(), 1, "its own language once");
    assert!(fr.contains("hreflang=\"en\" href=\"https://example.com/en/local/en1/story-1\""));
    // A translation its language does not list is left out, not guessed.
    let missing = temp("translations-missing-api");
    copy_dir(&fixture(), &missing);
    edit(&missing, "fr/articles/fr2.json", "\"translations\": {}", "\"translations\": {\"en\": \"en-kult 1\"}");
    let out2 = temp("translations-missing");
    run(&options(&missing, "https://example.com/", &out2), 0).unwrap();
    assert!(!read(&out2, "fr/arts/fr2/story-2.html").contains("hreflang=\"en\" href=\"https://example.com/en/"));
    clean(&[&out, &out2, &missing]);
}

#[test]
fn publishing_twice_writes_nothing_and_a_changed_story_rewrites_only_its_lists() {
    let (api, out, options) = copied_fixture("twice");
    let first = run(&options, 0).unwrap();
    assert!(first.written.len() > 5);
    let again = run(&options, 0).unwrap();
    assert_eq!((again.written.len(), again.removed), (0, 0), "{:?}", again.written);
    // The newsroom corrects story fr3's headline: in its document, the index and the feed pages.
    let mut edited = 0;
    for file in [
        "fr/articles/fr3.json",
        "fr/search-index.json",
        "fr/feeds/latest/1.json",
        "fr/feeds/latest/2.json",
        "fr/feeds/local/1.json",
    ] {
        let text = read(&api, file);
        edited += text.matches("Article number 3").count();
        std::fs::write(api.join(file), text.replace("Article number 3", "A corrected headline")).unwrap();
    }
    assert!(edited >= 5);
    let changed = run(&options, 0).unwrap();
    let (index, written): (Vec<String>, Vec<String>) =
        changed.written.iter().cloned().partition(|f| f.starts_with("pagefind/"));
    assert!(index.contains(&"pagefind/fr/0/pagefind-entry.json".to_string()), "fr's search index: {index:?}");
    assert!(index.iter().all(|f| f.starts_with("pagefind/fr/")), "only fr's search index is built again: {index:?}");
    assert_eq!(
        written,
        [
            "api/v1/fr/articles/fr3.json",
            "api/v1/fr/feeds/latest/1.json",
            "api/v1/fr/feeds/latest/2.json",
            "api/v1/fr/feeds/local/1.json",
            "api/v1/fr/search-index.json",
            "feeds/fr.xml",
            "feeds/fr/local.xml",
            "fr/index.html",
            "fr/local.html",
            "fr/local/fr3/story-3.html",
            "fr/local/fr5/story-5.html",
            "fr/page/2.html",
        ],
        "the API's copy of what changed, the story's page, the feed pages, the feeds and its section's other \
         stories (\"more from\") that list it; the sitemaps list addresses, not titles"
    );
    for file in &written {
        assert!(read(&out, file).contains("A corrected headline"), "{file}");
    }
    clean(&[&api, &out]);
}

#[test]
fn an_api_exported_again_unchanged_rewrites_no_copy_and_a_corrected_one_keeps_its_precompressed_forms() {
    let (api, out, options) = copied_fixture("exported");
    run(&options, 0).unwrap();
    // The copy precompressed as `./x build` does the demo's, but for fr5.
    let packed = ["api/v1/fr/articles/fr3.json", "api/v1/fr/articles/fr4.json"];
    for file in packed {
        super::precompressed::compress_beside(&out.join(file), &std::fs::read(out.join(file)).unwrap()).unwrap();
    }
    // The CMS exports its whole API again, unchanged: every document newer than its copy.
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
    for (_, path) in super::manifest::walk(&api) {
        std::fs::File::options().write(true).open(path).unwrap().set_modified(later).unwrap();
    }
    let before = snapshot(&out);
    let again = run(&options, 0).unwrap();
    assert_eq!(again.written, Vec::<String>::new(), "an API exported again unchanged writes nothing");
    assert_eq!(differing(&before, &snapshot(&out)), Vec::<String>::new(), "and removes no precompressed form");
    edit(&api, "fr/articles/fr3.json", "Article number 3", "A corrected headline");
    edit(&api, "fr/articles/fr5.json", "Article number 5", "Another corrected headline");
    let corrected = run(&options, 0).unwrap();
    let copy = |file: &str| corrected.written.iter().any(|f| f == file);
    assert!(copy(packed[0]) && copy("api/v1/fr/articles/fr5.json"), "{:?}", corrected.written);
    let document = std::fs::read(out.join(packed[0])).unwrap();
    let mut from_brotli = vec![];
    let brotli_file = std::fs::File::open(out.join(format!("{}.br", packed[0]))).unwrap();
    std::io::Read::read_to_end(&mut brotli::Decompressor::new(brotli_file, 4096), &mut from_brotli).unwrap();
    let mut from_gzip = vec![];
    let gzip_file = std::fs::File::open(out.join(format!("{}.gz", packed[0]))).unwrap();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(gzip_file), &mut from_gzip).unwrap();
    assert!(String::from_utf8_lossy(&document).contains("A corrected headline"));
    assert!(from_brotli == document && from_gzip == document, "the corrected document's .br and .gz are its new bytes");
    let after = snapshot(&out);
    assert_eq!(before.get(&format!("{}.br", packed[1])), after.get(&format!("{}.br", packed[1])));
    assert!(
        !out.join("api/v1/fr/articles/fr5.json.br").exists(),
        "a document that had no precompressed form gets none"
    );
    clean(&[&api, &out]);
}

/// Publishes the fixture, changes one input with `change`, publishes again: the files written.
fn rewritten_after(name: &str, change: impl FnOnce(&Path, &Path, &mut Options)) -> Vec<String> {
    let (api, out, mut options) = copied_fixture(name);
    run(&options, 0).unwrap();
    change(&api, &out, &mut options);
    let report = run(&options, 0).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let again = run(&options, 0).unwrap();
    assert_eq!(again.written, Vec::<String>::new(), "publishing twice writes nothing");
    clean(&[&api, &out]);
    report.written
}

fn pages(written: &[String]) -> Vec<&str> {
    written.iter().map(String::as_str).filter(|f| f.ends_with(".html")).collect()
}

const EVERY_PAGE: usize = 6 + 6 + 5 + 4; // stories, and feed pages: en (home 2, local, arts, культура), fr (home 2, local, arts)

#[test]
fn each_input_of_a_page_is_in_its_fingerprint() {
    // The API base: every page names it.
    let moved =
        rewritten_after("fp-base", |_, _, options| options.api_base = Some("https://api.example.com/v1/".into()));
    assert_eq!(pages(&moved).len(), EVERY_PAGE, "{moved:?}");
    assert!(moved.contains(&"index.html".to_string()) || !moved.is_empty());
    // The site URL, and site.json: every page.
    let site_url = rewritten_after("fp-url", |_, _, options| options.site_url = "https://news.example.org/".into());
    assert_eq!(pages(&site_url).len(), EVERY_PAGE);
    let site = rewritten_after("fp-site", |api, _, _| edit(api, "site.json", "Riverside Post", "Riverside Times"));
    assert_eq!(pages(&site).len(), EVERY_PAGE);
    // The app's page (a new build).
    let template = rewritten_after("fp-template", |_, out, _| {
        edit(out, "index.html", "<title>News</title>", "<title>News</title><!-- v2 -->")
    });
    assert_eq!(pages(&template).len(), EVERY_PAGE);
    // An edition: its language's pages only.
    let edition =
        rewritten_after("fp-edition", |api, _, _| edit(api, "fr/edition.json", "Avis du Riverside Post", "Avis"));
    assert!(pages(&edition).iter().all(|f| f.starts_with("fr/")) && pages(&edition).len() == 6 + 4, "{edition:?}");
    // Another language's edition: the stories whose translations it moves (a section page names
    // no alternates, so en's arts page stays as it was).
    let other = rewritten_after("fp-alternates", |api, _, _| {
        edit(api, "fr/edition.json", "\"arts\"", "\"culture\"");
        std::fs::rename(api.join("fr/feeds/arts"), api.join("fr/feeds/culture")).unwrap();
        for file in [
            "fr/search-index.json",
            "fr/feeds/latest/1.json",
            "fr/feeds/latest/2.json",
            "fr/feeds/culture/1.json",
            "fr/most-read.json",
        ] {
            let text = read(api, file);
            std::fs::write(api.join(file), text.replace("\"section\": \"arts\"", "\"section\": \"culture\"")).unwrap();
        }
        for id in ["fr1", "fr2", "fr4", "fr6"] {
            edit(api, &format!("fr/articles/{id}.json"), "\"section\": \"arts\"", "\"section\": \"culture\"");
        }
    });
    let en: Vec<&str> = pages(&other).into_iter().filter(|f| f.starts_with("en/")).collect();
    assert_eq!(en, ["en/local/en1/story-1.html"], "en1 follows its translation's address");
    // A translation's address: the story that links to it.
    let slug = rewritten_after("fp-translation", |api, _, _| {
        for file in [
            "fr/articles/fr1.json",
            "fr/search-index.json",
            "fr/feeds/latest/1.json",
            "fr/feeds/arts/1.json",
            "fr/most-read.json",
        ] {
            let text = read(api, file);
            std::fs::write(api.join(file), text.replace("article-hostile", "un-article")).unwrap();
        }
    });
    assert!(pages(&slug).contains(&"en/local/en1/story-1.html"), "{slug:?}");
    // A story's own document: its page only, and nothing else that does not show it.
    let story = rewritten_after("fp-story", |api, _, _| {
        edit(
            api,
            "en/articles/en4.json",
            "\"body\": [",
            "\"body\": [{\"type\": \"heading\", \"level\": 2, \"text\": \"New\"},",
        )
    });
    assert_eq!(pages(&story), ["en/arts/en4/story-4.html"]);
}

#[test]
fn the_footer_year_and_the_program_are_in_the_runs_fingerprint() {
    let site = crate::api::json::from_str(&read(&fixture(), "site.json")).unwrap();
    let inputs = |year| super::fingerprint::RunInputs {
        template: "t",
        api_base: "api/v1/",
        site: &site,
        site_url: "https://e.example/",
        year,
    };
    assert_ne!(super::fingerprint::run(&inputs(2026)), super::fingerprint::run(&inputs(2027)));
    assert_eq!(super::fingerprint::run(&inputs(2026)), super::fingerprint::run(&inputs(2026)));
}

/// What the test servers answer for a failure.
const STATUS_500: &[u8] = b"HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";

/// The path a request on `stream` asks for, its headers read past.
fn requested_path(stream: &std::net::TcpStream) -> String {
    use std::io::{BufRead, BufReader};
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    reader.read_line(&mut request).unwrap();
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    request.split(' ').nth(1).unwrap_or("/").to_string()
}

/// Serves `folder` over HTTP on a free local port, as a web API would (one request a
/// connection), answering a path `fail` names as it says; returns its base URL.
fn serve_failing(folder: PathBuf, fail: impl Fn(&str) -> Option<Failure> + Send + 'static) -> String {
    use std::io::Write;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}/v1/", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut stalled = vec![];
        for stream in listener.incoming() {
            let mut stream = stream.unwrap();
            let path = requested_path(&stream).trim_start_matches("/v1/").to_string();
            let body = std::fs::read(folder.join(crate::links::decode_component(&path)));
            let response = match (fail(&path), body) {
                (Some(Failure::Stall), _) => {
                    stalled.push(stream); // never answered: the client's timeout ends it
                    continue;
                }
                (Some(Failure::Status500), _) => STATUS_500.to_vec(),
                (Some(Failure::Truncate), Ok(body)) => [
                    format!("HTTP/1.1 200 OK\r\ncontent-length: {}\r\nconnection: close\r\n\r\n", body.len() / 2)
                        .into_bytes(),
                    body[..body.len() / 2].to_vec(),
                ]
                .concat(),
                (_, Ok(body)) => [
                    format!("HTTP/1.1 200 OK\r\ncontent-length: {}\r\nconnection: close\r\n\r\n", body.len())
                        .into_bytes(),
                    body,
                ]
                .concat(),
                (_, Err(_)) => b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n".to_vec(),
            };
            let _ = stream.write_all(&response);
        }
    });
    base
}

#[derive(Clone, Copy)]
enum Failure {
    Status500,
    Stall,
    Truncate,
}

fn serve(folder: PathBuf) -> String {
    serve_failing(folder, |_| None)
}

#[test]
fn an_api_on_the_web_publishes_the_same_pages_and_names_a_failing_url() {
    let (from_folder, from_web) = (temp("from-folder"), temp("from-web"));
    run(&options(&fixture(), "https://example.com/", &from_folder), 0).unwrap();
    let base = serve(fixture());
    let report = run(&options(Path::new(&base), "https://example.com/", &from_web), 0).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    for file in ["sitemap-en-1.xml", "feeds/fr/arts.xml", "fr/arts/fr1/article-hostile.html", "en/культура.html"]
    {
        let (folder, web) = (read(&from_folder, file), read(&from_web, file));
        // The pages name where the browser fetches the API: the copy, or the web API itself.
        assert_eq!(
            folder.replace("content=\"api/v1/\"", &format!("content=\"{base}\"")),
            web.replace(&format!(" {}", base.trim_end_matches("/v1/")), ""),
            "{file}"
        );
    }
    assert!(!from_web.join("api").exists(), "a web API is not copied");
    let missing = run(&options(Path::new(&format!("{base}nothing/")), "https://example.com/", &from_web), 0);
    let Err(Fatal::Unreadable(problem)) = missing else { panic!("a missing site.json stops the run") };
    assert_eq!(problem.to_string(), format!("site.json: GET {base}nothing/site.json answered 404"));
    clean(&[&from_folder, &from_web]);
}

#[test]
fn a_failing_document_keeps_its_last_good_page_and_the_run_says_so() {
    // The last good run, from the API on the web, the pages reading it from where the CMS copies it.
    let good = temp("failing-good");
    let mut good_options = options(Path::new(&serve(fixture())), "https://example.com/", &good);
    good_options.api_base = Some("api/v1/".into());
    run(&good_options, 0).unwrap();
    let before = snapshot(&good);
    // The same API over the web, where one document answers 500, one never answers, one arrives
    // cut short, and French stories cannot be listed at all.
    let failing = |path: &str| match path {
        "en/articles/en2.json" => Some(Failure::Status500),
        "en/articles/en3.json" => Some(Failure::Stall),
        "en/feeds/arts/1.json" => Some(Failure::Truncate),
        "fr/search-index.json" => Some(Failure::Status500),
        _ => None,
    };
    let out = temp("failing");
    copy_dir(&good, &out);
    let base = serve_failing(fixture(), failing);
    let mut options = options(Path::new(&base), "https://example.com/", &out);
    options.api_base = Some("api/v1/".into()); // as the good run: the pages read the copy
    let report = run(&options, 0).unwrap();
    let problems: Vec<String> = report.problems.iter().map(|p| p.what.clone()).collect();
    assert_eq!(
        problems,
        ["fr/search-index.json", "en/feeds/arts/1.json", "en/articles/en2.json", "en/articles/en3.json"]
            .map(String::from)
            .iter()
            .filter(|p| problems.contains(p))
            .cloned()
            .collect::<Vec<_>>()
    );
    assert_eq!(report.problems.len(), 4, "{:?}", report.problems);
    assert!(report.problems.iter().any(|p| p.why.contains(&format!("GET {base}en/articles/en2.json answered 500"))));
    assert_eq!(report.removed, 0, "nothing goes for a failure");
    let after = snapshot(&out);
    for file in [
        "en/arts/en2/story-2.html",
        "en/local/en3/story-3.html",
        "en/arts.html",
        "fr/index.html",
        "fr/page/2.html",
        "fr/arts/fr1/article-hostile.html",
        "feeds/fr.xml",
        "sitemap-fr-1.xml",
    ] {
        assert_eq!(after.get(file), before.get(file), "{file} is byte-identical to the last good run");
        assert!(after.contains_key(file), "{file}");
    }
    assert!(read(&out, "sitemap.xml").contains("sitemap-fr-1.xml"), "the kept language stays in the sitemap index");
    // The CMS recovers: the next run publishes everything, as the last good run did.
    good_options.out = out.clone();
    let recovered = run(&good_options, 0).unwrap();
    assert!(recovered.problems.is_empty(), "{:?}", recovered.problems);
    assert_eq!(differing(&snapshot(&out), &before), Vec::<String>::new());
    clean(&[&good, &out]);
}

#[test]
fn a_story_whose_document_fails_keeps_what_the_feeds_sitemap_and_search_index_say_of_it() {
    // en1 names an author and an update time, which only its document says.
    let (api, out, options) = copied_fixture("failing-facts");
    run(&options, 0).unwrap();
    let before = snapshot(&out);
    let text = read(&api, "en/articles/en1.json");
    std::fs::write(api.join("en/articles/en1.json"), &text[..200]).unwrap();
    let report = run(&options, 0).unwrap();
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    let after = snapshot(&out);
    let index = after.keys().filter(|f| f.starts_with("pagefind/en/")).cloned().collect::<Vec<_>>();
    assert!(index.len() > 4, "en's search index: {index:?}");
    for file in ["feeds/en.xml", "feeds/en/local.xml", "sitemap-en-1.xml", "en/local/en1/story-1.html"]
        .into_iter()
        .chain(index.iter().map(String::as_str))
    {
        assert!(after.contains_key(file), "{file}");
        assert_eq!(after.get(file), before.get(file), "{file} is byte-identical to the last good run");
    }
    clean(&[&api, &out]);
}

#[test]
fn a_broken_index_or_edition_leaves_its_language_as_it_was() {
    let (api, out, options) = copied_fixture("broken-index");
    run(&options, 0).unwrap();
    let before = snapshot(&out);
    std::fs::write(api.join("en/search-index.json"), r#"{"items": [{"id": "1"}]}"#).unwrap();
    let report = run(&options, 0).unwrap();
    assert_eq!(report.problems.len(), 1);
    assert!(report.problems[0].to_string().starts_with("en/search-index.json: `items[0]`"), "{}", report.problems[0]);
    assert_eq!(report.removed, 0);
    assert_eq!(
        differing(&snapshot(&out), &before),
        Vec::<String>::new(),
        "every file of en, its API copy included, is as it was"
    );
    std::fs::write(api.join("fr/edition.json"), "{").unwrap();
    let report = run(&options, 0).unwrap();
    assert_eq!((report.problems.len(), report.removed), (2, 0));
    assert_eq!(differing(&snapshot(&out), &before), Vec::<String>::new());
    std::fs::remove_file(api.join("site.json")).unwrap();
    let stopped = run(&options, 0);
    assert!(
        matches!(stopped, Err(Fatal::Unreadable(ref p)) if p.what == "site.json"),
        "a missing site.json stops publishing"
    );
    assert_eq!(snapshot(&out), before);
    clean(&[&api, &out]);
}

#[test]
fn a_story_or_section_the_api_no_longer_has_is_removed() {
    let (api, out, options) = copied_fixture("gone");
    run(&options, 0).unwrap();
    // fr renames its local section; en retracts story en5.
    edit(&api, "fr/edition.json", "\"local\"", "\"quartier\"");
    unlist(&api, "en5");
    std::fs::remove_file(api.join("en/articles/en5.json")).unwrap();
    let index_files = || snapshot(&out).into_keys().filter(|f| f.starts_with("pagefind/")).collect::<Vec<_>>();
    let index_before = index_files();
    let report = run(&options, 0).unwrap();
    let index_after = index_files();
    let index_gone = index_before.iter().filter(|f| !index_after.contains(f)).count();
    assert!(index_gone > 0, "en's and fr's indexes changed");
    assert!(!out.join("fr/local.html").exists() && !out.join("feeds/fr/local.xml").exists());
    assert!(!out.join("en/local/en5/story-5.html").exists() && !out.join("api/v1/en/articles/en5.json").exists());
    assert!(
        report.problems.iter().any(|p| p.what == "fr/feeds/quartier/1.json"),
        "the new section's feed is missing: {:?}",
        report.problems
    );
    assert_eq!(
        report.removed,
        4 + index_gone,
        "fr's local page and feed, en5's page and its API copy, and the index files no entry names now"
    );
    clean(&[&api, &out]);
}

#[test]
fn a_panic_while_drawing_costs_that_page_only() {
    let (api, out, options) = copied_fixture("panic");
    run(&options, 0).unwrap();
    let before = read(&out, "en/arts/en4/story-4.html");
    edit(&api, "en/articles/en4.json", "Story number 4", &format!("Story number 4 {}", super::html::tests::PANIC_MARK));
    let report = run(&options, 0).unwrap();
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert!(report.problems[0].to_string().contains("drawing it failed: a test asked this page to panic"));
    assert_eq!(read(&out, "en/arts/en4/story-4.html"), before);
    assert!(out.join(".gazette-publish").exists(), "the run went on and saved its manifest");
    clean(&[&api, &out]);
}

#[test]
fn a_run_stopped_half_way_leaves_whole_files_and_the_next_run_completes() {
    let (api, out, options) = copied_fixture("stopped");
    run(&options, 0).unwrap();
    let before = snapshot(&out);
    for file in ["en/articles/en1.json", "en/search-index.json", "en/feeds/latest/1.json", "en/feeds/local/1.json"] {
        let text = read(&api, file);
        std::fs::write(api.join(file), text.replace("Hostile <b>markup</b> story", "Corrected")).unwrap();
    }
    // What a whole run makes of the change, in a copy.
    let whole = temp("stopped-whole");
    copy_dir(&out, &whole);
    run(&Options { out: whole.clone(), ..options_like(&options) }, 0).unwrap();
    let after = snapshot(&whole);
    assert_ne!(after, before);
    for stop_after in [0, 1, 2, 3] {
        // The test hook stops the run at a write, leaving that file half written under its
        // temporary name, no manifest and the lock saying "running": what kill -9 leaves.
        STOP_AFTER.with(|stop| stop.set(Some(stop_after)));
        let stopped = run(&options, 0);
        STOP_AFTER.with(|stop| stop.set(None));
        assert!(matches!(stopped, Err(Fatal::Write { .. })), "the write stopped the run: {stopped:?}");
        for (file, bytes) in snapshot(&out).into_iter().filter(|(f, _)| !f.ends_with(".gazette-tmp")) {
            let is_whole = before.get(&file) == Some(&bytes) || after.get(&file) == Some(&bytes);
            assert!(is_whole, "{file} is either the old file or the new one, whole (stopped after {stop_after})");
        }
    }
    let finished = run(&options, 0).unwrap();
    assert!(finished.recovered.is_some(), "the run after a killed one says so");
    assert_eq!(
        differing(&snapshot(&out), &after),
        Vec::<String>::new(),
        "the next run completes the work, and leaves no temporary file"
    );
    let again = run(&options, 0).unwrap();
    assert_eq!((again.written.len(), again.recovered), (0, None));
    clean(&[&api, &out, &whole]);
}

fn options_like(options: &Options) -> Options {
    Options {
        api: options.api.clone(),
        wordpress: options.wordpress.clone(),
        newsroom: options.newsroom.clone(),
        site_url: options.site_url.clone(),
        out: options.out.clone(),
        api_base: options.api_base.clone(),
        timeout: options.timeout,
        search: options.search,
    }
}

#[test]
fn a_lost_manifest_is_said_and_what_publish_made_is_still_removed() {
    let (api, out, options) = copied_fixture("lost");
    run(&options, 0).unwrap();
    std::fs::create_dir_all(out.join("about")).unwrap();
    std::fs::write(out.join("about/index.html"), "<!doctype html><html lang=\"en\"><title>About us</title></html>")
        .unwrap();
    std::fs::write(out.join(".gazette-publish"), "<html>not a manifest</html>").unwrap();
    unlist(&api, "en6");
    let report = run(&options, 0).unwrap();
    assert!(report.recovered.as_deref().is_some_and(|why| why.contains("not a manifest")), "{:?}", report.recovered);
    assert!(report.to_string().contains("found by their marks"));
    assert!(!out.join("en/arts/en6/story-6.html").exists(), "the retracted story's page is still removed");
    assert!(out.join("about/index.html").exists(), "a page of the newsroom's own stays");
    std::fs::remove_file(out.join(".gazette-publish")).unwrap();
    let again = run(&options, 0).unwrap();
    assert!(again.recovered.as_deref().is_some_and(|why| why.contains("missing")));
    assert_eq!(again.removed, 0);
    clean(&[&api, &out]);
}

#[test]
fn two_runs_at_once_the_second_refuses() {
    let (api, out, options) = copied_fixture("two");
    let held = super::manifest::Lock::take(&out).unwrap();
    let refused = run(&options, 0);
    assert!(matches!(refused, Err(Fatal::Locked(ref why)) if why.contains("another publish is writing")));
    drop(held);
    assert!(run(&options, 0).is_ok());
    clean(&[&api, &out]);
}

#[test]
fn reserved_names_duplicates_and_a_story_in_two_sections_are_reported() {
    let (api, out, options) = copied_fixture("collisions");
    edit(&api, "en/edition.json", "\"sections\": [", "\"sections\": [{\"slug\": \"index\", \"title\": \"Index\"}, {\"slug\": \"latest\", \"title\": \"L\"}, {\"slug\": \"page\", \"title\": \"P\"}, {\"slug\": \"sitemap-x\", \"title\": \"S\"}, {\"slug\": \"a.html\", \"title\": \"A\"}, {\"slug\": \"arts\", \"title\": \"Arts again\"},");
    let index = read(&api, "en/search-index.json");
    let mut list: serde_json::Value = serde_json::from_str(&index).unwrap();
    let items = list["items"].as_array_mut().unwrap();
    let mut twice = items[1].clone();
    items.push(twice.clone());
    twice["section"] = "local".into();
    items.push(twice);
    let mut page = items[2].clone();
    page["id"] = "page".into();
    items.push(page);
    std::fs::write(api.join("en/search-index.json"), list.to_string()).unwrap();
    let report = run(&options, 0).unwrap();
    let said: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    for slug in ["index", "latest", "page", "sitemap-x", "a.html"] {
        assert!(
            said.iter().any(|p| p.starts_with(&format!("section \"{slug}\" of en: its slug is reserved"))),
            "{slug}: {said:#?}"
        );
    }
    assert!(said.iter().any(|p| p.starts_with("section \"arts\" of en")), "a second section by the same slug");
    assert!(said.iter().any(|p| p.contains("story \"en2\": is listed twice")));
    assert!(said.iter().any(
        |p| p.contains("story \"en2\": is listed in sections \"arts\" and \"local\"; published once, in \"arts\"")
    ));
    assert!(said.iter().any(|p| p.contains("story \"page\": its id is reserved")));
    assert!(read(&out, "en/index.html").contains("<h1 class=\"feed-title\""), "the front page is the front page");
    assert!(!out.join("en/local/en2").exists() && !out.join("en/page.html").exists());
    assert_eq!(read(&out, "sitemap-en-1.xml").matches("/en2/").count(), 1, "the sitemap lists the story once");
    clean(&[&api, &out]);
}

#[test]
fn another_outlet_published_over_the_demo_leaves_nothing_of_the_demo() {
    let out = temp("over-demo");
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/api/v1");
    run(&options(&demo, "http://127.0.0.1:8080/", &out), 0).unwrap();
    assert!(read(&out, "en/index.html").contains("Highland Ledger"));
    let base = serve(fixture());
    let mut other = options(Path::new(&base), "https://riverside.example/", &out);
    other.api_base = Some("https://api.riverside.example/v1/".into());
    let report = run(&other, 0).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    for (file, bytes) in snapshot(&out) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("Highland Ledger") && !text.contains("127.0.0.1:8080"), "{file} still has the demo");
    }
    assert!(!out.join("api").exists(), "the demo's API copy is gone");
    assert!(
        read(&out, "index.html").contains("content=\"https://api.riverside.example/v1/\""),
        "the app reads the outlet's API"
    );
    clean(&[&out]);
}

#[test]
fn the_demo_outlet_lists_every_story_once_and_its_recent_news() {
    let out = temp("demo");
    let api = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/api/v1");
    let now = parse_rfc3339("2026-11-28T12:00:00Z").unwrap().epoch_minutes();
    let report = run(&options(&api, "http://127.0.0.1:8080/", &out), now).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let story_urls: usize = ["en", "ru", "hy", "az"]
        .iter()
        .map(|l| read(&out, &format!("sitemap-{l}-1.xml")).matches("<url>").count() - (1 + 7))
        .sum();
    assert_eq!(story_urls, report.stories);
    let news = read(&out, "sitemap-hy-news.xml");
    assert!(news.contains("<news:language>hy</news:language>"));
    assert!(news.matches("<url>").count() < report.stories / 4);
    assert_eq!(read(&out, "feeds/en.xml").matches("<entry>").count(), super::feeds::FEED_LENGTH);
    clean(&[&out]);
}

/// A WordPress REST API answering with the answers in `recorded` (as `tests/fixtures/wordpress/`
/// holds those of the test WordPress), or with a 500 for its posts while `failing` is set.
fn fake_wordpress(recorded: PathBuf, failing: std::sync::Arc<std::sync::atomic::AtomicBool>) -> String {
    use std::io::Write;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}/wp-json/", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let mut stream = stream.unwrap();
            let path = requested_path(&stream);
            let file = match path.split('?').next().unwrap_or("") {
                "/wp-json/" => "root.json",
                "/wp-json/wp/v2/categories" => "categories.json",
                _ => "posts.json",
            };
            let response = if file == "posts.json" && failing.load(std::sync::atomic::Ordering::Relaxed) {
                STATUS_500.to_vec()
            } else {
                let body = std::fs::read(recorded.join(file)).unwrap();
                let count = serde_json::from_slice::<serde_json::Value>(&body).unwrap().as_array().map_or(0, Vec::len);
                let head = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-wp-total: {count}\r\nx-wp-totalpages: 1\r\n\
                     date: Wed, 02 Dec 2026 11:18:47 GMT\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                    body.len()
                );
                [head.into_bytes(), body].concat()
            };
            let _ = stream.write_all(&response);
        }
    });
    base
}

#[test]
fn a_wordpress_that_answers_an_error_keeps_the_last_good_site() {
    let failing = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let base = fake_wordpress(recorded_wordpress(), failing.clone());
    let out = temp("wordpress-failing");
    let mut options = options(Path::new("unused"), "https://example.com/", &out);
    (options.api, options.wordpress) = (String::new(), vec![("en".into(), base.clone())]);
    let report = run(&options, 0).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert!(report.wordpress.unwrap().contains("10 posts read in 3 requests"));
    assert!(out.join("api/v1/en/search-index.json").is_file() && out.join("en/politics.html").is_file());
    let before = snapshot(&out);

    failing.store(true, std::sync::atomic::Ordering::Relaxed);
    let Err(Fatal::Unreadable(problem)) = run(&options, 0) else { panic!("a failing WordPress stops the run") };
    assert!(problem.to_string().contains("answered 500"), "{problem}");
    assert_eq!(differing(&before, &snapshot(&out)), Vec::<String>::new(), "nothing changed");

    failing.store(false, std::sync::atomic::Ordering::Relaxed);
    let again = run(&options, 0).unwrap();
    assert!(again.wordpress.unwrap().contains("in 4 requests"), "a re-run asks only what changed");
    // A link to another post on the WordPress site leads to that story's page here, on a re-run too.
    let council = posts_id(&out, "council-approves-harbour-plan");
    let budget = read(&out, &format!("api/v1/en/articles/{}.json", posts_id(&out, "budget-for-the-theatre")));
    assert!(
        budget
            .contains(&format!(r#""href":"https://example.com/en/politics/{council}/council-approves-harbour-plan""#)),
        "{budget}"
    );
    clean(&[&out]);
}

fn recorded_wordpress() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wordpress")
}

#[test]
fn a_wordpress_with_polylangs_fields_publishes_each_language_with_its_translations_linked() {
    // The recorded site, with Polylang Pro's REST fields: the harbour story in English and its
    // Russian translation (a post of its own), every other post in English.
    let recorded = temp("polylang-answers");
    copy_dir(&recorded_wordpress(), &recorded);
    let mut posts: Vec<serde_json::Value> = serde_json::from_str(&read(&recorded, "posts.json")).unwrap();
    for post in &mut posts {
        post["lang"] = "en".into();
    }
    let english = posts.iter().position(|p| p["slug"] == "council-approves-harbour-plan").unwrap();
    let mut russian = posts[english].clone();
    russian["id"] = 9001.into();
    russian["slug"] = "%d1%81%d0%be%d0%b2%d0%b5%d1%82".into(); // "совет", as WordPress stores it
    russian["title"]["rendered"] = "Совет одобрил план гавани".into();
    russian["lang"] = "ru".into();
    let pair = serde_json::json!({"en": posts[english]["id"], "ru": 9001});
    (posts[english]["translations"], russian["translations"]) = (pair.clone(), pair);
    posts.push(russian);
    std::fs::write(recorded.join("posts.json"), serde_json::to_string(&posts).unwrap()).unwrap();
    let newsroom = recorded.join("newsroom.json");
    std::fs::write(&newsroom, r#"{"languages": [{"code": "ru", "label": "RU", "name": "Русский"}, {"code": "en", "label": "EN", "name": "English"}]}"#).unwrap();

    let out = temp("polylang");
    let mut options = options(Path::new("unused"), "https://example.com/", &out);
    let base = fake_wordpress(recorded.clone(), Default::default());
    (options.api, options.wordpress, options.newsroom) = (String::new(), vec![("en".into(), base)], Some(newsroom));
    let report = run(&options, 0).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.languages, 2);
    let site: serde_json::Value = serde_json::from_str(&read(&out, "api/v1/site.json")).unwrap();
    assert_eq!(site["default_language"], "ru", "the newsroom's first language");
    let ru = read(&out, "ru/politics/9001/совет.html");
    assert!(ru.contains("Совет одобрил план гавани"));
    let en_id = posts_id(&out, "council-approves-harbour-plan");
    let en_page = format!("https://example.com/en/politics/{en_id}/council-approves-harbour-plan");
    assert!(ru.contains(&format!(r#"<link rel="alternate" hreflang="en" href="{en_page}""#)), "{ru}");
    let en = read(&out, &format!("en/politics/{en_id}/council-approves-harbour-plan.html"));
    assert!(
        en.contains(r#"hreflang="ru" href="https://example.com/ru/politics/9001/%D1%81%D0%BE%D0%B2%D0%B5%D1%82""#),
        "{en}"
    );
    let ru_index = read(&out, "api/v1/ru/search-index.json");
    assert!(ru_index.contains("9001") && !ru_index.contains("ferry-timetable-winter"), "each language its own stories");
    clean(&[&out, &recorded]);
}

/// The id publish gave the English story with `slug`.
fn posts_id(out: &Path, slug: &str) -> String {
    let index: serde_json::Value = serde_json::from_str(&read(out, "api/v1/en/search-index.json")).unwrap();
    index["items"].as_array().unwrap().iter().find(|s| s["slug"] == slug).unwrap()["id"].as_str().unwrap().to_string()
}

#[test]
fn a_kept_search_shard_loses_a_file_publish_no_longer_serves() {
    // A shard an earlier version built with Pagefind's worker and a copy of the searcher of its
    // own, which publish no longer serves.
    let (api, out, mut options) = copied_fixture("kept-shard");
    options.search.shard_stories = 2;
    run(&options, 0).unwrap();
    let worker = out.join("pagefind/en/0/pagefind-worker.js");
    std::fs::write(&worker, "// the worker").unwrap();
    std::fs::write(out.join("pagefind/en/0/pagefind-worker.js.br"), "br").unwrap();
    std::fs::write(out.join("pagefind/en/0/pagefind.js"), "// the searcher").unwrap();
    let manifest = out.join(super::manifest::MANIFEST);
    let recorded =
        read(&out, super::manifest::MANIFEST) + "-\tpagefind/en/0/pagefind-worker.js\n-\tpagefind/en/0/pagefind.js\n";
    std::fs::write(&manifest, recorded).unwrap();
    let report = run(&options, 0).unwrap();
    assert!(
        !report.written.iter().any(|f| f.starts_with("pagefind/en/0/")),
        "the shard is kept, not built again: {:?}",
        report.written
    );
    assert!(!worker.exists(), "the worker goes");
    assert!(!out.join("pagefind/en/0/pagefind-worker.js.br").exists(), "with its precompressed sibling");
    assert!(!out.join("pagefind/en/0/pagefind.js").exists(), "so does the shard's own searcher");
    assert!(out.join("pagefind/pagefind.js").is_file(), "the one every shard shares stays");
    assert!(!read(&out, super::manifest::MANIFEST).contains("pagefind-worker.js"), "and the manifest forgets it");
    clean(&[&api, &out]);
}

#[test]
fn every_search_shard_and_language_shares_one_searcher_which_a_run_puts_back_if_it_went() {
    let (api, out, mut options) = copied_fixture("searcher");
    options.search.shard_stories = 2;
    run(&options, 0).unwrap();
    let searcher = out.join("pagefind/pagefind.js");
    let js = std::fs::read(&searcher).unwrap();
    assert!(String::from_utf8_lossy(&js).contains("createInstance"), "Pagefind's searcher");
    for sibling in ["pagefind/pagefind.js.br", "pagefind/pagefind.js.gz"] {
        assert!(out.join(sibling).is_file(), "served precompressed: {sibling}");
    }
    let copies: Vec<_> = super::manifest::walk(&out.join("pagefind"))
        .into_iter()
        .map(|(relative, _)| relative)
        .filter(|relative| relative.ends_with(".js") && relative != "pagefind.js")
        .collect();
    assert_eq!(copies, Vec::<String>::new(), "no shard or language has a copy of its own");
    std::fs::remove_file(&searcher).unwrap();
    let report = run(&options, 0).unwrap();
    assert_eq!(std::fs::read(&searcher).unwrap(), js, "a run with nothing else changed puts it back");
    assert!(report.written.contains(&"pagefind/pagefind.js".to_string()), "{:?}", report.written);
    clean(&[&api, &out]);
}

#[test]
fn a_corrected_story_rebuilds_only_its_own_search_shard() {
    // en's six stories in shards of two, oldest first: [en6, en5], [en4, en3], [en2, en1].
    let (api, out, mut options) = copied_fixture("shards");
    options.search.shard_stories = 2;
    run(&options, 0).unwrap();
    let shards: serde_json::Value = serde_json::from_str(&read(&out, "pagefind/en/shards.json")).unwrap();
    let folders: Vec<&str> =
        shards["shards"].as_array().unwrap().iter().map(|s| s["folder"].as_str().unwrap()).collect();
    assert_eq!(folders, ["2", "1", "0"], "newest first");
    for folder in &folders {
        assert!(out.join(format!("pagefind/en/{folder}/pagefind-entry.json")).is_file(), "shard {folder}");
    }
    edit(&api, "en/articles/en4.json", "Lead of story 4", "Lead of story 4, corrected");
    let report = run(&options, 0).unwrap();
    let index: Vec<&String> = report.written.iter().filter(|f| f.starts_with("pagefind/")).collect();
    assert!(index.contains(&&"pagefind/en/1/pagefind-entry.json".to_string()), "{index:?}");
    assert!(
        index.iter().all(|f| f.starts_with("pagefind/en/1/")
            || f.starts_with("pagefind/en/words/0/")
            || *f == "pagefind/en/shards.json"),
        "only en4's shard is built again, with the words index of the closed shards, and the list records \
         their new fingerprints: {index:?}"
    );
    assert!(index.contains(&&"pagefind/en/words/0/pagefind-entry.json".to_string()), "{index:?}");
    edit(&api, "en/articles/en1.json", "inside", "inside, corrected");
    let report = run(&options, 0).unwrap();
    let index: Vec<&String> = report.written.iter().filter(|f| f.starts_with("pagefind/")).collect();
    assert!(
        index.iter().all(|f| f.starts_with("pagefind/en/2/") || *f == "pagefind/en/shards.json"),
        "a story in the newest shard leaves the words index as it was: {index:?}"
    );
    clean(&[&api, &out]);
}

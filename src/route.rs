//! Every address of the site in one place. `Route` parses an in-app path (`/en/politics`), builds
//! it back, names the API documents its page needs and, for `./x publish`, the file a static host
//! answers it with. The path builders below are the only code that writes an address; the router
//! (`app.rs`) matches the same shapes with Leptos's `path!`, and `index.html`'s boot script
//! derives the same documents from the address before the app exists: a test here runs that
//! script (in Node) for every kind of route and compares its requests with `Route::documents`.
//!
//! A feed's later pages have addresses of their own (`/{lang}/page/2`, `/{lang}/{section}/page/2`),
//! so that a reader without scripts, or a crawler, can walk a whole archive by plain links. The
//! contract reserves the names these shapes and the site's own files use (`api::RESERVED_NAMES`):
//! no section is called `search` or `page`, no story has the id `page`.
use crate::links::{decode_component, encode_component};

/// A page of the site, by its address.
#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    /// `/`: sends the reader to a language.
    Root,
    /// `/{lang}/`: the newest stories; from page 2 on, `/{lang}/page/{page}`.
    Home { lang: String, page: u32 },
    /// `/{lang}/search?q=…`
    Search { lang: String },
    /// `/{lang}/saved`: the reader's reading list.
    Saved { lang: String },
    /// `/{lang}/{section}`; from page 2 on, `/{lang}/{section}/page/{page}`.
    Section { lang: String, section: String, page: u32 },
    /// `/{lang}/{section}/{id}/{slug}` (or without the slug, which the page corrects).
    Article { lang: String, section: String, id: String, slug: String },
}

impl Route {
    /// The route of an in-app path (without the public base or the query); `None` for a path
    /// no page has (the not-found page).
    pub fn parse(path: &str) -> Option<Route> {
        let segments: Vec<String> = path.split('/').filter(|s| !s.is_empty()).map(decode_component).collect();
        let lang = || segments[0].clone();
        Some(match segments.as_slice() {
            [] => Route::Root,
            [_] => Route::Home { lang: lang(), page: 1 },
            [_, search] if search == "search" => Route::Search { lang: lang() },
            [_, saved] if saved == SAVED => Route::Saved { lang: lang() },
            [_, word, page] if word == PAGE => Route::Home { lang: lang(), page: later_page(page)? },
            [_, section, word, page] if word == PAGE => {
                Route::Section { lang: lang(), section: section.clone(), page: later_page(page)? }
            }
            [_, section] => Route::Section { lang: lang(), section: section.clone(), page: 1 },
            [_, section, id] => {
                Route::Article { lang: lang(), section: section.clone(), id: id.clone(), slug: String::new() }
            }
            [_, section, id, slug] => {
                Route::Article { lang: lang(), section: section.clone(), id: id.clone(), slug: slug.clone() }
            }
            _ => return None,
        })
    }

    /// The section the page belongs to, if any (the header marks it).
    pub fn section(&self) -> Option<&str> {
        match self {
            Route::Section { section, .. } | Route::Article { section, .. } => Some(section),
            _ => None,
        }
    }

    /// The route's in-app path (the search page without its query).
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub fn path(&self) -> String {
        match self {
            Route::Root => "/".into(),
            Route::Home { lang, page } => feed_page_path(lang, None, *page),
            Route::Search { lang } => search_path(lang, ""),
            Route::Saved { lang } => saved_path(lang),
            Route::Section { lang, section, page } => feed_page_path(lang, Some(section), *page),
            Route::Article { lang, section, id, slug } => article_path(lang, section, id, slug),
        }
    }

    /// The API documents the page needs first (contract paths, as `api` requests them).
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub fn documents(&self) -> Vec<String> {
        let mut documents = vec![crate::api::site_path()];
        match self {
            Route::Root => {}
            Route::Home { lang, .. }
            | Route::Search { lang }
            | Route::Saved { lang }
            | Route::Section { lang, .. }
            | Route::Article { lang, .. } => documents.push(crate::api::edition_path(lang)),
        }
        match self {
            Route::Home { lang, page } => documents.push(crate::api::feed_path(lang, crate::api::LATEST, *page)),
            Route::Section { lang, section, page } => documents.push(crate::api::feed_path(lang, section, *page)),
            Route::Article { lang, id, .. } => documents.push(crate::api::article_path(lang, id)),
            Route::Root | Route::Search { .. } | Route::Saved { .. } => {}
        }
        documents
    }

    /// The file `./x publish` writes for the route, where Cloudflare Pages, Netlify, GitHub Pages
    /// and nginx (`try_files $uri $uri.html $uri/ /index.html`) answer its address with it:
    /// `en/index.html`, `en/page/2.html`, `en/politics.html`, `en/politics/page/2.html`,
    /// `en/politics/1042/a-slug.html`. `None` for the routes not published (`/`, search) and for
    /// names that cannot be files.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn file(&self) -> Option<String> {
        let name = file_name;
        Some(match self {
            Route::Home { lang, page: 1 } => format!("{}/index.html", name(lang)?),
            Route::Home { lang, page } => format!("{}/{PAGE}/{page}.html", name(lang)?),
            Route::Section { lang, section, page: 1 } => format!("{}/{}.html", name(lang)?, name(section)?),
            Route::Section { lang, section, page } => format!("{}/{}/{PAGE}/{page}.html", name(lang)?, name(section)?),
            Route::Article { lang, section, id, slug } => {
                format!("{}/{}/{}/{}.html", name(lang)?, name(section)?, name(id)?, name(slug)?)
            }
            Route::Root | Route::Search { .. } | Route::Saved { .. } => return None,
        })
    }
}

/// `name` as one file or folder name, if it can be one safely: not empty, not `.` or `..`, and
/// without a path separator or a control character. (Slugs in other scripts are fine.)
#[cfg(not(target_arch = "wasm32"))]
pub fn file_name(name: &str) -> Option<&str> {
    let bad = name.is_empty()
        || name == "."
        || name == ".."
        || name.chars().any(|c| matches!(c, '/' | '\\') || c.is_control());
    (!bad).then_some(name)
}

/// The word before a feed's page number in its address.
pub const PAGE: &str = "page";

/// The reading list's page's name within a language.
pub const SAVED: &str = "saved";

/// `/{lang}/saved`
pub fn saved_path(lang: &str) -> String {
    format!("/{}/{SAVED}", encode_component(lang))
}

/// A later page's number from its address: 2 and on, written plainly (`2`, not `02`), so each
/// page has one address.
pub fn later_page(text: &str) -> Option<u32> {
    let page: u32 = text.parse().ok()?;
    (page >= 2 && page.to_string() == text).then_some(page)
}

/// Page `page` of the front page's feed (`section` `None`) or of a section's.
pub fn feed_page_path(lang: &str, section: Option<&str>, page: u32) -> String {
    let first = match section {
        Some(section) => section_path(lang, section),
        None => home_path(lang),
    };
    match page {
        0 | 1 => first,
        _ => format!("{}/{PAGE}/{page}", first.trim_end_matches('/')),
    }
}

/// `/en/`: a language's front page.
pub fn home_path(lang: &str) -> String {
    format!("/{}/", encode_component(lang))
}

/// `/en/politics`: a section feed.
pub fn section_path(lang: &str, section: &str) -> String {
    format!("/{}/{}", encode_component(lang), encode_component(section))
}

/// `/en/politics/1042/a-slug`: an article's one true address.
pub fn article_path(lang: &str, section: &str, id: &str, slug: &str) -> String {
    format!("{}/{}/{}", section_path(lang, section), encode_component(id), encode_component(slug))
}

/// The folder of every language's search index, under the site (`publish/search_index.rs` writes
/// `pagefind/{lang}/`, `pagefind.rs` reads it).
pub const SEARCH_INDEX_FOLDER: &str = "pagefind";

/// Pagefind's searcher (JS), one for every language's search index and shard, under the site
/// (`publish/search_index.rs` writes it, `index.html` and `pagefind.rs` import it).
pub const SEARCHER_FILE: &str = "pagefind/pagefind.js";

/// The file in a language's search index folder naming its shards, newest first
/// (`publish/search_shards.rs` writes it, `pagefind.rs` reads it before anything else).
pub const SEARCH_SHARDS_FILE: &str = "shards.json";

/// `/pagefind/{lang}/`: where the language's search index is served.
pub fn search_index_folder(lang: &str) -> String {
    format!("/{SEARCH_INDEX_FOLDER}/{}/", encode_component(lang))
}

/// `/en/search?q=…`, or the bare search page for an empty query.
pub fn search_path(lang: &str, query: &str) -> String {
    let query = query.trim();
    if query.is_empty() {
        format!("/{}/search", encode_component(lang))
    } else {
        format!("/{}/search?q={}", encode_component(lang), encode_component(query))
    }
}

/// A story in another language, as far as the page knows its address: `./x publish` resolves
/// the section and slug from that language's stories; the app knows the id alone (the contract's
/// `translations`), and the article page corrects the rest of the address in place.
#[derive(Clone, Debug, PartialEq)]
pub struct Translation {
    pub lang: String,
    pub id: String,
    /// `None` where unknown.
    pub place: Option<(String, String)>,
}

/// Where the language switch leads from `path` (an in-app path, `/en/…`) to language `to`:
/// the translation when the page has one, else the same section or search, else home.
pub fn language_switch_path(path: &str, query: &str, to: &str, translation: Option<&Translation>) -> String {
    match Route::parse(path) {
        Some(Route::Search { .. }) => format!("{}{}", search_path(to, ""), query),
        Some(Route::Saved { .. }) => saved_path(to),
        Some(Route::Article { section, .. }) => match translation {
            Some(Translation { id, place: Some((section, slug)), .. }) => article_path(to, section, id, slug),
            Some(Translation { id, place: None, .. }) => {
                format!("{}/{}", section_path(to, &section), encode_component(id))
            }
            None => section_path(to, &section),
        },
        Some(Route::Section { section, .. }) => section_path(to, &section),
        _ => home_path(to),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> Vec<Route> {
        let (lang, section) = ("ru".to_string(), "культура".to_string());
        vec![
            Route::Root,
            Route::Home { lang: lang.clone(), page: 1 },
            Route::Home { lang: lang.clone(), page: 3 },
            Route::Search { lang: lang.clone() },
            Route::Saved { lang: lang.clone() },
            Route::Section { lang: lang.clone(), section: section.clone(), page: 1 },
            Route::Section { lang: lang.clone(), section: section.clone(), page: 12 },
            Route::Article { lang, section, id: "2041".into(), slug: "a b/c".into() },
        ]
    }

    #[test]
    fn paths_encode_what_the_api_sends() {
        assert_eq!(home_path("en"), "/en/");
        assert_eq!(section_path("ru", "politics"), "/ru/politics");
        assert_eq!(article_path("hy", "culture", "3012", "a b/c"), "/hy/culture/3012/a%20b%2Fc");
        assert_eq!(search_path("az", "  "), "/az/search");
        assert_eq!(search_path("ru", "ёлка & co"), "/ru/search?q=%D1%91%D0%BB%D0%BA%D0%B0%20%26%20co");
    }

    #[test]
    fn every_route_parses_back_from_its_path() {
        for route in every_kind() {
            assert_eq!(Route::parse(&route.path()), Some(route.clone()), "{}", route.path());
        }
        assert_eq!(Route::parse("/en/politics/1/slug/more"), None);
        assert_eq!(Route::parse("/en/page/1"), None, "page 1 has one address: the feed's own");
        assert_eq!(Route::parse("/en/politics/page/02"), None);
        assert_eq!(feed_page_path("en", None, 2), "/en/page/2");
        assert_eq!(feed_page_path("en", Some("arts"), 1), "/en/arts");
        assert_eq!(
            Route::parse("/en/politics/1"),
            Some(Route::Article { lang: "en".into(), section: "politics".into(), id: "1".into(), slug: String::new() })
        );
    }

    #[test]
    fn published_files_sit_at_their_routes_addresses() {
        let files: Vec<_> = every_kind().iter().map(Route::file).collect();
        assert_eq!(
            files,
            [
                None,
                Some("ru/index.html".into()),
                Some("ru/page/3.html".into()),
                None,
                None,
                Some("ru/культура.html".into()),
                Some("ru/культура/page/12.html".into()),
                None
            ],
            "a slug with a slash cannot be a file: the app answers that address"
        );
        let story = Route::Article { lang: "en".into(), section: "arts".into(), id: "7".into(), slug: "a-b".into() };
        assert_eq!(story.file().as_deref(), Some("en/arts/7/a-b.html"));
    }

    #[test]
    fn only_safe_names_become_file_names() {
        assert_eq!(file_name("культура"), Some("культура"));
        for bad in ["", ".", "..", "a/b", "a\\b", "a\u{0}"] {
            assert_eq!(file_name(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_language_switch_keeps_the_readers_place() {
        assert_eq!(language_switch_path("/en/", "", "ru", None), "/ru/");
        assert_eq!(language_switch_path("/en/sport", "", "hy", None), "/hy/sport");
        assert_eq!(language_switch_path("/en/search", "?q=budget", "az", None), "/az/search?q=budget");
        let known =
            Translation { lang: "ru".into(), id: "2000".into(), place: Some(("politika".into(), "slag".into())) };
        assert_eq!(language_switch_path("/en/politics/1000/slug", "", "ru", Some(&known)), "/ru/politika/2000/slag");
        let id_only = Translation { place: None, ..known };
        assert_eq!(language_switch_path("/en/politics/1000/slug", "", "ru", Some(&id_only)), "/ru/politics/2000");
        assert_eq!(language_switch_path("/en/politics/page/4", "", "ru", None), "/ru/politics");
        assert_eq!(language_switch_path("/en/politics/1001/slug", "", "ru", None), "/ru/politics");
        assert_eq!(language_switch_path("/xx", "", "en", None), "/en/");
    }

    /// index.html's boot script, run in Node with a stand-in `document`, `location` and `fetch`
    /// for the route's address: the URLs it requests before the app exists, the modules it
    /// `import()`s among them.
    fn boot_script_requests(path: &str) -> Vec<String> {
        let html = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap();
        let script = html
            .split("<script>")
            .skip(1)
            .map(|s| s.split("</script>").next().unwrap())
            .find(|s| s.contains("gazetteBoot"))
            .expect("index.html's boot script")
            .replace("import(", "record_import(");
        let stand_in = r#"
            const requested = [];
            globalThis.window = globalThis;
            globalThis.location = { pathname: process.argv[1] };
            globalThis.document = {
              baseURI: 'http://site.example/',
              querySelector: () => ({ content: 'api/v1/' }),
              documentElement: { hasAttribute: () => false },
            };
            globalThis.requestAnimationFrame = () => {};
            globalThis.AbortController = class { constructor() { this.signal = {}; } };
            globalThis.fetch = (url) => { requested.push(url); return Promise.resolve(); };
            globalThis.record_import = (url) => { requested.push(url); return Promise.reject(); };
        "#;
        let program = format!("{stand_in}\n{script}\nconsole.log(JSON.stringify(requested));");
        let output = std::process::Command::new("node")
            .args(["-e", &program, path])
            .output()
            .expect("node (./x installs it with the npm packages)");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        serde_json::from_slice(&output.stdout).unwrap()
    }

    #[test]
    fn the_boot_script_requests_exactly_the_documents_and_the_searcher_of_the_route() {
        for route in every_kind() {
            let path = route.path();
            let mut expected: Vec<String> =
                route.documents().iter().map(|d| format!("http://site.example/api/v1/{d}")).collect();
            // The search page's shard list too, under the key the app asks for it by, and the
            // searcher at the address the app imports it from.
            if let Route::Search { lang } = &route {
                expected.push(format!("{}{SEARCH_SHARDS_FILE}", search_index_folder(lang)));
                expected.push(format!("/{SEARCHER_FILE}"));
            }
            assert_eq!(boot_script_requests(&path), expected, "{path}");
        }
    }
}

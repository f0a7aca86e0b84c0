//! What search engines read: `sitemap.xml`, an index of each language's files —
//! `sitemap-{lang}-{n}.xml` with its front page, sections, feed pages and stories (at most 50,000
//! addresses a file) and `sitemap-{lang}-news.xml` with its last two days' stories for news
//! search — and `robots.txt` naming the index. A file per language lets a run that cannot read one
//! language leave that language's files as they were while the others change.
use super::xml::escape;
use crate::api::Summary;
use crate::format::parse_rfc3339;

/// The most addresses one sitemap file may list (sitemaps.org).
pub(super) const MAX_URLS: usize = 50_000;
/// How far back the news sitemap reaches (Google News: two days).
pub(super) const NEWS_WINDOW_MINUTES: i64 = 2 * 24 * 60;
/// The most stories a news sitemap may list.
const MAX_NEWS: usize = 1_000;

/// One address: absolute, and when its content last changed (RFC 3339), if known.
pub(super) struct Entry {
    pub url: String,
    pub lastmod: Option<String>,
}

/// One language's address files, as (file name, XML): `sitemap-{lang}-1.xml` and on. `lang` is
/// a file-safe language code.
pub(super) fn language_sitemaps(lang: &str, entries: &[Entry]) -> Vec<(String, String)> {
    let chunks: Vec<&[Entry]> = if entries.is_empty() { vec![&[]] } else { entries.chunks(MAX_URLS).collect() };
    chunks
        .into_iter()
        .enumerate()
        .map(|(n, chunk)| (format!("sitemap-{lang}-{}.xml", n + 1), urlset(&chunk.iter().collect::<Vec<_>>())))
        .collect()
}

/// The name of a language's news sitemap.
pub(super) fn news_sitemap_name(lang: &str) -> String {
    format!("sitemap-{lang}-news.xml")
}

/// Whether `name` is one of `lang`'s sitemap files.
pub(super) fn is_language_sitemap(name: &str, lang: &str) -> bool {
    name.strip_prefix(&format!("sitemap-{lang}-"))
        .and_then(|rest| rest.strip_suffix(".xml"))
        .is_some_and(|n| n == "news" || n.parse::<u32>().is_ok())
}

/// `sitemap.xml`: the index of the sitemap files `names`, on `site_url`.
pub(super) fn sitemap_index(site_url: &str, names: &[String]) -> String {
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for name in names {
        index.push_str(&format!("<sitemap><loc>{}</loc></sitemap>\n", escape(&format!("{site_url}{name}"))));
    }
    index.push_str("</sitemapindex>\n");
    index
}

fn urlset(entries: &[&Entry]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for entry in entries {
        out.push_str(&format!("<url><loc>{}</loc>", escape(&entry.url)));
        if let Some(lastmod) = entry.lastmod.as_deref().filter(|t| parse_rfc3339(t).is_some()) {
            out.push_str(&format!("<lastmod>{}</lastmod>", escape(lastmod)));
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// A story for the news sitemap: its language, itself and its absolute URL.
pub(super) struct NewsStory<'a> {
    pub lang: &'a str,
    pub story: &'a Summary,
    pub url: String,
}

/// The stories published in the two days before `now` (minutes since the epoch), newest first.
pub(super) fn news_sitemap(site_name: &str, stories: &[NewsStory], now: i64) -> String {
    let mut recent: Vec<(i64, &NewsStory)> = stories
        .iter()
        .filter_map(|s| Some((parse_rfc3339(&s.story.published_at)?.epoch_minutes(), s)))
        .filter(|(at, _)| (now - NEWS_WINDOW_MINUTES..=now).contains(at))
        .collect();
    recent.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.url.cmp(&b.1.url)));
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n",
    );
    for (_, s) in recent.into_iter().take(MAX_NEWS) {
        out.push_str(&format!(
            "<url><loc>{}</loc><news:news><news:publication><news:name>{}</news:name><news:language>{}</news:language>\
             </news:publication><news:publication_date>{}</news:publication_date><news:title>{}</news:title></news:news></url>\n",
            escape(&s.url),
            escape(site_name),
            escape(s.lang),
            escape(&s.story.published_at),
            escape(&s.story.title),
        ));
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt`: everything may be crawled, and here is the sitemap index.
pub(super) fn robots(site_url: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_gets_files_of_at_most_the_limit_and_the_index_lists_them() {
        let entries: Vec<Entry> =
            (0..MAX_URLS + 1).map(|i| Entry { url: format!("https://n.example/en/s/{i}/x"), lastmod: None }).collect();
        let files = language_sitemaps("en", &entries);
        let names: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
        assert_eq!(names, ["sitemap-en-1.xml", "sitemap-en-2.xml"]);
        assert!(files.iter().all(|(_, xml)| xml.matches("<url>").count() <= MAX_URLS));
        assert_eq!(files[1].1.matches("<url>").count(), 1);
        let index = sitemap_index("https://n.example/news/", &names);
        assert!(index.contains("<loc>https://n.example/news/sitemap-en-2.xml</loc>"));
        assert!(is_language_sitemap("sitemap-en-2.xml", "en") && is_language_sitemap("sitemap-en-news.xml", "en"));
        assert!(!is_language_sitemap("sitemap-en-x-1.xml", "en"), "another language's (en-x) files");
    }

    #[test]
    fn only_a_valid_date_becomes_lastmod() {
        let list = [
            Entry { url: "https://n.example/a".into(), lastmod: Some("2026-11-27T21:30:00+04:00".into()) },
            Entry { url: "https://n.example/b?x=1&y=2".into(), lastmod: Some("yesterday".into()) },
        ];
        let xml = urlset(&list.iter().collect::<Vec<_>>());
        assert!(xml.contains("<lastmod>2026-11-27T21:30:00+04:00</lastmod>"));
        assert!(xml.contains("<url><loc>https://n.example/b?x=1&amp;y=2</loc></url>"));
    }

    #[test]
    fn the_news_sitemap_holds_the_last_two_days_newest_first() {
        let at = |published: &str| Summary {
            id: published.into(),
            slug: "s".into(),
            section: "x".into(),
            title: format!("Story <{published}>"),
            lead: String::new(),
            published_at: published.into(),
            views: None,
            image: None,
        };
        let stories =
            [at("2026-11-30T10:00:00Z"), at("2026-11-27T10:00:00Z"), at("2026-11-29T11:00:00+04:00"), at("bad")];
        let news: Vec<NewsStory> = stories
            .iter()
            .map(|s| NewsStory { lang: "en", story: s, url: format!("https://n.example/{}", s.id) })
            .collect();
        let now = parse_rfc3339("2026-11-30T12:00:00Z").unwrap().epoch_minutes();
        let xml = news_sitemap("Ledger", &news, now);
        assert_eq!(xml.matches("<url>").count(), 2);
        let (first, second) =
            (xml.find("2026-11-30T10:00:00Z").unwrap(), xml.find("2026-11-29T11:00:00+04:00").unwrap());
        assert!(first < second, "newest first");
        assert!(xml.contains("<news:title>Story &lt;2026-11-30T10:00:00Z&gt;</news:title>"));
    }

    #[test]
    fn robots_names_the_sitemap_index_under_the_site_url() {
        assert!(robots("https://n.example/news/").contains("Sitemap: https://n.example/news/sitemap.xml\n"));
    }
}

//! What search engines read: `sitemap.xml` with every front page, section and story of every
//! language (past 50,000 addresses, an index of per-language files of at most 50,000 each),
//! `sitemap-news.xml` with the last two days' stories for news search, and `robots.txt` naming
//! both.
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

/// The sitemap files, as (file name, XML): `sitemap.xml` alone while every language's
/// addresses fit in one file, else `sitemap.xml` as the index of `sitemap-{lang}-{n}.xml`.
/// `languages` pairs a file-safe language code with its addresses.
pub(super) fn sitemaps(site_url: &str, languages: &[(String, Vec<Entry>)]) -> Vec<(String, String)> {
    let total: usize = languages.iter().map(|(_, entries)| entries.len()).sum();
    if total <= MAX_URLS {
        let all: Vec<&Entry> = languages.iter().flat_map(|(_, entries)| entries).collect();
        return vec![("sitemap.xml".into(), urlset(&all))];
    }
    let mut files: Vec<(String, String)> = languages
        .iter()
        .flat_map(|(lang, entries)| {
            entries.chunks(MAX_URLS).enumerate().map(move |(n, chunk)| {
                (format!("sitemap-{lang}-{}.xml", n + 1), urlset(&chunk.iter().collect::<Vec<_>>()))
            })
        })
        .collect();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (name, _) in &files {
        index.push_str(&format!("<sitemap><loc>{}</loc></sitemap>\n", escape(&format!("{site_url}{name}"))));
    }
    index.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".into(), index));
    files
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

/// `robots.txt`: everything may be crawled, and here are the sitemaps.
pub(super) fn robots(site_url: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\nSitemap: {site_url}sitemap-news.xml\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(lang: &str, n: usize) -> (String, Vec<Entry>) {
        let list = (0..n).map(|i| Entry { url: format!("https://n.example/{lang}/s/{i}/x"), lastmod: None }).collect();
        (lang.to_string(), list)
    }

    #[test]
    fn one_file_while_it_fits_then_an_index_of_per_language_files() {
        let small = sitemaps("https://n.example/", &[entries("en", 3), entries("ru", 2)]);
        assert_eq!(small.len(), 1);
        assert_eq!(small[0].1.matches("<url>").count(), 5);
        let large = sitemaps("https://n.example/news/", &[entries("en", MAX_URLS + 1), entries("ru", 10)]);
        let names: Vec<&str> = large.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["sitemap.xml", "sitemap-en-1.xml", "sitemap-en-2.xml", "sitemap-ru-1.xml"]);
        assert!(large[0].1.contains("<loc>https://n.example/news/sitemap-en-2.xml</loc>"));
        assert!(large.iter().skip(1).all(|(_, xml)| xml.matches("<url>").count() <= MAX_URLS));
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
            views: 0,
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
    fn robots_names_both_sitemaps_under_the_site_url() {
        assert!(robots("https://n.example/news/").contains("Sitemap: https://n.example/news/sitemap-news.xml\n"));
    }
}

//! Atom feeds: one per language (its latest stories) and one per section, the newest 50 stories
//! each, with absolute links, for feed readers and aggregators.
use super::xml::escape;
use crate::api::{Section, Summary};
use crate::links::encode_component;

/// How many stories a feed lists.
pub(super) const FEED_LENGTH: usize = 50;

/// A feed's title and its URL path under the site: the language's newest stories (`section`
/// `None`) or a section's. The feeds and the pages' `<link rel="alternate">` both use it.
pub(super) fn feed_title_and_path(site_name: &str, lang: &str, section: Option<&Section>) -> (String, String) {
    match section {
        None => {
            let latest = crate::i18n::strings(crate::l10n::ui_locale(lang)).feed.latest;
            (format!("{site_name} — {latest}"), format!("feeds/{}.xml", encode_component(lang)))
        }
        Some(s) => (
            format!("{site_name} — {}", s.title),
            format!("feeds/{}/{}.xml", encode_component(lang), encode_component(&s.slug)),
        ),
    }
}

/// What one feed is about and where it lives.
pub(super) struct FeedInfo<'a> {
    pub lang: &'a str,
    /// "Highland Ledger — Politics".
    pub title: String,
    /// The page the feed follows (the front page or the section), absolute.
    pub page_url: String,
    /// The feed's own absolute URL.
    pub feed_url: String,
    /// The outlet, as every entry's author.
    pub site_name: &'a str,
}

/// An Atom document of `stories` (newest first, as the caller sorted them), each linked to its
/// absolute URL by `url_of`.
pub(super) fn atom(info: &FeedInfo, stories: &[&Summary], url_of: impl Fn(&Summary) -> String) -> String {
    let stories = &stories[..stories.len().min(FEED_LENGTH)];
    // The feed changed when its newest story did; an empty feed has a fixed date, so that an
    // unchanged outlet writes the same bytes.
    let updated = stories.first().map_or("1970-01-01T00:00:00Z", |s| s.published_at.as_str());
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n\
         <title>{}</title>\n<id>{}</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n<updated>{}</updated>\n\
         <author><name>{}</name></author>\n",
        escape(info.lang),
        escape(&info.title),
        escape(&info.page_url),
        escape(&info.page_url),
        escape(&info.feed_url),
        escape(updated),
        escape(info.site_name),
    );
    for story in stories {
        let url = escape(&url_of(story));
        out.push_str(&format!(
            "<entry><title>{}</title><id>{url}</id><link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\
             <published>{published}</published><updated>{published}</updated><summary>{}</summary></entry>\n",
            escape(&story.title),
            escape(&story.lead),
            published = escape(&story.published_at),
        ));
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(id: &str, title: &str) -> Summary {
        Summary {
            id: id.into(),
            slug: "s".into(),
            section: "x".into(),
            title: title.into(),
            lead: "Lead & more".into(),
            published_at: format!("2026-11-{id:0>2}T10:00:00+04:00"),
            views: 0,
            image: None,
        }
    }

    fn info() -> FeedInfo<'static> {
        FeedInfo {
            lang: "en",
            title: "Ledger — Politics".into(),
            page_url: "https://news.example/en/politics".into(),
            feed_url: "https://news.example/feeds/en/politics.xml".into(),
            site_name: "Ledger",
        }
    }

    #[test]
    fn a_feed_lists_the_newest_fifty_with_absolute_links_and_escaped_text() {
        let stories: Vec<Summary> =
            (1..=60).map(|i| story(&(i % 28 + 1).to_string(), "A <b>bold</b> </feed> title")).collect();
        let refs: Vec<&Summary> = stories.iter().collect();
        let xml = atom(&info(), &refs, |s| format!("https://news.example/en/x/{}/s", s.id));
        assert_eq!(xml.matches("<entry>").count(), FEED_LENGTH);
        assert_eq!(xml.matches("</feed>").count(), 1, "a title cannot close the feed");
        assert!(xml.contains("<title>A &lt;b&gt;bold&lt;/b&gt; &lt;/feed&gt; title</title>"));
        assert!(xml.contains("<id>https://news.example/en/x/2/s</id>"));
        assert!(
            xml.contains("<updated>2026-11-02T10:00:00+04:00</updated>\n<author>"),
            "the first story dates the feed"
        );
        assert!(xml.contains("href=\"https://news.example/feeds/en/politics.xml\""));
    }

    #[test]
    fn an_empty_feed_is_still_a_valid_document_with_a_fixed_date() {
        let xml = atom(&info(), &[], |_| unreachable!());
        assert!(xml.contains("<updated>1970-01-01T00:00:00Z</updated>"));
        assert!(xml.ends_with("</feed>\n"));
    }
}

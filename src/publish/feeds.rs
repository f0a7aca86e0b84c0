//! Atom feeds: one per language (its latest stories) and one per section, the newest 50 stories
//! each, with absolute links, for feed readers and aggregators.
use super::search_index::Record;
use super::xml::escape;
use crate::api::Summary;
use crate::format::parse_rfc3339;
use std::collections::{HashMap, HashSet};

/// How many stories a feed lists.
pub(super) const FEED_LENGTH: usize = 50;

/// What an entry says beyond the story's summary, from the story's document where publish read it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct EntryFacts {
    pub author: Option<String>,
    pub updated: Option<String>,
}

/// Each story's facts by (language, story id), as this run read them from the documents, and
/// each language's search records.
#[derive(Debug, Default)]
pub(super) struct StoryFacts {
    known: HashMap<(String, String), EntryFacts>,
    records: HashMap<String, Vec<Record>>,
    /// Stories whose document could not be read or decoded this run.
    failed: HashSet<(String, String)>,
}

impl StoryFacts {
    pub fn read(&mut self, lang: &str, id: &str, facts: EntryFacts, record: Record) {
        self.known.insert((lang.to_string(), id.to_string()), facts);
        self.records.entry(lang.to_string()).or_default().push(record);
    }

    /// The search records of every story of `lang`, unless a story's document failed this run
    /// (then the language's index stays as it was: without that story it would lose it).
    pub fn search_records(&mut self, lang: &str) -> Option<Vec<Record>> {
        if self.failed.iter().any(|(l, _)| l == lang) {
            return None;
        }
        Some(self.records.remove(lang).unwrap_or_default())
    }

    pub fn failed(&mut self, lang: &str, id: &str) {
        self.failed.insert((lang.to_string(), id.to_string()));
    }

    pub fn of(&self, lang: &str, id: &str) -> Option<&EntryFacts> {
        self.known.get(&(lang.to_string(), id.to_string()))
    }

    /// Whether what a list says of the story is unknown this run: its document failed. A list
    /// that names it keeps its last file, as the story's page does.
    pub fn unknown(&self, lang: &str, id: &str) -> bool {
        self.of(lang, id).is_none() && self.failed.contains(&(lang.to_string(), id.to_string()))
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
    /// The outlet: the feed's author, and an entry's where the story names none.
    pub site_name: &'a str,
}

/// An Atom document of `stories` (newest first, as the caller sorted them), each linked to its
/// absolute URL by `url_of`, with its author and update time from `facts_of` where known.
pub(super) fn atom<'a>(
    info: &FeedInfo,
    stories: &[&'a Summary],
    url_of: impl Fn(&Summary) -> String,
    facts_of: impl Fn(&Summary) -> Option<&'a EntryFacts>,
) -> String {
    let stories = &stories[..stories.len().min(FEED_LENGTH)];
    let updated_of = |s: &'a Summary| -> &str {
        let updated = facts_of(s).and_then(|f| f.updated.as_deref()).filter(|u| parse_rfc3339(u).is_some());
        updated.unwrap_or(&s.published_at)
    };
    // The feed changed when its latest entry did; an empty feed has a fixed date, so that an
    // unchanged outlet writes the same bytes.
    let updated = stories
        .iter()
        .map(|s| updated_of(s))
        .max_by_key(|u| parse_rfc3339(u).map(|t| t.epoch_minutes()))
        .unwrap_or("1970-01-01T00:00:00Z");
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
             <published>{}</published><updated>{}</updated><author><name>{}</name></author>\
             <summary>{}</summary></entry>\n",
            escape(&story.title),
            escape(&story.published_at),
            escape(updated_of(story)),
            escape(facts_of(story).and_then(|f| f.author.as_deref()).unwrap_or(info.site_name)),
            escape(&story.lead),
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
            views: None,
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
        let xml = atom(&info(), &refs, |s| format!("https://news.example/en/x/{}/s", s.id), |_| None);
        assert_eq!(xml.matches("<entry>").count(), FEED_LENGTH);
        assert_eq!(xml.matches("</feed>").count(), 1, "a title cannot close the feed");
        assert!(xml.contains("<title>A &lt;b&gt;bold&lt;/b&gt; &lt;/feed&gt; title</title>"));
        assert!(xml.contains("<id>https://news.example/en/x/2/s</id>"));
        assert!(
            xml.contains("<updated>2026-11-28T10:00:00+04:00</updated>\n<author>"),
            "the latest entry dates the feed"
        );
        assert!(xml.contains("href=\"https://news.example/feeds/en/politics.xml\""));
    }

    #[test]
    fn an_empty_feed_is_still_a_valid_document_with_a_fixed_date() {
        let xml = atom(&info(), &[], |_| unreachable!(), |_| None);
        assert!(xml.contains("<updated>1970-01-01T00:00:00Z</updated>"));
        assert!(xml.ends_with("</feed>\n"));
    }

    #[test]
    fn an_entry_has_its_storys_author_and_update_time() {
        let stories = [story("2", "Second"), story("1", "First")];
        let refs: Vec<&Summary> = stories.iter().collect();
        let facts = EntryFacts { author: Some("Ann <Lee>".into()), updated: Some("2026-11-03T09:00:00+04:00".into()) };
        let xml = atom(&info(), &refs, |s| format!("https://n.example/{}", s.id), |s| (s.id == "1").then_some(&facts));
        assert!(
            xml.contains("<updated>2026-11-03T09:00:00+04:00</updated><author><name>Ann &lt;Lee&gt;</name></author>")
        );
        assert!(
            xml.contains("<updated>2026-11-02T10:00:00+04:00</updated><author><name>Ledger</name></author>"),
            "{xml}"
        );
        assert!(
            xml.contains("<updated>2026-11-03T09:00:00+04:00</updated>\n<author><name>Ledger</name></author>\n"),
            "the feed is as new as its latest change"
        );
    }
}

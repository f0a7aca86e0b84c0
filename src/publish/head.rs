//! The `<head>` of a published page: what link previews (Telegram, Facebook, X, WhatsApp) and
//! search engines read without running scripts. Title, description, canonical, `hreflang`
//! alternates, Open Graph and `article:*` tags, the Twitter card, the page's Atom feeds, and for
//! a story JSON-LD `NewsArticle`. Every value is API text, so every value is escaped here: as an
//! attribute, and inside the JSON-LD so that no `</script>` or `<!--` can end the block.
//! Each tag but the title is marked `data-published`: the app removes them when it takes over
//! (`src/boot.rs`) and keeps the head itself from then on (leptos_meta), without duplicates.
use super::xml::escape;
use crate::api::{Article, Image};
use serde_json::json;

/// The attribute by which the app finds the published head tags to remove.
const MARK: &str = "data-published";

/// What one page's head says. URLs are absolute.
pub(super) struct Head {
    pub lang: String,
    pub title: String,
    pub description: String,
    pub canonical: String,
    /// (language, URL) of this page in each language it exists in, itself included.
    pub alternates: Vec<(String, String)>,
    /// (title, URL) of the Atom feeds that list this page's stories.
    pub feeds: Vec<(String, String)>,
    /// A feed page's newer and older neighbours.
    pub previous: Option<String>,
    pub next: Option<String>,
    pub site_name: String,
    /// The picture for previews, with its absolute URL.
    pub image: Option<(String, Image)>,
    pub story: Option<Story>,
}

/// What only a story's head has.
pub(super) struct Story {
    pub published: String,
    pub modified: Option<String>,
    pub section: String,
    pub tags: Vec<String>,
    pub author: Option<String>,
}

impl Story {
    pub fn of(article: &Article, section: String) -> Story {
        Story {
            published: article.summary.published_at.clone(),
            modified: article.updated_at.clone(),
            section,
            tags: article.tags.clone(),
            author: article.author.as_ref().map(|a| a.name.clone()),
        }
    }
}

/// JSON that can sit inside `<script>`: `<`, `>` and `&` (so `</script>` and `<!--`) and the
/// two line separators JavaScript once refused are written as `\u` escapes, which JSON reads back
/// as the same characters.
pub(super) fn script_safe_json(value: &serde_json::Value) -> String {
    let text = value.to_string();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

impl Head {
    /// The tags, one per line, in the order crawlers expect (title and description first).
    pub fn to_html(&self) -> String {
        let mut tags = vec![format!("<title>{}</title>", escape(&self.title))];
        let meta = |key: &str, name: &str, value: &str| {
            format!("<meta {key}=\"{name}\" content=\"{}\" {MARK}>", escape(value))
        };
        if !self.description.is_empty() {
            tags.push(meta("name", "description", &self.description));
        }
        tags.push(format!("<link rel=\"canonical\" href=\"{}\" {MARK}>", escape(&self.canonical)));
        if self.alternates.len() > 1 {
            for (lang, url) in &self.alternates {
                tags.push(format!(
                    "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\" {MARK}>",
                    escape(lang),
                    escape(url)
                ));
            }
        }
        for (rel, url) in [("prev", &self.previous), ("next", &self.next)] {
            if let Some(url) = url {
                tags.push(format!("<link rel=\"{rel}\" href=\"{}\" {MARK}>", escape(url)));
            }
        }
        for (title, url) in &self.feeds {
            tags.push(format!(
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{}\" {MARK}>",
                escape(title),
                escape(url)
            ));
        }
        tags.push(meta("property", "og:type", if self.story.is_some() { "article" } else { "website" }));
        tags.push(meta("property", "og:title", &self.title));
        if !self.description.is_empty() {
            tags.push(meta("property", "og:description", &self.description));
        }
        tags.push(meta("property", "og:url", &self.canonical));
        tags.push(meta("property", "og:site_name", &self.site_name));
        tags.push(meta("property", "og:locale", &self.lang.replace('-', "_")));
        if let Some((url, image)) = &self.image {
            tags.push(meta("property", "og:image", url));
            if image.width > 0 && image.height > 0 {
                tags.push(meta("property", "og:image:width", &image.width.to_string()));
                tags.push(meta("property", "og:image:height", &image.height.to_string()));
            }
            if !image.alt.is_empty() {
                tags.push(meta("property", "og:image:alt", &image.alt));
            }
        }
        if let Some(story) = &self.story {
            tags.push(meta("property", "article:published_time", &story.published));
            if let Some(modified) = &story.modified {
                tags.push(meta("property", "article:modified_time", modified));
            }
            tags.push(meta("property", "article:section", &story.section));
            for tag in &story.tags {
                tags.push(meta("property", "article:tag", tag));
            }
        }
        let card = if self.image.is_some() { "summary_large_image" } else { "summary" };
        tags.push(meta("name", "twitter:card", card));
        if let Some(story) = &self.story {
            tags.push(format!(
                "<script type=\"application/ld+json\" {MARK}>{}</script>",
                script_safe_json(&self.news_article(story))
            ));
        }
        tags.join("\n  ")
    }

    fn news_article(&self, story: &Story) -> serde_json::Value {
        let mut value = json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title_without_site(),
            "description": self.description,
            "datePublished": story.published,
            "dateModified": story.modified.as_ref().unwrap_or(&story.published),
            "mainEntityOfPage": { "@type": "WebPage", "@id": self.canonical },
            "publisher": { "@type": "Organization", "name": self.site_name },
            "inLanguage": self.lang,
            "articleSection": story.section,
        });
        if let Some(author) = &story.author {
            value["author"] = json!({ "@type": "Person", "name": author });
        }
        if let Some((url, image)) = &self.image {
            value["image"] =
                json!([{ "@type": "ImageObject", "url": url, "width": image.width, "height": image.height }]);
        }
        if !story.tags.is_empty() {
            value["keywords"] = json!(story.tags);
        }
        value
    }

    /// The headline alone: the page title is "headline — site".
    fn title_without_site(&self) -> &str {
        self.title.strip_suffix(&format!(" — {}", self.site_name)).unwrap_or(&self.title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_in_api_text_can_end_the_json_ld_block_or_an_attribute() {
        let hostile = "</script><script>alert(1)</script><!-- \"' & \u{2028}";
        let json = script_safe_json(&json!({ "headline": hostile }));
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'), "{json}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["headline"], hostile, "the escapes read back as the same text");
        let attribute = escape(hostile);
        assert!(!attribute.contains(['<', '>', '"', '\'']), "{attribute}");
    }
}

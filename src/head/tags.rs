//! A page head as a list of tags, in the order crawlers expect (title and description first).
use super::PageHead;

/// One tag of a page's head.
#[derive(Clone, Debug, PartialEq)]
pub enum Tag {
    Title(String),
    /// `<meta name=… content=…>`.
    Name(&'static str, String),
    /// `<meta property=… content=…>` (Open Graph, `article:*`).
    Property(&'static str, String),
    /// `<link rel=… href=…>`, with `hreflang` for a language alternate, and a title for an Atom feed.
    Link {
        rel: &'static str,
        href: String,
        hreflang: Option<String>,
        feed_title: Option<String>,
    },
    /// `<script type="application/ld+json">`, its JSON already safe inside a script (`script_safe_json`).
    JsonLd(String),
}

/// The MIME type of the Atom feeds a page names.
pub const ATOM: &str = "application/atom+xml";

impl PageHead {
    pub fn tags(&self) -> Vec<Tag> {
        let mut tags = vec![Tag::Title(self.title.clone())];
        let link = |rel, href: &str| Tag::Link { rel, href: href.to_string(), hreflang: None, feed_title: None };
        if !self.description.is_empty() {
            tags.push(Tag::Name("description", self.description.clone()));
        }
        tags.push(link("canonical", &self.canonical));
        if self.alternates.len() > 1 {
            let alternates = self.alternates.iter().map(|(lang, url)| (lang.as_str(), url));
            for (lang, url) in alternates.chain([("x-default", &self.x_default)]) {
                tags.push(Tag::Link {
                    rel: "alternate",
                    href: url.clone(),
                    hreflang: Some(lang.into()),
                    feed_title: None,
                });
            }
        }
        for (rel, url) in [("prev", &self.previous), ("next", &self.next)] {
            if let Some(url) = url {
                tags.push(link(rel, url));
            }
        }
        for (title, url) in &self.feeds {
            tags.push(Tag::Link {
                rel: "alternate",
                href: url.clone(),
                hreflang: None,
                feed_title: Some(title.clone()),
            });
        }
        let story = self.story.as_ref();
        tags.push(Tag::Property("og:type", if story.is_some() { "article" } else { "website" }.into()));
        tags.push(Tag::Property("og:title", self.headline.clone()));
        if !self.description.is_empty() {
            tags.push(Tag::Property("og:description", self.description.clone()));
        }
        tags.push(Tag::Property("og:url", self.canonical.clone()));
        tags.push(Tag::Property("og:site_name", self.site_name.clone()));
        if let Some(locale) = &self.locale {
            tags.push(Tag::Property("og:locale", locale.clone()));
        }
        if let Some(image) = &self.image {
            tags.push(Tag::Property("og:image", image.url.clone()));
            if image.width > 0 && image.height > 0 {
                tags.push(Tag::Property("og:image:width", image.width.to_string()));
                tags.push(Tag::Property("og:image:height", image.height.to_string()));
            }
            tags.push(Tag::Property("og:image:alt", image.alt.clone()));
        }
        if let Some(story) = story {
            tags.push(Tag::Property("article:published_time", story.published.clone()));
            if let Some(modified) = &story.modified {
                tags.push(Tag::Property("article:modified_time", modified.clone()));
            }
            tags.push(Tag::Property("article:section", story.section.clone()));
            for tag in &story.tags {
                tags.push(Tag::Property("article:tag", tag.clone()));
            }
        }
        let card = if self.image.is_some() { "summary_large_image" } else { "summary" };
        tags.push(Tag::Name("twitter:card", card.into()));
        tags.push(Tag::Name("twitter:title", self.headline.clone()));
        if !self.description.is_empty() {
            tags.push(Tag::Name("twitter:description", self.description.clone()));
        }
        if let Some(image) = &self.image {
            tags.push(Tag::Name("twitter:image", image.url.clone()));
            tags.push(Tag::Name("twitter:image:alt", image.alt.clone()));
        }
        if let Some(story) = story {
            tags.push(Tag::JsonLd(script_safe_json(&self.news_article(story))));
        }
        tags
    }
}

/// JSON that can sit inside `<script>`: `<`, `>` and `&` (so `</script>` and `<!--`) and the
/// two line separators JavaScript once refused are written as `\u` escapes, which JSON reads back
/// as the same characters.
pub fn script_safe_json(text: &str) -> String {
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

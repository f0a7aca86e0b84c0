//! A story's JSON-LD `NewsArticle`, with what Google's article rich results ask for: an author
//! (the outlet where the story names none), a picture, and the publisher with its logo.
//! Written out field by field, each text by serde_json's string writer: a `serde_json::Value`
//! would bring its number formatting into every page's WebAssembly for two integers.
use super::{PageHead, Story};

/// A JSON string: `text` quoted and escaped.
fn string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

/// `{"@type":kind,"name":name}`, or with a logo.
fn named(kind: &str, name: &str, logo: Option<&str>) -> String {
    let logo = logo.map(|url| format!(",\"logo\":{{\"@type\":\"ImageObject\",\"url\":{}}}", string(url)));
    format!("{{\"@type\":{},\"name\":{}{}}}", string(kind), string(name), logo.unwrap_or_default())
}

impl PageHead {
    /// The document as JSON text (not yet safe inside a script: see `script_safe_json`).
    pub(super) fn news_article(&self, story: &Story) -> String {
        let author = match &story.author {
            Some(name) => named("Person", name, None),
            None => named("Organization", &self.site_name, None),
        };
        let mut fields = vec![
            ("@context", string("https://schema.org")),
            ("@type", string("NewsArticle")),
            ("headline", string(&self.headline)),
            ("description", string(&self.description)),
            ("datePublished", string(&story.published)),
            ("dateModified", string(story.modified.as_ref().unwrap_or(&story.published))),
            ("mainEntityOfPage", format!("{{\"@type\":\"WebPage\",\"@id\":{}}}", string(&self.canonical))),
            ("author", author),
            ("publisher", named("Organization", &self.site_name, self.logo.as_deref())),
            ("inLanguage", string(&self.lang)),
            ("articleSection", string(&story.section)),
        ];
        if let Some(image) = &self.image {
            let object = format!(
                "[{{\"@type\":\"ImageObject\",\"url\":{},\"width\":{},\"height\":{}}}]",
                string(&image.url),
                image.width,
                image.height
            );
            fields.push(("image", object));
        }
        if !story.tags.is_empty() {
            let tags: Vec<String> = story.tags.iter().map(|t| string(t)).collect();
            fields.push(("keywords", format!("[{}]", tags.join(","))));
        }
        let fields: Vec<String> = fields.into_iter().map(|(key, value)| format!("{}:{value}", string(key))).collect();
        format!("{{{}}}", fields.join(","))
    }
}

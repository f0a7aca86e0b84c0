//! A story's JSON-LD `NewsArticle`, with what Google's article rich results ask for: an author
//! (the outlet where the story names none), a picture, and the publisher with its logo.
//! Written out field by field, each text by serde_json's string writer: a `serde_json::Value`
//! would bring its number formatting into every page's WebAssembly for two integers.
use super::{PageHead, Story};
use crate::api::json::quoted;

/// `{"@type":kind,"name":name}`, or with a logo.
fn named(kind: &str, name: &str, logo: Option<&str>) -> String {
    let logo = logo.map(|url| format!(",\"logo\":{{\"@type\":\"ImageObject\",\"url\":{}}}", quoted(url)));
    format!("{{\"@type\":{},\"name\":{}{}}}", quoted(kind), quoted(name), logo.unwrap_or_default())
}

impl PageHead {
    /// The document as JSON text (not yet safe inside a script: see `script_safe_json`).
    pub(super) fn news_article(&self, story: &Story) -> String {
        let author = match &story.author {
            Some(name) => named("Person", name, None),
            None => named("Organization", &self.site_name, None),
        };
        let mut fields = vec![
            ("@context", quoted("https://schema.org")),
            ("@type", quoted("NewsArticle")),
            ("headline", quoted(&self.headline)),
            ("description", quoted(&self.description)),
            ("datePublished", quoted(&story.published)),
            ("dateModified", quoted(story.modified.as_ref().unwrap_or(&story.published))),
            ("mainEntityOfPage", format!("{{\"@type\":\"WebPage\",\"@id\":{}}}", quoted(&self.canonical))),
            ("author", author),
            ("publisher", named("Organization", &self.site_name, self.logo.as_deref())),
            ("inLanguage", quoted(&self.lang)),
            ("articleSection", quoted(&story.section)),
        ];
        if let Some(image) = &self.image {
            let object = format!(
                "[{{\"@type\":\"ImageObject\",\"url\":{},\"width\":{},\"height\":{}}}]",
                quoted(&image.url),
                image.width,
                image.height
            );
            fields.push(("image", object));
        }
        if !story.tags.is_empty() {
            let tags: Vec<String> = story.tags.iter().map(|t| quoted(t)).collect();
            fields.push(("keywords", format!("[{}]", tags.join(","))));
        }
        let fields: Vec<String> = fields.into_iter().map(|(key, value)| format!("{}:{value}", quoted(key))).collect();
        format!("{{{}}}", fields.join(","))
    }
}

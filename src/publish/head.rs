//! A published page's `<head>` as HTML: the tags `head::PageHead` computes for the page (the
//! same the app puts in the live head), every value escaped. Each tag but the title is marked
//! `data-published`: the app removes them when it takes over (`src/boot.rs`) and keeps the head
//! itself from then on (leptos_meta), without duplicates.
use super::xml::escape as e;
use crate::head::{PageHead, Tag, ATOM};

/// The attribute by which the app finds the published head tags to remove.
const MARK: &str = "data-published";

/// The tags, one per line.
pub(super) fn head_html(head: &PageHead) -> String {
    let tags: Vec<String> = head.tags().iter().map(tag_html).collect();
    tags.join("\n  ")
}

fn tag_html(tag: &Tag) -> String {
    match tag {
        Tag::Title(text) => format!("<title>{}</title>", e(text)),
        Tag::Name(name, content) => format!("<meta name=\"{name}\" content=\"{}\" {MARK}>", e(content)),
        Tag::Property(name, content) => format!("<meta property=\"{name}\" content=\"{}\" {MARK}>", e(content)),
        Tag::Link { rel, href, hreflang, feed_title } => {
            let hreflang = hreflang.as_ref().map(|l| format!(" hreflang=\"{}\"", e(l))).unwrap_or_default();
            let feed = feed_title.as_ref().map(|t| format!(" type=\"{ATOM}\" title=\"{}\"", e(t))).unwrap_or_default();
            format!("<link rel=\"{rel}\"{hreflang}{feed} href=\"{}\" {MARK}>", e(href))
        }
        Tag::JsonLd(json) => format!("<script type=\"application/ld+json\" {MARK}>{json}</script>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::head::script_safe_json;
    use serde_json::json;

    #[test]
    fn nothing_in_api_text_can_end_the_json_ld_block_or_an_attribute() {
        let hostile = "</script><script>alert(1)</script><!-- \"' & \u{2028}";
        let json = script_safe_json(&json!({ "headline": hostile }).to_string());
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'), "{json}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["headline"], hostile, "the escapes read back as the same text");
        let attribute = tag_html(&Tag::Name("description", hostile.into()));
        assert_eq!(attribute.matches('"').count(), 4, "{attribute}");
        assert!(!attribute.contains("<script"), "{attribute}");
    }
}

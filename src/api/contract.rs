//! API contract v1 as Rust types: the one place that says what the newsroom's JSON looks like.
//!
//! Decoding is strict where a missing field would leave the reader with nothing useful (ids,
//! titles) and lenient where the contract says so: unknown fields are ignored, a body block of an
//! unknown type or with a broken shape is skipped, and a broken image is treated as no image.
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// `site.json`: who the outlet is and which languages it publishes in.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Site {
    pub name: String,
    pub default_language: String,
    pub languages: Vec<Language>,
    #[serde(default)]
    pub social: Vec<SocialLink>,
    #[serde(default)]
    pub apps: Vec<AppLink>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Language {
    pub code: String,
    pub label: String,
    pub name: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct SocialLink {
    pub network: String,
    pub url: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct AppLink {
    pub store: String,
    pub url: String,
}

/// `{lang}/edition.json`: the sections and notices of one language edition.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Edition {
    pub sections: Vec<Section>,
    #[serde(default)]
    pub footer_notice: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Section {
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
}

/// `{lang}/feeds/{feed}/{page}.json`: one page of a feed, newest first.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct FeedPage {
    pub page: u32,
    pub total_pages: u32,
    pub items: Vec<Summary>,
}

/// `{lang}/most-read.json` and `{lang}/search-index.json`.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct SummaryList {
    pub items: Vec<Summary>,
}

/// What a feed, a search result or a related-story box shows of an article.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(from = "RawSummary")]
pub struct Summary {
    pub id: String,
    pub slug: String,
    pub section: String,
    pub title: String,
    pub lead: String,
    pub published_at: String,
    pub views: u64,
    pub image: Option<Image>,
}

/// `{lang}/articles/{id}.json`: a Summary plus the story itself.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(from = "RawArticle")]
pub struct Article {
    pub summary: Summary,
    pub updated_at: Option<String>,
    pub author: Option<Author>,
    pub body: Vec<Block>,
    pub tags: Vec<String>,
    pub related: Vec<Summary>,
    pub translations: BTreeMap<String, String>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Author {
    pub name: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Image {
    pub src: String,
    #[serde(default)]
    pub alt: String,
    pub width: u32,
    pub height: u32,
    #[serde(default)]
    pub caption: Option<String>,
    #[serde(default)]
    pub credit: Option<String>,
}

/// One block of an article body (tagged by `"type"` in the JSON).
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph { content: Vec<Inline> },
    Heading { level: u8, text: String },
    Quote { content: Vec<Inline>, cite: Option<String> },
    Image(Image),
    List { ordered: bool, items: Vec<Vec<Inline>> },
}

/// A run of text with optional emphasis and link. `text` is always shown as text.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Inline {
    pub text: String,
    #[serde(default)]
    pub bold: bool,
    #[serde(default)]
    pub italic: bool,
    #[serde(default)]
    pub href: Option<String>,
}

// What follows is the wire shape. Lenient parts are kept as raw JSON and decoded one by one, so a
// broken element is dropped alone. (Plain structs rather than serde's tagged, untagged and
// flattened enums: those buffer every value; dropping them saved ~8 KB of brotli WebAssembly.)

type Raw = Box<RawValue>;

/// Decodes a raw element, or drops it.
fn lenient<T: serde::de::DeserializeOwned>(raw: &RawValue) -> Option<T> {
    serde_json::from_str(raw.get()).ok()
}

#[derive(Deserialize)]
struct RawSummary {
    id: String,
    slug: String,
    section: String,
    title: String,
    #[serde(default)]
    lead: String,
    published_at: String,
    #[serde(default)]
    views: u64,
    #[serde(default)]
    image: Option<Raw>,
}

impl From<RawSummary> for Summary {
    fn from(r: RawSummary) -> Self {
        Summary {
            image: r.image.as_deref().and_then(lenient),
            id: r.id,
            slug: r.slug,
            section: r.section,
            title: r.title,
            lead: r.lead,
            published_at: r.published_at,
            views: r.views,
        }
    }
}

/// Repeats `RawSummary`'s fields rather than `#[serde(flatten)]`ing it: flattening buffers the
/// whole document, which is the cost this wire layer exists to avoid.
#[derive(Deserialize)]
struct RawArticle {
    id: String,
    slug: String,
    section: String,
    title: String,
    #[serde(default)]
    lead: String,
    published_at: String,
    #[serde(default)]
    views: u64,
    #[serde(default)]
    image: Option<Raw>,
    #[serde(default)]
    updated_at: Option<String>,
    #[serde(default)]
    author: Option<Raw>,
    #[serde(default)]
    body: Option<Vec<Raw>>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    related: Option<Vec<Raw>>,
    #[serde(default)]
    translations: BTreeMap<String, String>,
}

impl From<RawArticle> for Article {
    fn from(r: RawArticle) -> Self {
        let summary = Summary::from(RawSummary {
            id: r.id,
            slug: r.slug,
            section: r.section,
            title: r.title,
            lead: r.lead,
            published_at: r.published_at,
            views: r.views,
            image: r.image,
        });
        Article {
            summary,
            updated_at: r.updated_at,
            author: r.author.as_deref().and_then(lenient),
            body: r.body.unwrap_or_default().iter().filter_map(|b| lenient::<RawBlock>(b)?.into_block()).collect(),
            tags: r.tags,
            related: r.related.unwrap_or_default().iter().filter_map(|s| lenient(s)).collect(),
            translations: r.translations,
        }
    }
}

/// Every field any block type may have; `into_block` keeps the ones its type needs.
#[derive(Deserialize)]
struct RawBlock {
    #[serde(rename = "type")]
    kind: String,
    content: Option<Vec<Inline>>,
    level: Option<u8>,
    text: Option<String>,
    cite: Option<String>,
    src: Option<String>,
    #[serde(default)]
    alt: String,
    width: Option<u32>,
    height: Option<u32>,
    caption: Option<String>,
    credit: Option<String>,
    #[serde(default)]
    ordered: bool,
    items: Option<Vec<Vec<Inline>>>,
}

impl RawBlock {
    /// The block, or `None` for an unknown type or a block missing what its type needs.
    fn into_block(self) -> Option<Block> {
        Some(match self.kind.as_str() {
            "paragraph" => Block::Paragraph { content: self.content? },
            "heading" => Block::Heading { level: if self.level == Some(3) { 3 } else { 2 }, text: self.text? },
            "quote" => Block::Quote { content: self.content?, cite: self.cite },
            "image" => Block::Image(Image {
                src: self.src?,
                alt: self.alt,
                width: self.width?,
                height: self.height?,
                caption: self.caption,
                credit: self.credit,
            }),
            "list" => Block::List { ordered: self.ordered, items: self.items? },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(json: &str) -> Result<Article, serde_json::Error> {
        serde_json::from_str(json)
    }

    const SUMMARY: &str = r#""id":"7","slug":"a-b","section":"politics","title":"T","lead":"L",
        "published_at":"2025-04-29T21:30:00+04:00","views":12,"image":null"#;

    #[test]
    fn decodes_every_block_type_and_ignores_unknown_fields() {
        let json = format!(
            r#"{{{SUMMARY},"extra":{{"x":1}},"updated_at":null,"author":{{"name":"A"}},"tags":["t"],
            "related":[],"translations":{{"ru":"8"}},"body":[
              {{"type":"paragraph","content":[{{"text":"p","bold":true,"href":"https://x.org"}}]}},
              {{"type":"heading","level":3,"text":"h"}},
              {{"type":"quote","content":[{{"text":"q"}}],"cite":"c"}},
              {{"type":"image","src":"/i.png","alt":"a","width":4,"height":3,"caption":"cap"}},
              {{"type":"list","ordered":true,"items":[[{{"text":"one"}}],[{{"text":"two"}}]]}}
            ]}}"#
        );
        let a = article(&json).expect("valid article decodes");
        assert_eq!(a.body.len(), 5);
        assert_eq!(a.summary.title, "T");
        assert_eq!(a.author.unwrap().name, "A");
        assert_eq!(a.translations.get("ru").map(String::as_str), Some("8"));
        assert!(matches!(a.body[1], Block::Heading { level: 3, .. }));
        assert!(matches!(&a.body[4], Block::List { ordered: true, items } if items.len() == 2));
    }

    #[test]
    fn unknown_and_broken_blocks_are_skipped_not_fatal() {
        let json = format!(
            r#"{{{SUMMARY},"body":[
              {{"type":"video","url":"x"}},
              {{"type":"paragraph"}},
              {{"no_type":true}},
              {{"type":"paragraph","content":[{{"text":"kept"}}]}}
            ]}}"#
        );
        let a = article(&json).expect("article with odd blocks still decodes");
        assert_eq!(a.body.len(), 1);
        assert!(matches!(&a.body[0], Block::Paragraph { content } if content[0].text == "kept"));
    }

    #[test]
    fn optional_fields_may_be_missing_and_broken_images_are_dropped() {
        let json = r#"{"id":"1","slug":"s","section":"x","title":"t","published_at":"2025-01-01T00:00:00Z",
            "image":{"src":"/a.png"}}"#;
        let a = article(json).expect("minimal article decodes");
        assert!(a.summary.image.is_none());
        assert!(a.author.is_none() && a.body.is_empty() && a.tags.is_empty());
        assert_eq!(a.summary.lead, "");
    }

    #[test]
    fn summaries_without_required_fields_are_rejected() {
        let missing_title = r#"{"items":[{"id":"1","slug":"s","section":"x","published_at":"2025"}]}"#;
        assert!(serde_json::from_str::<SummaryList>(missing_title).is_err());
        let wrong_type = r#"{"page":1,"total_pages":"many","items":[]}"#;
        assert!(serde_json::from_str::<FeedPage>(wrong_type).is_err());
        assert!(serde_json::from_str::<Site>("<!doctype html>").is_err());
    }

    #[test]
    fn site_tolerates_missing_social_and_apps() {
        let site: Site = serde_json::from_str(
            r#"{"name":"N","default_language":"en","languages":[{"code":"en","label":"EN","name":"English"}]}"#,
        )
        .expect("site without links decodes");
        assert!(site.social.is_empty() && site.apps.is_empty());
    }

    #[test]
    fn the_demo_api_decodes() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/public/api/v1/");
        let read = |p: &str| std::fs::read_to_string(format!("{root}{p}")).expect(p);
        let site: Site = serde_json::from_str(&read("site.json")).unwrap();
        for lang in &site.languages {
            let code = &lang.code;
            let edition: Edition = serde_json::from_str(&read(&format!("{code}/edition.json"))).unwrap();
            assert!(edition.sections.len() >= 6);
            let feed: FeedPage =
                serde_json::from_str(&read(&format!("{code}/feeds/latest/1.json"))).unwrap();
            assert!(feed.total_pages > 1);
            let first = &feed.items[0];
            let a: Article =
                serde_json::from_str(&read(&format!("{code}/articles/{}.json", first.id))).unwrap();
            assert_eq!(&a.summary, first);
            let index: SummaryList =
                serde_json::from_str(&read(&format!("{code}/search-index.json"))).unwrap();
            assert!(index.items.len() >= 150, "{code} has {} articles", index.items.len());
        }
    }
}

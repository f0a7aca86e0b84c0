//! API contract v1 as Rust types: the one place that says what the newsroom's JSON looks like.
//!
//! Decoding is strict where a missing field would leave the reader with nothing useful (ids,
//! titles) and lenient where the contract says so: unknown fields are ignored, a body block of an
//! unknown type or with a broken shape is skipped, and a broken image is treated as no image.
use serde::{de::IgnoredAny, Deserialize, Deserializer};
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
pub struct Summary {
    pub id: String,
    pub slug: String,
    pub section: String,
    pub title: String,
    #[serde(default)]
    pub lead: String,
    pub published_at: String,
    #[serde(default)]
    pub views: u64,
    #[serde(default, deserialize_with = "lenient_option")]
    pub image: Option<Image>,
}

/// `{lang}/articles/{id}.json`: a Summary plus the story itself.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Article {
    #[serde(flatten)]
    pub summary: Summary,
    #[serde(default)]
    pub updated_at: Option<String>,
    #[serde(default, deserialize_with = "lenient_option")]
    pub author: Option<Author>,
    #[serde(default, deserialize_with = "lenient_vec")]
    pub body: Vec<Block>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default, deserialize_with = "lenient_vec")]
    pub related: Vec<Summary>,
    #[serde(default)]
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

/// One block of an article body, tagged by `"type"`.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        content: Vec<Inline>,
    },
    Heading {
        #[serde(default = "default_heading_level")]
        level: u8,
        text: String,
    },
    Quote {
        content: Vec<Inline>,
        #[serde(default)]
        cite: Option<String>,
    },
    Image(Image),
    List {
        #[serde(default)]
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
}

fn default_heading_level() -> u8 {
    2
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

/// Either a value that decoded, or anything else, which is dropped.
#[derive(Deserialize)]
#[serde(untagged)]
enum Lenient<T> {
    Ok(T),
    Bad(IgnoredAny),
}

impl<T> Lenient<T> {
    fn ok(self) -> Option<T> {
        match self {
            Lenient::Ok(value) => Some(value),
            Lenient::Bad(_) => None,
        }
    }
}

/// A list whose broken elements are skipped instead of failing the whole document.
fn lenient_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let items = Option::<Vec<Lenient<T>>>::deserialize(deserializer)?;
    Ok(items.unwrap_or_default().into_iter().filter_map(Lenient::ok).collect())
}

/// An optional value that becomes `None` when it is null, missing or broken.
fn lenient_option<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Lenient<T>>::deserialize(deserializer)?.and_then(Lenient::ok))
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

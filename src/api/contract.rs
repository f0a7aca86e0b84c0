//! API contract v1 as Rust types: the one place that says what the newsroom's JSON looks like.
//!
//! Decoding is strict where a missing field would leave the reader with nothing useful (ids,
//! titles) and lenient where the contract says so: unknown fields are ignored, a body block of an
//! unknown type or with a broken shape is skipped, and a broken image is treated as no image.
use super::json::{Decode, Fields, Json};
use std::collections::BTreeMap;

/// `site.json`: who the outlet is and which languages it publishes in.
#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    pub name: String,
    pub default_language: String,
    pub languages: Vec<Language>,
    pub social: Vec<SocialLink>,
    pub apps: Vec<AppLink>,
    /// The outlet's logo (a raster picture, for search engines' rich results).
    pub logo: Option<String>,
    /// The picture a link preview shows for a page or story that has none of its own.
    pub image: Option<Image>,
    /// The square icon an installed site shows (at least 192 px; 512 px is best).
    pub icon: Option<Image>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Language {
    pub code: String,
    pub label: String,
    pub name: String,
    /// Language and country (`en_GB`), where the code alone does not say which country.
    pub locale: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SocialLink {
    pub network: String,
    pub url: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppLink {
    pub store: String,
    pub url: String,
}

/// Names the site's own addresses and files take (`/{lang}/search`, `/{lang}/page/2`,
/// `{lang}/index.html`, the `latest` feed, `feeds/`, `api/`), which no section slug or language
/// code may take; nor may one that starts with `sitemap` or holds a `.` (a file's name).
pub const RESERVED_NAMES: [&str; 7] = ["search", "saved", "page", "index", "latest", "feeds", "api"];

/// Whether the contract reserves `name` (in any case: some hosts' file names ignore it).
pub fn is_reserved_name(name: &str) -> bool {
    RESERVED_NAMES.iter().any(|reserved| name.eq_ignore_ascii_case(reserved))
        || name.get(..7).is_some_and(|start| start.eq_ignore_ascii_case("sitemap"))
        || name.contains('.')
}

/// `{lang}/edition.json`: the sections and notices of one language edition.
#[derive(Clone, Debug, PartialEq)]
pub struct Edition {
    pub sections: Vec<Section>,
    pub footer_notice: String,
    /// Slugs left out: reserved names, and a slug a section before it already has.
    pub refused_sections: Vec<String>,
}

impl Edition {
    /// The section's title in this edition, or its slug if the edition does not list it.
    pub fn section_title(&self, slug: &str) -> String {
        self.sections.iter().find(|s| s.slug == slug).map_or_else(|| slug.to_string(), |s| s.title.clone())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub slug: String,
    pub title: String,
    pub description: String,
}

/// `{lang}/feeds/{feed}/{page}.json`: one chunk (the contract's "page") of a feed, newest first;
/// named apart from `pages::feed::FeedPage`, the page a reader sees.
#[derive(Clone, Debug, PartialEq)]
pub struct FeedChunk {
    pub page: u32,
    pub total_pages: u32,
    pub items: Vec<Summary>,
}

/// `{lang}/most-read.json` and `{lang}/search-index.json`.
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryList {
    pub items: Vec<Summary>,
}

/// What a feed, a search result or a related-story box shows of an article.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub id: String,
    pub slug: String,
    pub section: String,
    pub title: String,
    pub lead: String,
    pub published_at: String,
    /// How often the story was read; `None` when the newsroom does not count (the counter is hidden).
    pub views: Option<u64>,
    pub image: Option<Image>,
}

#[cfg(test)]
impl Summary {
    /// A story with only an id, which is its title too (for tests of lists).
    pub fn titled(id: &str) -> Summary {
        Summary {
            id: id.into(),
            slug: String::new(),
            section: String::new(),
            title: id.into(),
            lead: String::new(),
            published_at: String::new(),
            views: None,
            image: None,
        }
    }
}

/// `{lang}/articles/{id}.json`: a Summary plus the story itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    pub summary: Summary,
    pub updated_at: Option<String>,
    pub author: Option<Author>,
    pub body: Vec<Block>,
    pub tags: Vec<String>,
    pub related: Vec<Summary>,
    pub translations: BTreeMap<String, TranslationRef>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Author {
    pub name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    pub src: String,
    pub alt: String,
    pub width: u32,
    pub height: u32,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

/// One block of an article body (tagged by `"type"` in the JSON).
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph {
        content: Vec<Inline>,
    },
    Heading {
        level: u8,
        text: String,
    },
    Quote {
        content: Vec<Inline>,
        cite: Option<String>,
    },
    Image(Image),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    /// Rows of cells, as plain text; the first row is the header when `header` says so.
    Table {
        rows: Vec<Vec<String>>,
        header: bool,
    },
    /// Text whose spaces and line breaks are kept (code, poetry, a timetable).
    Preformatted {
        text: String,
    },
}

/// A run of text with optional emphasis and link. `text` is always shown as text.
#[derive(Clone, Debug, PartialEq)]
pub struct Inline {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub href: Option<String>,
}

// How each type reads its JSON (`super::json`): required fields with `string`, `u32` and `list`;
// defaults with `*_or_*`; lenient parts, dropped alone when broken, with `lenient`.

impl Decode for Site {
    fn decode(v: Json) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        Ok(Site {
            name: f.string("name")?,
            default_language: f.string("default_language")?,
            languages: f.list("languages")?,
            social: f.list_or_empty("social")?,
            apps: f.list_or_empty("apps")?,
            logo: f.opt_string("logo")?,
            image: f.lenient("image"),
            icon: f.lenient("icon"),
        })
    }
}

impl Decode for Language {
    fn decode(v: Json) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        Ok(Language {
            code: f.string("code")?,
            label: f.string("label")?,
            name: f.string("name")?,
            locale: f.opt_string("locale")?,
        })
    }
}

impl Decode for SocialLink {
    fn decode(v: Json) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        Ok(SocialLink { network: f.string("network")?, url: f.string("url")? })
    }
}

impl Decode for AppLink {
    fn decode(v: Json) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        Ok(AppLink { store: f.string("store")?, url: f.string("url")? })
    }
}

impl Decode for Edition {
    fn decode(v: Json) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        let listed: Vec<Section> = f.list("sections")?;
        // A section by a reserved name could never be reached (`/{lang}/search` is the search
        // page) or would overwrite the site's own files, so it is left out; so is a second
        // section by the same slug.
        let (mut sections, mut refused_sections) = (Vec::<Section>::new(), vec![]);
        for section in listed {
            if is_reserved_name(&section.slug) || sections.iter().any(|s| s.slug == section.slug) {
                refused_sections.push(section.slug);
            } else {
                sections.push(section);
            }
        }
        Ok(Edition { sections, footer_notice: f.string_or_empty("footer_notice")?, refused_sections })
    }
}

impl Decode for Section {
    fn decode(v: Json) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        Ok(Section {
            slug: f.string("slug")?,
            title: f.string("title")?,
            description: f.string_or_empty("description")?,
        })
    }
}

impl Decode for FeedChunk {
    fn decode(v: Json) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        Ok(FeedChunk { page: f.u32("page")?, total_pages: f.u32("total_pages")?, items: f.list("items")? })
    }
}

impl Decode for SummaryList {
    fn decode(v: Json) -> Result<Self, String> {
        Ok(SummaryList { items: Fields::of(v)?.list("items")? })
    }
}

impl Decode for Summary {
    fn decode(v: Json) -> Result<Self, String> {
        summary(&mut Fields::of(v)?)
    }
}

/// A Summary's fields, which an Article's JSON has at its top level too.
fn summary(f: &mut Fields) -> Result<Summary, String> {
    Ok(Summary {
        id: f.string("id")?,
        slug: f.string("slug")?,
        section: f.string("section")?,
        title: f.string("title")?,
        lead: f.string_or_empty("lead")?,
        published_at: f.string("published_at")?,
        views: f.opt_u64("views")?,
        image: f.lenient("image"),
    })
}

impl Decode for Article {
    fn decode(v: Json) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        Ok(Article {
            summary: summary(&mut f)?,
            updated_at: f.opt_string("updated_at")?,
            author: f.lenient("author"),
            body: f.lenient_list("body")?,
            tags: f.list_or_empty("tags")?,
            related: f.lenient_list("related")?,
            translations: f.map("translations")?,
        })
    }
}

/// The same story in another language: its id there, and where the API says so its section and
/// slug there (`{"ru": "2000"}` or `{"ru": {"id": "2000", "section": "politika", "slug": "…"}}`).
#[derive(Clone, Debug, PartialEq)]
pub struct TranslationRef {
    pub id: String,
    /// (section, slug), when both are given.
    pub place: Option<(String, String)>,
}

impl Decode for TranslationRef {
    fn decode(v: Json) -> Result<Self, String> {
        if let Json::Text(id) = v {
            return Ok(TranslationRef { id, place: None });
        }
        let mut f = Fields::of(v)?;
        let id = f.string("id")?;
        let place = f.opt_string("section")?.zip(f.opt_string("slug")?);
        Ok(TranslationRef { id, place })
    }
}

impl Decode for Author {
    fn decode(v: Json) -> Result<Self, String> {
        Ok(Author { name: Fields::of(v)?.string("name")? })
    }
}

impl Decode for Image {
    fn decode(v: Json) -> Result<Self, String> {
        image(&mut Fields::of(v)?)
    }
}

/// An Image's fields, which an image block has at its top level too.
fn image(f: &mut Fields) -> Result<Image, String> {
    Ok(Image {
        src: f.string("src")?,
        alt: f.string_or_empty("alt")?,
        width: f.u32("width")?,
        height: f.u32("height")?,
        caption: f.opt_string("caption")?,
        credit: f.opt_string("credit")?,
    })
}

impl Decode for Inline {
    fn decode(v: Json) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        Ok(Inline {
            text: f.string("text")?,
            bold: f.bool_or_false("bold")?,
            italic: f.bool_or_false("italic")?,
            href: f.opt_string("href")?,
        })
    }
}

/// A block of a known `"type"` with what that type needs; anything else is an error, and the
/// article drops the block.
impl Decode for Block {
    fn decode(v: Json) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        Ok(match f.string("type")?.as_str() {
            "paragraph" => Block::Paragraph { content: f.list("content")? },
            "heading" => {
                Block::Heading { level: if f.opt_u64("level")? == Some(3) { 3 } else { 2 }, text: f.string("text")? }
            }
            "quote" => Block::Quote { content: f.list("content")?, cite: f.opt_string("cite")? },
            "image" => Block::Image(image(&mut f)?),
            "list" => Block::List { ordered: f.bool_or_false("ordered")?, items: f.list("items")? },
            "table" => Block::Table { rows: f.list("rows")?, header: f.bool_or_false("header")? },
            "preformatted" => Block::Preformatted { text: f.string("text")? },
            other => return Err(format!("unknown block type `{other}`")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_is_an_id_or_an_id_with_its_address() {
        let text = r#"{"translations": {"ru": "8", "hy": {"id": "9", "section": "mshakuyt", "slug": "s"}, "az": {"id": "10"}}}"#;
        let read =
            |text: &str| Fields::of(serde_json::from_str(text).unwrap()).unwrap().map::<TranslationRef>("translations");
        let map = read(text).unwrap();
        assert_eq!(map["ru"], TranslationRef { id: "8".into(), place: None });
        assert_eq!(map["hy"].place, Some(("mshakuyt".into(), "s".into())));
        assert_eq!(
            map["az"],
            TranslationRef { id: "10".into(), place: None },
            "a slug without its section is no address"
        );
        assert_eq!(read(r#"{"translations": {"ru": 8}}"#).unwrap_err(), "`translations.ru`: expected an object");
    }

    #[test]
    fn the_names_the_sites_files_and_routes_use_are_reserved_in_any_case() {
        for name in ["search", "page", "Index", "LATEST", "feeds", "api", "sitemap", "Sitemap-news", "a.html", "."] {
            assert!(is_reserved_name(name), "{name}");
        }
        for name in ["politics", "культура", "pages", "apis", "site-map", "searching"] {
            assert!(!is_reserved_name(name), "{name}");
        }
        let edition: Edition = super::super::json::from_str(
            r#"{"sections": [{"slug": "arts", "title": "A"}, {"slug": "Search", "title": "S"}, {"slug": "arts", "title": "B"}]}"#,
        )
        .unwrap();
        assert_eq!(edition.sections.len(), 1);
        assert_eq!(edition.refused_sections, ["Search", "arts"]);
    }

    use crate::api::json::from_str;

    fn article(json: &str) -> Result<Article, String> {
        from_str(json)
    }

    const SUMMARY: &str = r#""id":"7","slug":"a-b","section":"politics","title":"T","lead":"L",
        "published_at":"2025-04-29T21:30:00+04:00","views":12,"image":null"#;

    #[test]
    fn a_section_slugged_like_the_search_page_is_left_out() {
        let json = r#"{"sections": [{"slug": "search", "title": "Search"}, {"slug": "sport", "title": "Sport"}]}"#;
        let edition: Edition = from_str(json).unwrap();
        assert_eq!(edition.sections.iter().map(|s| s.slug.as_str()).collect::<Vec<_>>(), ["sport"]);
    }

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
        assert_eq!(a.translations.get("ru"), Some(&TranslationRef { id: "8".into(), place: None }));
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
        assert!(from_str::<SummaryList>(missing_title).is_err());
        let wrong_type = r#"{"page":1,"total_pages":"many","items":[]}"#;
        assert!(from_str::<FeedChunk>(wrong_type).is_err());
        assert!(from_str::<Site>("<!doctype html>").is_err());
    }

    #[test]
    fn site_tolerates_missing_social_and_apps() {
        let site: Site = from_str(
            r#"{"name":"N","default_language":"en","languages":[{"code":"en","label":"EN","name":"English"}]}"#,
        )
        .expect("site without links decodes");
        assert!(site.social.is_empty() && site.apps.is_empty());
    }

    #[test]
    fn the_demo_api_decodes() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/public/api/v1/");
        let read = |p: &str| std::fs::read_to_string(format!("{root}{p}")).expect(p);
        let site: Site = from_str(&read("site.json")).unwrap();
        for lang in &site.languages {
            let code = &lang.code;
            let edition: Edition = from_str(&read(&format!("{code}/edition.json"))).unwrap();
            assert!(edition.sections.len() >= 6);
            let feed: FeedChunk = from_str(&read(&format!("{code}/feeds/latest/1.json"))).unwrap();
            assert!(feed.total_pages > 1);
            let first = &feed.items[0];
            let a: Article = from_str(&read(&format!("{code}/articles/{}.json", first.id))).unwrap();
            assert_eq!(&a.summary, first);
            let index: SummaryList = from_str(&read(&format!("{code}/search-index.json"))).unwrap();
            assert!(index.items.len() >= 150, "{code} has {} articles", index.items.len());
        }
    }
}

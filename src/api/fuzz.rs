//! Property tests: whatever the API sends, decoding never panics; and on thousands of valid
//! documents with arbitrary text, links and block mixes, every link and image the article
//! renderer would make is one a browser resolves to an allowed scheme. The oracle is independent
//! of `links.rs`: it asks a WHATWG URL parser (the `url` crate) what a browser would do.
use super::contract::{Article, Block, FeedChunk, Inline, Site, SummaryList};
use super::json::from_str;
use crate::components::article_body::link_target;
use crate::links::{safe_href, safe_src};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// The page a link sits on, for resolving it as a browser would.
const PAGE: &str = "https://news.example/en/politics/1000/a-story";

/// What a browser makes of `href` on [`PAGE`] is harmless: http(s) or mailto, and a link
/// without its own http(s) scheme stays on the site.
fn browser_allows_link(href: &str) -> bool {
    let page = url::Url::parse(PAGE).unwrap();
    let Ok(target) = page.join(href) else { return false };
    let explicit_web = ["http:", "https:"].iter().any(|s| href.trim_start().to_ascii_lowercase().starts_with(s));
    match target.scheme() {
        "mailto" => true,
        "http" | "https" => explicit_web || target.host_str() == page.host_str(),
        _ => false,
    }
}

/// What a browser fetches for `<img src>` is an http(s) URL.
fn browser_allows_image(src: &str) -> bool {
    let page = url::Url::parse(PAGE).unwrap();
    page.join(src).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

/// Text as newsrooms and attackers send it: any Unicode, markup, script breakers, long words.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        1 => Just("<script>alert(1)</script>".to_string()),
        1 => Just("</script><!-- <b>bold</b> &amp; \"quoted\"".to_string()),
        1 => "[a-zäöüəşğ]{150,220}",
        1 => "[\\p{Cyrillic}\\p{Armenian} ]{0,40}",
    ]
}

/// Links of every kind: allowed ones, hostile schemes in disguise, and arbitrary text.
fn href() -> impl Strategy<Value = String> {
    let scheme = prop_oneof![
        Just("javascript:"),
        Just("JaVaScRiPt:"),
        Just("data:"),
        Just("vbscript:"),
        Just("file:"),
        Just("http:"),
        Just("https:"),
        Just("mailto:"),
        Just("ftp:"),
        Just("//"),
        Just("/\\"),
        Just("\\\\"),
        Just("/"),
        Just(""),
    ];
    let noise =
        prop_oneof![Just(""), Just(" "), Just("\t"), Just("\n"), Just("\u{0}"), Just("%0a"), Just("java\tscript:")];
    prop_oneof![
        3 => (noise.clone(), scheme, noise, "[a-z0-9./:@?#%&=\\\\-]{0,24}").prop_map(|(a, s, b, rest)| format!("{a}{s}{b}{rest}")),
        1 => any::<String>(),
    ]
}

fn inline() -> impl Strategy<Value = Value> {
    (text(), any::<bool>(), any::<bool>(), prop::option::of(href())).prop_map(|(text, bold, italic, href)| {
        let mut run = json!({"text": text, "bold": bold, "italic": italic});
        if let Some(href) = href {
            run["href"] = href.into();
        }
        run
    })
}

fn image() -> impl Strategy<Value = Value> {
    (href(), text(), 1..4000u32, 1..4000u32, prop::option::of(text()), prop::option::of(text())).prop_map(
        |(src, alt, width, height, caption, credit)| {
            json!({"src": src, "alt": alt, "width": width, "height": height, "caption": caption, "credit": credit})
        },
    )
}

/// A body block and whether the contract says it renders (unknown types and broken shapes do not).
fn block() -> impl Strategy<Value = (Value, bool)> {
    let runs = || prop::collection::vec(inline(), 0..5);
    prop_oneof![
        runs().prop_map(|content| (json!({"type": "paragraph", "content": content}), true)),
        (2..4u8, text()).prop_map(|(level, text)| (json!({"type": "heading", "level": level, "text": text}), true)),
        (runs(), prop::option::of(text()))
            .prop_map(|(content, cite)| (json!({"type": "quote", "content": content, "cite": cite}), true)),
        image().prop_map(|mut image| {
            image["type"] = "image".into();
            (image, true)
        }),
        (any::<bool>(), prop::collection::vec(runs(), 0..4))
            .prop_map(|(ordered, items)| (json!({"type": "list", "ordered": ordered, "items": items}), true)),
        text().prop_map(|text| (json!({"type": "video", "text": text}), false)),
        Just((json!({"type": "paragraph", "content": "not a list"}), false)),
        Just((json!({"content": []}), false)),
    ]
}

fn summary() -> impl Strategy<Value = Value> {
    (text(), text(), text(), text(), text(), any::<u32>(), prop::option::of(image())).prop_map(
        |(id, slug, section, title, lead, views, image)| {
            json!({"id": id, "slug": slug, "section": section, "title": title, "lead": lead,
                   "published_at": "2026-11-27T21:30:00+04:00", "views": views, "image": image})
        },
    )
}

/// A translation: an id, or an id with its section and slug.
fn translation() -> impl Strategy<Value = Value> {
    prop_oneof![
        text().prop_map(Value::from),
        (text(), text(), text()).prop_map(|(id, section, slug)| json!({"id": id, "section": section, "slug": slug}))
    ]
}

/// A valid article: what was generated, and how many of its blocks the contract keeps.
fn article() -> impl Strategy<Value = (Value, usize)> {
    (
        summary(),
        prop::option::of(text()),
        prop::collection::vec(block(), 0..10),
        prop::collection::vec(text(), 0..4),
        prop::collection::vec(summary(), 0..4),
        prop::collection::btree_map("[a-z]{2}", translation(), 0..3),
    )
        .prop_map(|(summary, author, blocks, tags, related, translations)| {
            let kept = blocks.iter().filter(|(_, ok)| *ok).count();
            let mut doc: Map<String, Value> = summary.as_object().unwrap().clone();
            doc.insert("author".into(), author.map_or(Value::Null, |name| json!({"name": name})));
            doc.insert("body".into(), blocks.into_iter().map(|(b, _)| b).collect());
            doc.insert("tags".into(), tags.into());
            doc.insert("related".into(), related.into());
            doc.insert("translations".into(), json!(translations));
            (Value::Object(doc), kept)
        })
}

/// Every run of text in a decoded body.
fn runs_in(article: &Article) -> Vec<&Inline> {
    let mut runs = vec![];
    for block in &article.body {
        match block {
            Block::Paragraph { content } | Block::Quote { content, .. } => runs.extend(content),
            Block::List { items, .. } => items.iter().for_each(|i| runs.extend(i)),
            _ => {}
        }
    }
    runs
}

/// Every image source the article page would show (hero, body figures, related cards).
fn image_sources(article: &Article) -> Vec<String> {
    let body = article.body.iter().filter_map(|b| match b {
        Block::Image(image) => Some(image),
        _ => None,
    });
    let cards = article.related.iter().filter_map(|s| s.image.as_ref());
    article.summary.image.iter().chain(body).chain(cards).filter_map(|i| safe_src(&i.src)).collect()
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let key = prop_oneof![
            Just("type".to_string()),
            Just("content".to_string()),
            Just("items".to_string()),
            Just("id".to_string()),
            Just("title".to_string()),
            Just("body".to_string()),
            "[a-z_]{1,8}",
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key, inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn valid_articles_decode_with_their_text_and_only_safe_links_and_images((doc, kept) in article()) {
        let article: Article = from_str(&doc.to_string()).expect("a document of the contract's shape decodes");
        prop_assert_eq!(article.body.len(), kept, "unknown and broken blocks alone are dropped");
        prop_assert_eq!(&article.summary.title, doc["title"].as_str().unwrap(), "text is kept as it was sent");
        for run in runs_in(&article) {
            if let Some(target) = link_target(run) {
                prop_assert!(browser_allows_link(&target), "{:?} became the link {:?}", run.href, target);
            }
        }
        for src in image_sources(&article) {
            prop_assert!(browser_allows_image(&src), "image source {src:?}");
        }
    }

    #[test]
    fn any_text_safe_href_accepts_is_a_link_a_browser_keeps_harmless(raw in href()) {
        if let Some(link) = safe_href(&raw) {
            prop_assert!(browser_allows_link(&link), "{raw:?} became {link:?}");
        }
        if let Some(src) = safe_src(&raw) {
            prop_assert!(browser_allows_image(&src), "{raw:?} became the image {src:?}");
        }
    }

    #[test]
    fn ordinary_web_mail_and_site_links_stay_links(
        scheme in prop_oneof![Just("https://"), Just("http://"), Just("mailto:"), Just("/")],
        // A host as sites have them: labels, and a top-level domain of letters (a last label that
        // is a number makes the host an IPv4 address, which `a.0` is not: no browser parses it).
        host in "[a-z0-9]{1,12}(\\.[a-z0-9]{1,12}){0,2}\\.[a-z]{2,6}",
        path in "(/[a-z0-9._-]{0,12}){0,3}",
    ) {
        let link = format!("{scheme}{host}{path}");
        prop_assert_eq!(safe_href(&link), Some(link.clone()));
    }

    #[test]
    fn arbitrary_json_never_panics(value in any_json()) {
        let text = value.to_string();
        let _ = from_str::<Site>(&text);
        let _ = from_str::<FeedChunk>(&text);
        let _ = from_str::<SummaryList>(&text);
        let _ = from_str::<Article>(&text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = from_str::<Article>(&text);
        let _ = crate::format::parse_rfc3339(&text);
        let _ = crate::search::highlight(&text, &crate::search::query_words(&text));
    }
}

//! Property tests: whatever JSON or text the API sends, decoding and the link decisions of the
//! article renderer never panic, and no link with an unsafe scheme survives.
use super::contract::{Article, Block, FeedPage, Site, SummaryList};
use super::json::from_str;
use crate::components::article_body::link_target;
use crate::links::{safe_href, safe_src};
use proptest::prelude::*;
use serde_json::{json, Value};

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        ".{0,12}".prop_map(Value::from),
        prop_oneof![Just("javascript:alert(1)"), Just("data:text/html,x"), Just("https://ok.example"), Just("/a/b"), Just("paragraph"), Just("image")]
            .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let key = prop_oneof![
            Just("type".to_string()), Just("content".to_string()), Just("text".to_string()), Just("href".to_string()),
            Just("items".to_string()), Just("body".to_string()), Just("src".to_string()), Just("width".to_string()),
            "[a-z_]{1,8}".prop_map(|s| s),
        ];
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key, inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn unsafe_link(href: &str) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    !(lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:") || (lower.starts_with('/') && !lower.starts_with("//")))
}

fn links_in(article: &Article) -> Vec<String> {
    let mut runs = vec![];
    for block in &article.body {
        match block {
            Block::Paragraph { content } | Block::Quote { content, .. } => runs.extend(content.iter().cloned()),
            Block::List { items, .. } => items.iter().for_each(|i| runs.extend(i.iter().cloned())),
            _ => {}
        }
    }
    runs.iter().filter_map(link_target).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn arbitrary_json_never_panics_and_never_yields_an_unsafe_link(value in any_json()) {
        let text = value.to_string();
        let _ = from_str::<Site>(&text);
        let _ = from_str::<FeedPage>(&text);
        let _ = from_str::<SummaryList>(&text);
        if let Ok(article) = from_str::<Article>(&text) {
            for href in links_in(&article) {
                prop_assert!(!unsafe_link(&href), "unsafe link survived: {href}");
            }
        }
    }

    #[test]
    fn arbitrary_bodies_inside_a_valid_article(body in prop::collection::vec(any_json(), 0..8)) {
        let article = json!({"id": "1", "slug": "s", "section": "x", "title": "t", "published_at": "2025-01-01T00:00:00Z", "body": body});
        let decoded: Article = from_str(&article.to_string()).expect("a valid article with any body decodes");
        for href in links_in(&decoded) {
            prop_assert!(!unsafe_link(&href), "unsafe link survived: {href}");
        }
    }

    #[test]
    fn arbitrary_text_is_never_an_unsafe_link_or_image(raw in ".{0,40}", scheme in "(?i)(javascript|data|vbscript|file|http|https|mailto|ftp)") {
        for candidate in [raw.clone(), format!("{scheme}:{raw}"), format!(" {scheme}:{raw}"), format!("/{raw}")] {
            if let Some(href) = safe_href(&candidate) {
                prop_assert!(!unsafe_link(&href), "{candidate:?} became {href:?}");
            }
            if let Some(src) = safe_src(&candidate) {
                let lower = src.to_ascii_lowercase();
                prop_assert!(!lower.starts_with("javascript:") && !lower.starts_with("data:") && !lower.starts_with("vbscript:") && !lower.starts_with("file:"), "{candidate:?} became image {src:?}");
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = from_str::<Article>(&text);
        let _ = crate::format::parse_rfc3339(&text);
        let _ = crate::search::SearchIndex::new(&[]).search(&text);
        let _ = crate::search::highlight(&text, &crate::search::query_words(&text));
    }
}

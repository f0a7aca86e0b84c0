//! The WordPress source on answers recorded from the test WordPress (`tests/fixtures/wordpress/`,
//! made by `tests/wordpress/seed.php`): the mapping README's table gives, every block, and hostile
//! markup reduced to text.
use super::newsroom::{Newsroom, Section};
use super::post::{story, Categories, Story};
use super::{documents, read_categories};
use serde_json::{json, Value};
use std::collections::HashMap;
use url::Url;

fn recorded(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/wordpress/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn site() -> Url {
    Url::parse("http://127.0.0.1:4180").unwrap()
}

fn categories() -> (Vec<Section>, Categories) {
    read_categories(recorded("categories.json").as_array().unwrap())
}

fn post(slug: &str) -> Value {
    recorded("posts.json").as_array().unwrap().iter().find(|p| p["slug"] == slug).unwrap().clone()
}

fn story_of(slug: &str) -> Story {
    story(&post(slug), &categories().1, &site(), "en").unwrap_or_else(|| panic!("{slug} is a story"))
}

fn body(slug: &str) -> Vec<Value> {
    story_of(slug).article["body"].as_array().unwrap().clone()
}

#[test]
fn a_posts_fields_map_to_an_article() {
    let s = story_of("council-approves-harbour-plan");
    let a = &s.article;
    assert_eq!(a["id"], json!(s.id));
    assert_eq!(a["slug"], "council-approves-harbour-plan");
    assert_eq!(a["section"], "politics");
    assert_eq!(a["title"], "Council approves the harbour plan");
    assert_eq!(a["published_at"], "2026-11-30T09:15:00+04:00", "date_gmt in the site's offset (date − date_gmt)");
    assert_eq!(a["updated_at"], Value::Null, "not modified after publishing");
    assert_eq!(a["author"], json!({"name": "Ani Petrosyan"}));
    assert_eq!(a["image"]["src"], "http://127.0.0.1:4180/wp-content/uploads/2026/12/harbour.png");
    assert_eq!((&a["image"]["width"], &a["image"]["height"]), (&json!(1200), &json!(800)));
    assert_eq!(a["image"]["alt"], "The harbour at dawn");
    assert_eq!(a["image"]["caption"], "Boats return at dawn", "the caption as text");
    let mut tags: Vec<&str> = a["tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    tags.sort();
    assert_eq!(tags, ["council", "harbour"]);
    assert!(a.get("views").is_none(), "WordPress counts no views: the counter is hidden");

    let modified = story_of("market-hours-set").article;
    assert_eq!(modified["updated_at"], "2026-11-24T16:20:00+04:00", "modified, when it differs from the date");
    assert_eq!(modified["body"][0]["content"][0]["text"], "The market opens at nine, not eight.");
}

#[test]
fn titles_and_excerpts_are_plain_text() {
    assert_eq!(story_of("rock-and-roll-old-mill").article["title"], "Rock & Roll at the “Old Mill” – it’s back");
    let hostile = story_of("hostile-markup").article;
    assert_eq!(hostile["title"], "Hostile markup");
    assert_eq!(hostile["lead"], "An excerpt with tags & entities & more");
    assert_eq!(story_of("ferry-timetable-winter").article["lead"], "The ferry runs four times a day from Monday.");
}

#[test]
fn only_a_published_post_without_a_password_is_a_story() {
    let (_, categories) = categories();
    assert!(story(&post("password-story"), &categories, &site(), "en").is_none(), "password-protected");
    for (key, value) in [("status", "draft"), ("status", "private"), ("status", "future"), ("type", "page")] {
        let mut changed = post("culture-note-1");
        changed[key] = json!(value);
        assert!(story(&changed, &categories, &site(), "en").is_none(), "{key} {value}");
    }
    assert!(story(&post("culture-note-1"), &categories, &site(), "en").is_some());
}

#[test]
fn a_post_is_in_its_first_category_and_uncategorized_is_left_out_of_the_navigation() {
    assert_eq!(story_of("budget-for-the-theatre").section, "culture", "in two categories: its first");
    assert_eq!(story_of("note-from-the-editor").section, "uncategorized");
    let (sections, _) = categories();
    let in_use = ["politics", "culture", "uncategorized"].map(String::from).into();
    let edition = Newsroom::default().edition("en", &sections, &in_use);
    let slugs: Vec<&str> =
        edition["sections"].as_array().unwrap().iter().map(|s| s["slug"].as_str().unwrap()).collect();
    assert_eq!(slugs, ["culture", "politics"], "sections with stories, in WordPress's order, no Uncategorized");
    assert_eq!(edition["sections"][0]["description"], "Stages, books & the people behind them.");
}

#[test]
fn the_block_editors_blocks_become_the_contracts() {
    let blocks = body("council-approves-harbour-plan");
    let types: Vec<&str> = blocks.iter().map(|b| b["type"].as_str().unwrap()).collect();
    assert_eq!(
        types,
        [
            "paragraph",
            "heading",
            "heading",
            "quote",
            "image",
            "image",
            "image",
            "list",
            "list",
            "table",
            "preformatted",
            "paragraph",
            "paragraph"
        ],
        "{blocks:#?}"
    );
    let first = &blocks[0]["content"];
    assert_eq!(first[0], json!({"text": "The council voted "}));
    assert_eq!(first[1], json!({"text": "seven to two", "bold": true}));
    assert_eq!(first[3], json!({"text": "one abstention", "italic": true}));
    assert_eq!(first[5], json!({"text": "published record", "href": "https://example.org/minutes"}));
    assert!(
        first.as_array().unwrap().contains(&json!({"text": " and italic", "bold": true, "italic": true})),
        "nested"
    );
    assert_eq!(blocks[1], json!({"type": "heading", "level": 2, "text": "What the plan says"}));
    assert_eq!(blocks[2], json!({"type": "heading", "level": 3, "text": "Fourth-level detail"}));
    assert_eq!(blocks[3]["cite"], "A fisherman at the meeting");
    assert_eq!(blocks[3]["content"], json!([{"text": "We waited ten years for this."}]));
    assert_eq!(blocks[4]["caption"], "The town hall, where the vote was held");
    assert_eq!((&blocks[4]["width"], &blocks[4]["height"]), (&json!(800), &json!(600)));
    assert_eq!(blocks[5]["alt"], "The harbour at dawn", "a gallery: its pictures one by one");
    assert_eq!(blocks[6]["caption"], "The hills");
    assert_eq!(
        blocks[7],
        json!({"type": "list", "ordered": false, "items": [
        [{"text": "A new pier"}], [{"text": "A "}, {"text": "wider", "bold": true}, {"text": " quay"}]]})
    );
    assert_eq!(blocks[8]["ordered"], true);
    assert_eq!(
        blocks[9],
        json!({"type": "table", "header": true,
        "rows": [["Phase", "Cost"], ["Pier", "€1.2m"], ["Quay", "€0.8m"]]})
    );
    assert_eq!(blocks[10], json!({"type": "preformatted", "text": "Vote:   7 for\n        2 against"}));
    assert_eq!(
        blocks[11]["content"],
        json!([{"text": "The meeting, recorded",
        "href": "https://www.youtube.com/watch?v=dQw4w9WgXcQ"}]),
        "a known embed: a link to the original"
    );
    assert_eq!(blocks[12]["content"][0]["text"], "The work starts in spring.", "the &nbsp; paragraph is dropped");
}

#[test]
fn the_classic_editors_html_becomes_blocks() {
    let blocks = body("ferry-timetable-winter");
    let types: Vec<&str> = blocks.iter().map(|b| b["type"].as_str().unwrap()).collect();
    assert_eq!(types, ["paragraph", "paragraph", "image", "quote"], "{blocks:#?}");
    assert_eq!(
        blocks[1]["content"][3],
        json!({"text": "the office", "href": "http://127.0.0.1:4180/tickets"}),
        "a site path resolved on the WordPress site"
    );
    assert_eq!(blocks[2]["width"], 640);
}

#[test]
fn hostile_markup_leaves_only_its_text() {
    let blocks = body("hostile-markup");
    let json = Value::Array(blocks.clone()).to_string();
    for trace in [
        "__pwned",
        "onerror",
        "onclick",
        "javascript:",
        "data:",
        "<script",
        "iframe",
        "example.org/frame",
        "steal",
        "Send",
        "display: none",
    ] {
        assert!(!json.contains(trace), "{trace} in {json}");
    }
    let text: Vec<String> = blocks
        .iter()
        .map(|b| b["content"].as_array().unwrap().iter().map(|i| i["text"].as_str().unwrap()).collect())
        .collect();
    assert_eq!(
        text,
        [
            "Before the script.",
            "after the image.",
            "A javascript link and a data link and a safe link.",
            "Hover text stays text.",
            "Loose text in a div."
        ]
    );
    let links: Vec<&Value> =
        blocks.iter().flat_map(|b| b["content"].as_array().unwrap()).filter_map(|i| i.get("href")).collect();
    assert_eq!(links, [&json!("https://example.org/safe")], "only the http(s) link is a link");
}

#[test]
fn feeds_related_stories_and_the_search_index_come_from_the_stories() {
    let stories: HashMap<String, Story> = recorded("posts.json")
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| story(p, &categories().1, &site(), "en"))
        .map(|s| (s.id.clone(), s))
        .collect();
    let count = stories.len();
    let ids: HashMap<String, String> =
        stories.values().map(|s| (s.article["slug"].as_str().unwrap().into(), s.id.clone())).collect();
    let documents = documents("en", stories, &categories().0, &Newsroom::default());
    let read = |path: &str| -> Value { serde_json::from_str(&documents[path]).unwrap() };
    let latest = read("en/feeds/latest/1.json");
    assert_eq!(latest["items"].as_array().unwrap().len(), count);
    assert_eq!(latest["items"][0]["slug"], "council-approves-harbour-plan", "newest first");
    assert_eq!(read("en/search-index.json")["items"], latest["items"]);
    let culture: Vec<Value> =
        read("en/feeds/culture/1.json")["items"].as_array().unwrap().iter().map(|i| i["slug"].clone()).collect();
    assert_eq!(
        culture,
        ["hostile-markup", "rock-and-roll-old-mill", "budget-for-the-theatre", "market-hours-set", "culture-note-1"]
    );
    let hostile = read(&format!("en/articles/{}.json", ids["hostile-markup"]));
    let related: Vec<&Value> = hostile["related"].as_array().unwrap().iter().map(|r| &r["slug"]).collect();
    assert_eq!(
        related,
        ["rock-and-roll-old-mill", "budget-for-the-theatre", "market-hours-set", "culture-note-1"],
        "the newest of its section published before it"
    );
    assert!(documents.contains_key("en/feeds/uncategorized/1.json"), "Uncategorized's stories have a feed");
    let edition = read("en/edition.json");
    assert_eq!(edition["sections"].as_array().unwrap().len(), 2);
}

#[test]
fn a_known_embeds_frame_becomes_a_link_and_any_other_frame_goes() {
    let html = r#"<p><iframe title="Harbour vote" src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe></p>
        <iframe src="https://tracker.example/frame"></iframe>
        <figure class="wp-block-embed is-provider-twitter"><div class="wp-block-embed__wrapper">https://twitter.com/x/status/1</div></figure>"#;
    let blocks = super::body::blocks(html, &site());
    assert_eq!(
        Value::Array(blocks),
        json!([
            {"type": "paragraph", "content": [{"text": "Harbour vote", "href": "https://www.youtube.com/embed/dQw4w9WgXcQ"}]},
            {"type": "paragraph", "content": [{"text": "https://twitter.com/x/status/1", "href": "https://twitter.com/x/status/1"}]}
        ])
    );
}

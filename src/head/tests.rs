use super::*;
use crate::api::json::from_str;

fn site() -> Site {
    from_str(
        r#"{"name":"Ledger","default_language":"en","logo":"img/logo.png",
            "image":{"src":"img/share.png","alt":"","width":1200,"height":630},
            "languages":[{"code":"en","label":"EN","name":"English"},{"code":"ru","label":"RU","name":"Русский"},
                         {"code":"hy","label":"ARM","name":"Հայերեն","locale":"hy-AM"}]}"#,
    )
    .unwrap()
}

/// An edition that does not list the stories' section.
fn edition() -> Edition {
    from_str(r#"{"sections":[],"footer_notice":""}"#).unwrap()
}

fn article(image: bool, author: bool) -> Article {
    let image = if image { r#"{"src":"/img/a.png","alt":"A boat","width":800,"height":600}"# } else { "null" };
    let author = if author { r#","author":{"name":"Ann"}"# } else { "" };
    from_str(&format!(
        r#"{{"id":"7","slug":"boats","section":"sea","title":"Boats <b>","lead":"Lead","published_at":"2026-11-27T10:00:00+04:00",
            "views":1,"image":{image}{author},"updated_at":"2026-11-28T10:00:00+04:00","body":[],"tags":["t"]}}"#
    ))
    .unwrap()
}

fn translation(lang: &str, place: Option<(&str, &str)>) -> Translation {
    Translation { lang: lang.into(), id: "9".into(), place: place.map(|(a, b)| (a.into(), b.into())) }
}

fn hreflangs(tags: &[Tag]) -> Vec<(String, String)> {
    tags.iter()
        .filter_map(|t| match t {
            Tag::Link { hreflang: Some(l), href, .. } => Some((l.clone(), href.clone())),
            _ => None,
        })
        .collect()
}

fn content<'a>(tags: &'a [Tag], key: &str) -> Option<&'a str> {
    tags.iter().find_map(|t| match t {
        Tag::Name(n, c) | Tag::Property(n, c) if *n == key => Some(c.as_str()),
        _ => None,
    })
}

#[test]
fn a_story_names_each_language_once_with_an_x_default_and_no_guessed_address() {
    let translations = [
        translation("ru", Some(("more", "lodki"))),
        translation("en", Some(("sea", "boats"))),
        translation("hy", None),
    ];
    let tags = PageHead::article(&site(), &edition(), "en", &article(true, true), &translations).tags();
    assert_eq!(
        hreflangs(&tags),
        [
            ("en".to_string(), "http://localhost/en/sea/7/boats".to_string()),
            ("ru".into(), "http://localhost/ru/more/9/lodki".into()),
            ("x-default".into(), "http://localhost/en/sea/7/boats".into()),
        ]
    );
    let untranslated = PageHead::article(&site(), &edition(), "ru", &article(true, true), &[]).tags();
    assert!(hreflangs(&untranslated).is_empty(), "a page in one language names no alternates");
}

#[test]
fn a_story_previews_with_its_picture_or_the_sites_and_its_locale() {
    let tags = PageHead::article(&site(), &edition(), "en", &article(true, true), &[]).tags();
    assert_eq!(content(&tags, "og:image"), Some("http://localhost/img/a.png"));
    assert_eq!(content(&tags, "twitter:image:alt"), Some("A boat"));
    assert_eq!(content(&tags, "og:locale"), Some("en_US"));
    assert_eq!(content(&tags, "og:title"), Some("Boats <b>"));
    assert_eq!(content(&tags, "twitter:title"), Some("Boats <b>"));
    assert_eq!(content(&tags, "twitter:card"), Some("summary_large_image"));
    let bare = PageHead::article(&site(), &edition(), "hy", &article(false, true), &[]).tags();
    assert_eq!(content(&bare, "og:image"), Some("http://localhost/img/share.png"), "the site's picture");
    assert_eq!(content(&bare, "og:image:alt"), Some("Ledger"), "a picture without alt is named by the site");
    assert_eq!(content(&bare, "og:locale"), Some("hy_AM"), "the site's own locale");
}

#[test]
fn a_storys_json_ld_has_an_author_a_picture_and_the_publishers_logo() {
    let tags = PageHead::article(&site(), &edition(), "en", &article(false, false), &[]).tags();
    let Some(Tag::JsonLd(json)) = tags.last() else { panic!("no JSON-LD") };
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(value["author"]["@type"], "Organization", "a story without a byline is the outlet's");
    assert_eq!(value["publisher"]["logo"]["url"], "http://localhost/img/logo.png");
    assert_eq!(value["image"][0]["url"], "http://localhost/img/share.png");
    assert_eq!(value["headline"], "Boats <b>");
    assert_eq!(value["dateModified"], "2026-11-28T10:00:00+04:00");
    assert!(!json.contains('<'), "nothing can close the script");
}

#[test]
fn a_front_page_names_every_language_and_a_section_page_its_neighbours() {
    let site = site();
    let home = PageHead::feed(&site, "ru", None, 1, 3).tags();
    let langs: Vec<String> = hreflangs(&home).into_iter().map(|(l, _)| l).collect();
    assert_eq!(langs, ["en", "ru", "hy", "x-default"]);
    assert_eq!(hreflangs(&home)[3].1, "http://localhost/en/");
    let section: Section = from_str(r#"{"slug":"sea","title":"Sea","description":"Boats"}"#).unwrap();
    let second = PageHead::feed(&site, "en", Some(&section), 2, 3).tags();
    assert!(hreflangs(&second).is_empty());
    let link = |rel: &str| {
        second.iter().find_map(|t| match t {
            Tag::Link { rel: r, href, .. } if *r == rel => Some(href.clone()),
            _ => None,
        })
    };
    assert_eq!(link("prev").as_deref(), Some("http://localhost/en/sea"));
    assert_eq!(link("next").as_deref(), Some("http://localhost/en/sea/page/3"));
    assert_eq!(link("canonical").as_deref(), Some("http://localhost/en/sea/page/2"));
    assert!(matches!(&second[0], Tag::Title(t) if t.starts_with("Sea, ") && t.ends_with(" — Ledger")));
}

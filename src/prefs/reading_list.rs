//! The reading list: stories the reader saved for later, newest first, kept in this browser's
//! `localStorage` (each with what its card shows, so the list draws without the network), or
//! for this tab only when the browser refuses storage, which the Saved page then says.
use super::storage::{self, SAVED_KEY};
use crate::api::json::{quoted, Decode, Fields, Json};
use crate::api::{Image, Summary};
use leptos::prelude::*;

/// One saved story: its language, its section's name then, when it was saved, and its summary.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedStory {
    pub lang: String,
    pub section_title: String,
    pub saved_at: String,
    pub story: Summary,
}

impl SavedStory {
    fn is(&self, lang: &str, id: &str) -> bool {
        self.lang == lang && self.story.id == id
    }

    /// What names this story among the saved ones (and in the service worker's record of its files).
    pub fn key(&self) -> String {
        key(&self.lang, &self.story.id)
    }
}

/// The key of the story `id` in language `lang`.
pub fn key(lang: &str, id: &str) -> String {
    format!("{lang}/{id}")
}

/// The list as stored (JSON text, read when a page needs it, so that reading it is code of the
/// pages that show it, not of every page) and whether the browser keeps it beyond this tab.
#[derive(Clone, Copy)]
pub struct ReadingList {
    stored: RwSignal<String>,
    pub kept: bool,
}

pub fn provide_reading_list() {
    let stored = RwSignal::new(storage::get(SAVED_KEY).unwrap_or_default());
    // Another tab saved or removed a story: the same list here.
    let on_storage = leptos::prelude::window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(SAVED_KEY) {
            stored.set(ev.new_value().unwrap_or_default());
        }
    });
    std::mem::forget(on_storage); // for the life of the page
    provide_context(ReadingList { stored, kept: storage::works() });
}

pub fn use_reading_list() -> ReadingList {
    expect_context::<ReadingList>()
}

impl ReadingList {
    /// Nothing saved, as when `./x publish` draws a page.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn empty() -> Self {
        ReadingList { stored: RwSignal::new(String::new()), kept: true }
    }

    /// The saved stories, newest first (tracked).
    pub fn stories(&self) -> Vec<SavedStory> {
        self.stored.with(|text| parse(text))
    }

    pub fn contains(&self, lang: &str, id: &str) -> bool {
        self.stories().iter().any(|s| s.is(lang, id))
    }

    /// Puts `story` first (saving it again moves it up).
    pub fn add(&self, story: SavedStory) {
        self.change(|list| {
            list.retain(|s| !s.is(&story.lang, &story.story.id));
            list.insert(0, story);
        });
    }

    pub fn remove(&self, lang: &str, id: &str) {
        self.change(|list| list.retain(|s| !s.is(lang, id)));
    }

    fn change(&self, edit: impl FnOnce(&mut Vec<SavedStory>)) {
        let mut list = self.stored.with_untracked(|text| parse(text));
        edit(&mut list);
        let text = serialize(&list);
        storage::set(SAVED_KEY, &text);
        self.stored.set(text);
    }
}

/// The stored list; a broken entry is dropped alone, anything unreadable is an empty list.
pub fn parse(text: &str) -> Vec<SavedStory> {
    let Ok(Json::List(items)) = serde_json::from_str::<Json>(text) else { return Vec::new() };
    items.into_iter().filter_map(|item| SavedStory::decode(item).ok()).collect()
}

impl Decode for SavedStory {
    fn decode(value: Json) -> Result<Self, String> {
        let mut f = Fields::of(value)?;
        Ok(SavedStory {
            lang: f.string("lang")?,
            section_title: f.string_or_empty("section_title")?,
            saved_at: f.string_or_empty("saved_at")?,
            story: f.lenient("story").ok_or("`story` is missing")?,
        })
    }
}

/// The list as JSON, each summary as the contract writes it so that the contract's reader reads
/// it back. Written out here rather than through `serde_json::Value`, whose maps and number
/// formatting would add their code to every page for a handful of fields.
pub fn serialize(list: &[SavedStory]) -> String {
    let entries: Vec<String> = list
        .iter()
        .map(|s| {
            format!(
                r#"{{"lang":{},"section_title":{},"saved_at":{},"story":{}}}"#,
                quoted(&s.lang),
                quoted(&s.section_title),
                quoted(&s.saved_at),
                summary_json(&s.story)
            )
        })
        .collect();
    format!("[{}]", entries.join(","))
}

fn summary_json(s: &Summary) -> String {
    let image = s.image.as_ref().map_or("null".to_string(), |i: &Image| {
        format!(r#"{{"src":{},"alt":{},"width":{},"height":{}}}"#, quoted(&i.src), quoted(&i.alt), i.width, i.height)
    });
    format!(
        r#"{{"id":{},"slug":{},"section":{},"title":{},"lead":{},"published_at":{},"image":{image}}}"#,
        quoted(&s.id),
        quoted(&s.slug),
        quoted(&s.section),
        quoted(&s.title),
        quoted(&s.lead),
        quoted(&s.published_at)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(id: &str, title: &str) -> SavedStory {
        SavedStory {
            lang: "hy".into(),
            section_title: "Քաղաքականություն".into(),
            saved_at: "2026-12-02T10:00:00Z".into(),
            story: Summary {
                id: id.into(),
                slug: "a-slug".into(),
                section: "politics".into(),
                title: title.into(),
                lead: String::new(),
                published_at: "2026-12-01T09:30:00+04:00".into(),
                views: None,
                image: Some(Image {
                    src: "img/a.jpg".into(),
                    alt: "alt".into(),
                    width: 1200,
                    height: 675,
                    caption: None,
                    credit: None,
                }),
            },
        }
    }

    #[test]
    fn a_list_reads_back_as_it_was_written() {
        let list = vec![story("2", "Title with \"quotes\" and </script>"), story("1", "Второй")];
        assert_eq!(parse(&serialize(&list)), list);
    }

    #[test]
    fn broken_entries_are_dropped_alone() {
        let good = serialize(&[story("1", "Kept")]);
        let text = format!("[{{\"lang\": 3}}, {}, \"x\"]", &good[1..good.len() - 1]);
        assert_eq!(parse(&text), vec![story("1", "Kept")]);
        assert!(parse("not json").is_empty());
        assert!(parse("{\"lang\": \"en\"}").is_empty());
        assert!(parse("").is_empty());
    }
}

//! "Save" on an article: puts the story on the reading list (`prefs::reading_list`) and asks the
//! service worker to keep its documents, page and pictures, so it opens offline; pressed again,
//! it takes it off. The outcome is announced in a live region: kept for offline reading, kept
//! without the files (no service worker), or kept for this tab only (storage blocked).
use crate::api::{Article, Block};
use crate::components::icons::Icon;
use crate::context::use_frame;
use crate::i18n::use_i18n;
use crate::offline::service_worker::{drop_story, keep_story, Kept};
use crate::prefs::reading_list::{key, use_reading_list, SavedStory};
use crate::route::article_path;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn SaveButton(article: Arc<Article>) -> impl IntoView {
    let i18n = use_i18n();
    let frame = use_frame();
    let list = use_reading_list();
    let lang = frame.lang.get_untracked();
    let id = article.summary.id.clone();
    let saved = {
        let (lang, id) = (lang.clone(), id.clone());
        move || list.contains(&lang, &id)
    };
    let status = RwSignal::new(String::new());
    let section_title = frame.edition.section_title(&article.summary.section);
    let toggle = {
        let saved = saved.clone();
        move |_| {
            let strings = &i18n.get_untracked().saved;
            let say = move |text: &str| {
                status.try_set(text.to_string());
            };
            say("");
            let story = key(&lang, &id);
            if saved() {
                list.remove(&lang, &id);
                leptos::task::spawn_local(async move {
                    drop_story(&story).await;
                    say(strings.removed);
                });
                return;
            }
            list.add(SavedStory {
                lang: lang.clone(),
                section_title: section_title.clone(),
                saved_at: js_sys::Date::new_0().to_iso_string().into(),
                story: article.summary.clone(),
            });
            let files = files(&lang, &article);
            leptos::task::spawn_local(async move {
                let offline = keep_story(&story, &files).await;
                say(match (list.kept, offline) {
                    (false, _) => strings.added_tab_only,
                    (true, true) => strings.added_offline,
                    (true, false) => strings.added,
                });
            });
        }
    };
    view! {
        <div class="save-story">
            <button type="button" class="tool-button save-button" aria-pressed=move || saved().to_string() on:click=toggle>
                <Icon name="bookmark"/>
                <span>{i18n.get_untracked().saved.save}</span>
            </button>
            <span class="save-story__status" role="status">{move || status.get()}</span>
        </div>
    }
}

/// What a saved story needs offline: the site and the edition (shared with other saved stories),
/// its document, its page and its pictures.
fn files(lang: &str, article: &Article) -> Vec<Kept> {
    let s = &article.summary;
    let mut files = vec![
        Kept::Shared(crate::api::document_url(&crate::api::site_path())),
        Kept::Shared(crate::api::document_url(&crate::api::edition_path(lang))),
        Kept::Document(crate::api::document_url(&crate::api::article_path(lang, &s.id))),
        Kept::Page(crate::config::href(&article_path(lang, &s.section, &s.id, &s.slug))),
    ];
    let pictures = s.image.iter().map(|i| &i.src).chain(article.body.iter().filter_map(|b| match b {
        Block::Image(image) => Some(&image.src),
        _ => None,
    }));
    files.extend(pictures.filter_map(|src| crate::links::safe_src(src)).map(Kept::Picture));
    files
}

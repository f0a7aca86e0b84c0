//! `/{lang}/saved`: the reading list (`prefs::reading_list`), newest first, in every language the
//! reader saved from; each story links to its page (kept by the service worker for offline
//! reading) and can be removed. Drawn from the list alone, so it opens without a network. Not
//! published: a reader's list exists only in their browser.
use crate::components::story_card::StoryTime;
use crate::context::use_frame;
use crate::i18n::use_i18n;
use crate::links::safe_src;
use crate::offline::service_worker::drop_story;
use crate::prefs::reading_list::{use_reading_list, SavedStory};
use crate::route::article_path;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn SavedPage() -> impl IntoView {
    let i18n = use_i18n();
    let frame = use_frame();
    let list = use_reading_list();
    let status = RwSignal::new(String::new());
    let site_name = frame.site.name.clone();
    let page_lang = StoredValue::new(frame.lang.get_untracked());
    // Read once per change of the list, for both the empty state and the items.
    let stories = Memo::new(move |_| list.stories());
    view! {
        <Title text=move || format!("{} — {site_name}", i18n.get().saved.title)/>
        <Meta name="robots" content="noindex"/>
        <section class="saved-page">
            <h1>{i18n.get_untracked().saved.title}</h1>
            {(!list.kept).then(|| view! { <p class="saved-page__note">{i18n.get_untracked().saved.tab_only}</p> })}
            <p class="saved-page__status" role="status">{move || status.get()}</p>
            <Show when=move || stories.with(|s| !s.is_empty())
                fallback=move || view! { <p class="saved-page__empty">{i18n.get_untracked().saved.empty}</p> }>
                <ul class="saved-list">
                    <For each=move || stories.get() key=|s| (s.lang.clone(), s.story.id.clone()) let:saved>
                        <SavedItem saved page_lang=page_lang.get_value() status/>
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn SavedItem(saved: SavedStory, page_lang: String, status: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let list = use_reading_list();
    let s = saved.story.clone();
    let href = crate::config::href(&article_path(&saved.lang, &s.section, &s.id, &s.slug));
    let title_id = format!("saved-{}-{}", saved.lang, s.id);
    // A story in another language than the page's says so to screen readers and spell checkers.
    let lang = (saved.lang != page_lang).then(|| saved.lang.clone());
    let image = s.image.clone().and_then(|image| safe_src(&image.src).map(|src| (src, image)));
    let class = if image.is_some() { "saved-item story-card story-card--with-image" } else { "saved-item story-card" };
    let remove = {
        let (lang, id, story) = (saved.lang.clone(), saved.story.id.clone(), saved.key());
        move |_| {
            list.remove(&lang, &id);
            status.set(i18n.get_untracked().saved.removed.to_string());
            let story = story.clone();
            leptos::task::spawn_local(async move {
                drop_story(&story).await;
            });
        }
    };
    view! {
        <li class=class lang=lang aria-labelledby=title_id.clone()>
            {image.map(|(src, image)| view! {
                <img class="story-card__image" src=src alt=image.alt width=image.width height=image.height loading="lazy" decoding="async"/>
            })}
            <div class="story-card__text">
                {(!saved.section_title.is_empty()).then(|| view! { <span class="section-label">{saved.section_title.clone()}</span> })}
                <h2 class="story-card__title" id=title_id.clone()><a href=href>{saved.story.title.clone()}</a></h2>
                {(!saved.story.lead.is_empty()).then(|| view! { <p class="story-card__lead">{saved.story.lead.clone()}</p> })}
                <StoryTime raw=saved.story.published_at.clone()/>
                <button type="button" class="link-button saved-item__remove" on:click=remove
                    aria-label=format!("{}: {}", i18n.get_untracked().saved.remove, saved.story.title)>
                    {i18n.get_untracked().saved.remove}
                </button>
            </div>
        </li>
    }
}

//! One story in a feed or a list: its title as the link, lead, time and picture.
use crate::api::{Image, Summary};
use crate::context::use_frame;
use crate::i18n::use_i18n;
use crate::l10n;
use crate::links::safe_src;
use crate::prefs::low_data::picture_loading;
use crate::route::article_path;
use leptos::prelude::*;

/// A feed entry. `eager` is for the first cards, which are likely above the fold.
#[component]
pub fn StoryCard(
    summary: Summary,
    #[prop(default = false)] show_section: bool,
    #[prop(default = false)] eager: bool,
    #[prop(optional)] position: Option<(usize, Signal<i32>)>,
) -> impl IntoView {
    let frame = use_frame();
    let lang = frame.lang.get_untracked();
    let href = crate::config::href(&article_path(&lang, &summary.section, &summary.id, &summary.slug));
    let section = show_section.then(|| {
        let title = frame.edition.section_title(&summary.section);
        let section_href = crate::config::href(&crate::route::section_path(&lang, &summary.section));
        view! { <a class="section-label" href=section_href>{title}</a> }
    });
    let title_id = format!("story-{}", summary.id);
    let (posinset, setsize) = match position {
        Some((i, size)) => (Some(i + 1), Some(size)),
        None => (None, None),
    };
    // The element's own role, said explicitly: HTML asks for it beside `aria-posinset`.
    view! {
        <article role="article" class=if summary.image.is_some() { "story-card story-card--with-image" } else { "story-card" } aria-labelledby=title_id.clone() aria-posinset=posinset aria-setsize=move || setsize.map(|s| s.get())>
            {summary.image.clone().map(|image| view! { <CardImage image eager/> })}
            <div class="story-card__text">
                {section}
                <h2 class="story-card__title" id=title_id.clone()><a href=href>{summary.title.clone()}</a></h2>
                {(!summary.lead.is_empty()).then(|| view! { <p class="story-card__lead">{summary.lead.clone()}</p> })}
                <StoryTime raw=summary.published_at.clone()/>
            </div>
        </article>
    }
}

/// A story's publication time in the reader's language, machine-readable underneath.
#[component]
pub fn StoryTime(raw: String) -> impl IntoView {
    let i18n = use_i18n();
    let shown = l10n::date_time(i18n.get_locale_untracked(), &raw);
    view! { <time class="story-time" datetime=raw>{shown}</time> }
}

#[component]
fn CardImage(image: Image, eager: bool) -> impl IntoView {
    safe_src(&image.src).map(|src| {
        view! {
            <img class="story-card__image" src=src alt=image.alt width=image.width height=image.height
                loading=move || picture_loading(eager) decoding="async"/>
        }
    })
}

/// A title-only list entry, for most-read and related boxes.
#[component]
pub fn StoryLink(summary: Summary) -> impl IntoView {
    let lang = use_frame().lang.get_untracked();
    let href = crate::config::href(&article_path(&lang, &summary.section, &summary.id, &summary.slug));
    view! {
        <a class="story-link" href=href>{summary.title.clone()}</a>
        <StoryTime raw=summary.published_at/>
    }
}

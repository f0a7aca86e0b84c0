//! `/{lang}/{section}/{id}/{slug}`: the full article. A wrong or missing section or slug is
//! corrected in place (replacing the history entry); an unknown id is the not-found page.
use crate::api::{self, Article, Summary};
use crate::components::ad_slot::AdSlot;
use crate::components::article_body::{ArticleBody, Figure};
use crate::components::head_tags::HeadTags;
use crate::components::later::Later;
use crate::components::save_button::SaveButton;
use crate::components::share_bar::ShareBar;
use crate::components::skeleton::ArticleSkeleton;
use crate::components::story_card::{StoryLink, StoryTime};
use crate::components::text_size_controls::TextSizeControls;
use crate::context::use_frame;
use crate::head::PageHead;
use crate::i18n::use_i18n;
use crate::l10n;
use crate::pages::not_found::page_error_fallback;
use crate::route::{article_path, section_path, Route, Translation};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use std::sync::Arc;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let frame = use_frame();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let article = LocalResource::new(move || {
        let (lang, id) = (frame.lang.get(), id.get());
        async move { api::article(&lang, &id).await }
    });
    crate::nav::take_history_navigation();
    view! {
        <Transition fallback=|| view! { <ArticleSkeleton/> }>
            <ErrorBoundary fallback=page_error_fallback(move || article.refetch())>
                {move || Suspend::new(async move {
                    article.await.map(|article| {
                        correct_address(&article.summary);
                        view! { <ArticleView article/> }
                    })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// Where the published page on screen (this story, at `url`, as `./x publish` wrote it) puts its
/// translation into `lang`, which the API names by `id` alone: publish found its section and slug
/// in that language's stories, which the app has not fetched. Without it the live head would
/// lose that translation at the hand-over, and the language switch would go through the id.
fn published_place(url: &str, lang: &str, id: &str) -> Option<(String, String)> {
    let href = crate::boot::published_alternate(url, lang)?;
    match Route::parse(href.strip_prefix(&crate::config::site_root())?)? {
        Route::Article { lang: l, section, id: i, slug } if l == lang && i == id => Some((section, slug)),
        _ => None,
    }
}

/// The article drawn from its document: by the page above in the browser, and by `./x publish`,
/// which resolves each translation's address from its language's stories (`translations`); the
/// app takes what the document says (an id, and the address where the API gives it).
#[component]
pub(crate) fn ArticleView(
    article: Arc<Article>,
    #[prop(optional)] translations: Option<Vec<Translation>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let frame = use_frame();
    let lang = frame.lang.get_untracked();
    let s = &article.summary;
    let path = article_path(&lang, &s.section, &s.id, &s.slug);
    let url = crate::config::absolute_url(&path);
    let translations = translations.unwrap_or_else(|| {
        let others = article.translations.iter().filter(|(l, _)| **l != lang);
        others
            .map(|(l, t)| Translation {
                lang: l.clone(),
                id: t.id.clone(),
                place: t.place.clone().or_else(|| published_place(&url, l, &t.id)),
            })
            .collect()
    });
    frame.translations.set(translations.clone());
    on_cleanup(move || frame.translations.try_set(vec![]).map(|_| ()).unwrap_or(()));
    let section_name = frame.edition.section_title(&s.section);
    let site_name = frame.site.name.clone();
    let views = s.views;
    let updated = article.updated_at.clone().filter(|u| crate::format::parse_rfc3339(u).is_some());
    let head = PageHead::article(&frame.site, &frame.edition, &lang, &article, &translations);
    let (related_title, related) = (i18n.get_untracked().article.related.to_string(), article.related.clone());
    let (section, id) = (s.section.clone(), s.id.clone());
    let (body, tags) = (article.body.clone(), article.tags.clone());
    let source = i18n.get_untracked().share.source(&site_name, &url);
    // The page's parts below its top are drawn a task later while the app starts (`Later`).
    view! {
        <Later><HeadTags head=head.clone()/></Later>
        <article class="article">
            <header class="article__header">
                <div class="article__topline">
                    <a class="section-label" href=crate::config::href(&section_path(&lang, &s.section))>{section_name.clone()}</a>
                    <TextSizeControls/>
                </div>
                <h1 class="article__headline">{s.title.clone()}</h1>
                {(!s.lead.is_empty()).then(|| view! { <p class="article__lead">{s.lead.clone()}</p> })}
                <p class="article__meta">
                    <StoryTime raw=s.published_at.clone()/>
                    {updated.map(|u| view! {
                        <span class="article__updated">
                            {i18n.get_untracked().article.updated(&l10n::date_time(i18n.get_locale_untracked(), &u))}
                        </span>
                    })}
                    {article.author.clone().map(|a| view! {
                        <span class="article__byline">{i18n.get_untracked().article.byline(&a.name)}</span>
                    })}
                    {views.map(|views| view! {
                        <span class="article__views">
                            {i18n.get_untracked().article.views(&l10n::count(i18n.get_locale_untracked(), views))}
                        </span>
                    })}
                </p>
                <div class="article__tools">
                    <ShareBar url=url.clone() title=s.title.clone()/>
                    <SaveButton article=article.clone()/>
                </div>
            </header>
            {s.image.clone().map(|image| view! { <Figure image eager=true/> })}
            <Later>
                <ArticleBody blocks=body.clone()/>
                {(!tags.is_empty()).then(|| view! {
                    <ul class="article__tags" aria-label=i18n.get_untracked().article.tags.to_string()>
                        {tags.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}
                    </ul>
                })}
                <p class="print-source">{source.clone()}</p>
            </Later>
        </article>
        <Later>
            <AdSlot/>
            <StoryList title=related_title.clone() stories=related.clone()/>
            <MoreFromSection section=section.clone() section_name=section_name.clone() exclude=id.clone()/>
        </Later>
    }
}

/// Puts the article's true address in the bar if the reader came by another.
fn correct_address(s: &Summary) {
    let lang = use_frame().lang.get_untracked();
    let path = article_path(&lang, &s.section, &s.id, &s.slug);
    let params = use_params_map().get_untracked();
    let (section, slug) = (params.get("section").unwrap_or_default(), params.get("slug").unwrap_or_default());
    if section != s.section || slug != s.slug {
        let navigate = use_navigate();
        request_animation_frame(move || {
            navigate(&path, NavigateOptions { replace: true, scroll: false, ..Default::default() })
        });
    }
}

/// A titled list of story links; nothing at all when the list is empty.
#[component]
fn StoryList(title: String, stories: Vec<Summary>) -> impl IntoView {
    (!stories.is_empty()).then(|| {
        view! {
            <section class="story-list">
                <h2 class="box-title">{title}</h2>
                <ul>{stories.into_iter().map(|s| view! { <li><StoryLink summary=s/></li> }).collect_view()}</ul>
            </section>
        }
    })
}

/// The newest stories of the article's section, without the article itself: at once when the
/// section's first page is already in (the reader came from it; or `./x publish` read it).
#[component]
fn MoreFromSection(section: String, section_name: String, exclude: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_frame().lang;
    // Plain text, not a derived signal: the page is drawn anew when the language changes.
    let title = i18n.get_untracked().article.more_from(&section_name);
    let list = move |page: &api::FeedChunk| {
        let stories = page.items.iter().filter(|s| s.id != exclude).take(4).cloned().collect();
        view! { <StoryList title=title.clone() stories/> }
    };
    if let Some(page) = api::cached_feed(&lang.get_untracked(), &section, 1) {
        return list(&page).into_any();
    }
    let feed = LocalResource::new(move || {
        let (lang, section) = (lang.get(), section.clone());
        async move { api::feed(&lang, &section, 1).await }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || feed.try_get().flatten().and_then(Result::ok).map(|page| list(&page))}
        </Suspense>
    }
    .into_any()
}

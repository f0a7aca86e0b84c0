//! `/{lang}/search?q=…`: results from the language's search index, fetched once per visit,
//! updated as the reader types, with the matched words highlighted.
use crate::api::{self, ApiError};
use crate::components::error_view::ErrorView;
use crate::components::story_card::StoryTime;
use crate::context::use_frame;
use crate::i18n::use_i18n;
use crate::route::{article_path, search_path};
use crate::search::{highlight, query_words, SearchIndex};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

/// Results shown at first and added by "Show more".
const PAGE: usize = 20;

thread_local! {
    static INDEXES: RefCell<HashMap<String, Arc<SearchIndex>>> = RefCell::new(HashMap::new());
}

/// The language's index, built once per visit.
async fn load_index(lang: &str) -> Result<Arc<SearchIndex>, ApiError> {
    if let Some(index) = INDEXES.with(|i| i.borrow().get(lang).cloned()) {
        return Ok(index);
    }
    let list = api::search_index(lang).await?;
    let index = Arc::new(SearchIndex::new(&list.items));
    INDEXES.with(|i| i.borrow_mut().insert(lang.to_string(), index.clone()));
    Ok(index)
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let frame = use_frame();
    let lang = frame.lang;
    let query_map = use_query_map();
    let query = Memo::new(move |_| query_map.read().get("q").unwrap_or_default());
    let navigate = use_navigate();
    let index = LocalResource::new(move || {
        let lang = lang.get();
        async move { load_index(&lang).await }
    });
    let limit = RwSignal::new(PAGE);
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        limit.set(PAGE);
        navigate(
            &search_path(&lang.get_untracked(), &value),
            NavigateOptions { replace: true, scroll: false, ..Default::default() },
        );
    };
    let site_name = frame.site.name.clone();
    view! {
        <Title text=move || format!("{} — {site_name}", i18n.get().search.title)/>
        <Meta name="robots" content="noindex"/>
        <section class="search-page">
            <h1>{i18n.get_untracked().search.title}</h1>
            <form class="search-page__form" role="search" on:submit=|ev| ev.prevent_default()>
                <label for="search-page-input" class="visually-hidden">{i18n.get_untracked().search.label}</label>
                <input id="search-page-input" type="search" prop:value=move || query.get() on:input=on_input
                    placeholder=i18n.get_untracked().search.placeholder.to_string() autocomplete="off"/>
            </form>
            <Suspense fallback=|| view! { <p class="search-page__pending" aria-busy="true"></p> }>
                {move || index.get().map(|result| match result {
                    Ok(index) => view! { <Results index query limit/> }.into_any(),
                    Err(error) => view! {
                        <ErrorView error retry=move |_| index.refetch() title=i18n.get_untracked().search.index_error.to_string()/>
                    }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Results(index: Arc<SearchIndex>, query: Memo<String>, limit: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_frame().lang;
    move || {
        let q = query.try_get().unwrap_or_default();
        let words = query_words(&q);
        if words.is_empty() {
            return view! { <p class="search-page__message" role="status">{i18n.get_untracked().search.empty_query}</p> }.into_any();
        }
        let hits = index.search(&q);
        if hits.is_empty() {
            return view! { <p class="search-page__message" role="status">{i18n.get_untracked().search.no_results(&q)}</p> }.into_any();
        }
        let total = hits.len();
        let shown = hits
            .iter()
            .take(limit.try_get().unwrap_or(PAGE))
            .map(|hit| {
                let s = *hit;
                let href = crate::config::href(&article_path(&lang.get_untracked(), &s.section, &s.id, &s.slug));
                view! {
                    <li class="search-result">
                        <h2 class="search-result__title"><a href=href>{marked(&s.title, &words)}</a></h2>
                        <p class="search-result__lead">{marked(&s.lead, &words)}</p>
                        <StoryTime raw=s.published_at.clone()/>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="search-page__count" role="status">{i18n.get_untracked().search.results(&total.to_string())}</p>
            <ol class="search-results">{shown}</ol>
            <Show when=move || { limit.get() < total }>
                <button type="button" class="button" on:click=move |_| limit.update(|l| *l += PAGE)>{i18n.get_untracked().search.show_more}</button>
            </Show>
        }
        .into_any()
    }
}

/// Text with the matched words wrapped in `<mark>`, as text nodes only.
fn marked(text: &str, words: &[String]) -> impl IntoView {
    highlight(text, words)
        .into_iter()
        .map(|(run, hit)| if hit { view! { <mark>{run}</mark> }.into_any() } else { run.into_any() })
        .collect_view()
}

//! `/{lang}/search?q=…`: the whole archive searched as the reader types, through the language's
//! Pagefind bundle (`pagefind.rs`), loaded when the reader starts a search; each result with its
//! section, date and an excerpt, the matched words highlighted, as text.
use crate::api::ApiError;
use crate::components::error_view::ErrorView;
use crate::components::story_card::StoryTime;
use crate::context::use_frame;
use crate::i18n::use_i18n;
use crate::pagefind::{engine, Found, Hit};
use crate::route::search_path;
use crate::search::{excerpt, fold_for_index, highlight, query_words};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// Results shown at first and added by "Show more".
const PAGE: usize = 10;

/// Words of a result's text its excerpt shows.
const EXCERPT_WORDS: usize = 30;

#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let frame = use_frame();
    let lang = frame.lang;
    let query_map = use_query_map();
    let query = Memo::new(move |_| query_map.read().get("q").unwrap_or_default());
    let navigate = use_navigate();
    // The reader came to search: the searcher loads while they type.
    crate::pagefind::prefetch(&lang.get_untracked());
    // "Show more" asks for another page of results for the query it was pressed on; any other
    // query starts at one page. A memo, so that a keystroke asks for one search, not a second one
    // for the old query as the limit is reset.
    let asked = RwSignal::new((String::new(), PAGE));
    let limit = Memo::new(move |_| {
        let (for_query, limit) = asked.get();
        if query.with(|q| *q == for_query) {
            limit
        } else {
            PAGE
        }
    });
    // The last answer drawn.
    let shown = StoredValue::new(None::<Answer>);
    let found = LocalResource::new(move || {
        let (lang, q, limit) = (lang.get(), query.get(), limit.get());
        async move {
            if query_words(&q).is_empty() {
                // Answered in a later task, not at once: a Transition whose first answer came at
                // once shows its fallback for the next query instead of keeping that answer on
                // screen (leptos-rs/leptos#4622).
                crate::boot::next_task().await;
                return Ok(Some(Answer { query: q, found: Found { total: 0, complete: true, hits: vec![] } }));
            }
            // Enough to answer: one more than the page before this limit showed.
            let found = engine(&lang).await?.search(&fold_for_index(&q), limit + 1 - PAGE, limit).await?;
            Ok(found.map(|found| Answer { query: q, found }))
        }
    });
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
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
            <Transition fallback=|| view! { <p class="search-page__pending" aria-busy="true"></p> }>
                {move || found.get().map(|result: Result<Option<Answer>, ApiError>| match result {
                    Ok(Some(answer)) => {
                        shown.set_value(Some(answer.clone()));
                        view! { <Results answer limit asked/> }.into_any()
                    }
                    // A newer query took its place while the reader typed: what is shown stays
                    // until its answer comes.
                    Ok(None) => shown.get_value().map(|answer| view! { <Results answer limit asked/> }).into_any(),
                    Err(error) => view! {
                        <ErrorView error retry=move |_| found.refetch() title=i18n.get_untracked().search.index_error.to_string()/>
                    }.into_any(),
                })}
            </Transition>
        </section>
    }
}

/// What a query found, with the query it answers: the results drawn always say what they are for,
/// whatever the address says meanwhile.
#[derive(Clone)]
struct Answer {
    query: String,
    found: Found,
}

#[component]
fn Results(answer: Answer, limit: Memo<usize>, asked: RwSignal<(String, usize)>) -> impl IntoView {
    let i18n = use_i18n();
    let Answer { query: q, found } = answer;
    let words = query_words(&q);
    if words.is_empty() {
        return view! { <p class="search-page__message" role="status">{i18n.get_untracked().search.empty_query}</p> }
            .into_any();
    }
    if found.total == 0 {
        return view! { <p class="search-page__message" role="status">{i18n.get_untracked().search.no_results(&q)}</p> }.into_any();
    }
    let total = found.total;
    let answered = StoredValue::new(q);
    // Older shards not searched yet may hold more.
    let (count, more) = if found.complete { (total.to_string(), total) } else { (format!("{total}+"), usize::MAX) };
    let shown = found
        .hits
        .into_iter()
        .map(|hit| {
            let Hit { path, title, section, date, text, locations } = hit;
            let href = crate::config::href(&path);
            view! {
                <li class="search-result">
                    <h2 class="search-result__title"><a href=href>{marked(&title, &words)}</a></h2>
                    <p class="search-result__meta"><span class="search-result__section">{section}</span> <StoryTime raw=date/></p>
                    <p class="search-result__excerpt">{runs(excerpt(&text, &locations, EXCERPT_WORDS))}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="search-page__count" role="status">{i18n.get_untracked().search.results(&count)}</p>
        <ol class="search-results">{shown}</ol>
        <Show when=move || { limit.get() < more }>
            <button type="button" class="button" on:click=move |_| asked.set((answered.get_value(), limit.get_untracked() + PAGE))>{i18n.get_untracked().search.show_more}</button>
        </Show>
    }
    .into_any()
}

/// Text with the matched words wrapped in `<mark>`, as text nodes only.
fn marked(text: &str, words: &[String]) -> impl IntoView {
    runs(highlight(text, words))
}

/// Runs of text, the matched ones in `<mark>`.
fn runs(runs: Vec<(String, bool)>) -> impl IntoView {
    runs.into_iter()
        .map(|(run, hit)| if hit { view! { <mark>{run}</mark> }.into_any() } else { run.into_any() })
        .collect_view()
}

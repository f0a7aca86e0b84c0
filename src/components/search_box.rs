//! The search form in the header: a `search` landmark that goes to `/{lang}/search?q=…`.
//! Focusing it starts what the router asked for (`context::SearchIntent`: the download of the
//! search page's module and the language's searcher).
use crate::components::icons::Icon;
use crate::context::{use_frame, SearchIntent};
use crate::i18n::use_i18n;
use crate::route::search_path;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

#[component]
pub fn SearchBox() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_frame().lang;
    let navigate = use_navigate();
    let input = NodeRef::<leptos::html::Input>::new();
    let intent = use_context::<SearchIntent>();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let query = input.get_untracked().map(|i| i.value()).unwrap_or_default();
        navigate(&search_path(&lang.get_untracked(), &query), NavigateOptions::default());
    };
    view! {
        <form class="search-box" role="search" action=move || crate::config::href(&search_path(&lang.get(), "")) method="get"
                on:submit=submit on:focusin=move |_| if let Some(SearchIntent(start)) = intent { start(&lang.get_untracked()) }>
                <label for="site-search" class="visually-hidden">{i18n.get_untracked().search.label}</label>
                <input id="site-search" node_ref=input type="search" name="q" autocomplete="off"
                    placeholder=i18n.get_untracked().search.placeholder.to_string()/>
                <button type="submit" class="icon-button" aria-label=i18n.get_untracked().search.submit.to_string()>
                    <Icon name="search"/>
                </button>
            </form>
    }
}

//! The "Most read" box: a numbered list from `most-read.json`. The contract lists the file, but a
//! newsroom may not publish one: then the box leaves itself out, and the page stays what it is.
use crate::api::{self, ApiError};
use crate::components::error_view::ErrorView;
use crate::components::story_card::StoryLink;
use crate::context::use_frame;
use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn MostRead() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_frame().lang;
    let list = LocalResource::new(move || {
        let lang = lang.get();
        async move { api::most_read(&lang).await }
    });
    // Hidden rather than unmounted: unmounting the Suspense while its own resource settles it
    // polls a task that is still running (a panic).
    let missing = move || matches!(list.get(), Some(Err(ApiError::NotFound)));
    let body = move || {
        list.get().map(|result: Result<_, ApiError>| match result {
            Ok(list) => view! {
                <ol class="most-read__list">
                    {list.items.iter().take(10).cloned().map(|s| view! { <li><StoryLink summary=s/></li> }).collect_view()}
                </ol>
            }
            .into_any(),
            Err(ApiError::NotFound) => ().into_any(),
            Err(error) => view! { <ErrorView error retry=move |_| list.refetch()/> }.into_any(),
        })
    };
    view! {
        <section class="most-read" aria-labelledby="most-read-title" hidden=missing>
            <h2 id="most-read-title" class="box-title">{i18n.get_untracked().feed.most_read}</h2>
            <Suspense fallback=|| view! { <div class="most-read__placeholder"></div> }>{body}</Suspense>
        </section>
    }
}

//! The not-found page: for unknown addresses, languages, sections and articles alike. Only a
//! page whose own document is missing becomes it (title and `noindex` included); a box whose
//! document is missing says so in its own place (`components::error_view`).
use crate::api::ApiError;
use crate::components::error_view::{first_api_error, ErrorView};
use crate::context::{use_frame_opt, use_site_resource};
use crate::i18n::use_i18n;
use crate::pages::frame::Frame;
use crate::pages::root::landing_language;
use crate::route::home_path;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// The message and a link home, inside whatever frame the page has.
#[component]
pub(crate) fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    let home = use_frame_opt()
        .map_or_else(|| crate::config::href("/"), |f| crate::config::href(&home_path(&f.lang.get_untracked())));
    view! {
        <Title text=i18n.get_untracked().not_found.title.to_string()/>
        <Meta name="robots" content="noindex"/>
        <section class="not-found">
            <h1>{i18n.get_untracked().not_found.title}</h1>
            <p>{i18n.get_untracked().not_found.body}</p>
            <p><a class="button" href=home>{i18n.get_untracked().not_found.home}</a></p>
        </section>
    }
}

/// The router's fallback: the not-found message in the frame of the reader's language.
#[component]
pub(crate) fn NotFoundPage() -> impl IntoView {
    let site = use_site_resource();
    let lang = Memo::new(move |_| site.get().and_then(Result::ok).map(|s| landing_language(&s)).unwrap_or_default());
    view! { <Frame lang><NotFound/></Frame> }
}

/// An `ErrorBoundary` fallback for a page's own document: the not-found page when it is missing,
/// else the error view with `retry`.
pub(crate) fn page_error_fallback(
    retry: impl Fn() + Send + Sync + 'static,
) -> impl Fn(ArcRwSignal<Errors>) -> AnyView + Send + Clone + 'static {
    let retry = Callback::new(move |()| retry());
    move |errors| page_error_view(first_api_error(&errors), retry)
}

/// A page's own document failed: the not-found page when it is missing, else the error view
/// with `retry`. Not generic, so that every page shares one copy of it.
pub(crate) fn page_error_view(error: ApiError, retry: Callback<()>) -> AnyView {
    match error {
        ApiError::NotFound => view! { <NotFound/> }.into_any(),
        error => view! { <ErrorView error retry/> }.into_any(),
    }
}

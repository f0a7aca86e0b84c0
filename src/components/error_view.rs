//! How any failed request looks: a localized message and a Retry button in place of the part
//! that failed. A missing document is one more such message here; whether it makes the whole
//! page the not-found page is the caller's decision (`pages::not_found::page_error_fallback`).
use crate::api::ApiError;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The message for one failure, with a retry.
#[component]
pub(crate) fn ErrorView(
    error: ApiError,
    #[prop(into)] retry: Callback<()>,
    #[prop(optional, into)] title: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = title.unwrap_or_else(|| i18n.get_untracked().error.title.to_string());
    let message = move || match &error {
        ApiError::Offline => i18n.get().error.offline.to_string(),
        ApiError::Timeout => i18n.get().error.timeout.to_string(),
        ApiError::Status(code) => i18n.get().error.status(&code.to_string()),
        ApiError::NotFound => i18n.get().error.missing.to_string(),
        ApiError::Decode(_) => i18n.get().error.decode.to_string(),
    };
    view! {
        <div class="error-view" role="alert">
            <p class="error-view__title">{title}</p>
            <p>{message}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>{i18n.get_untracked().error.retry}</button>
        </div>
    }
}

/// The first [`ApiError`] an `ErrorBoundary` caught.
pub fn first_api_error(errors: &ArcRwSignal<Errors>) -> ApiError {
    errors
        .read()
        .iter()
        .find_map(|(_, e)| e.downcast_ref::<ApiError>().cloned())
        .unwrap_or(ApiError::Decode(String::new()))
}

/// An `ErrorBoundary` fallback showing [`ErrorView`] for whatever failed, with `retry`.
pub fn error_fallback(
    retry: impl Fn() + Send + Sync + 'static,
) -> impl Fn(ArcRwSignal<Errors>) -> AnyView + Send + Clone + 'static {
    let retry = Callback::new(move |()| retry());
    move |errors| view! { <ErrorView error=first_api_error(&errors) retry/> }.into_any()
}

//! The not-found page: for unknown addresses, languages, sections and articles alike.
use crate::app::{use_shell_opt, Frame, SiteResource};
use crate::i18n::use_i18n;
use crate::links::home_path;
use crate::pages::root::landing_language;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// The message and a link home, inside whatever frame the page has.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    let home = use_shell_opt().map_or_else(|| crate::config::href("/"), |s| crate::config::href(&home_path(&s.lang.get_untracked())));
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
pub fn NotFoundPage() -> impl IntoView {
    let site = expect_context::<SiteResource>().0;
    let lang = Memo::new(move |_| site.get().and_then(Result::ok).map(|s| landing_language(&s)).unwrap_or_default());
    view! { <Frame lang><NotFound/></Frame> }
}

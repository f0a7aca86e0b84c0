//! Links to the other languages of the outlet, by the labels `site.json` gives ("RU", "ARM").
//! Each keeps the reader's place (see `route::language_switch_path`).
//!
//! The links load the other language as a new page (`rel="external"`, so the router lets the
//! browser navigate): every string, resource and cache of the old language goes with the old page,
//! instead of racing a frame redrawn in place while the old page's requests are still pending.
use crate::context::use_frame;
use crate::i18n::use_i18n;
use crate::route::language_switch_path;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let frame = use_frame();
    let location = use_location();
    let current = frame.lang;
    let translations = frame.translations;
    let links = frame
        .site
        .languages
        .iter()
        .map(|language| {
            let code = language.code.clone();
            // The frame is drawn anew for each language, so this need not be reactive.
            let hidden = current.get_untracked() == code;
            let href = move || {
                let path = crate::config::in_app_path(&location.pathname.get());
                let translation = translations.try_with(|t| t.iter().find(|t| t.lang == code).cloned()).flatten();
                let target =
                    language_switch_path(&path, &query_text(location.search.get()), &code, translation.as_ref());
                crate::config::href(&target)
            };
            view! {
                <li hidden=hidden>
                    <a href=href rel="alternate external" hreflang=language.code.clone() lang=language.code.clone()>
                        {language.label.clone()}
                        <span class="visually-hidden">" " {language.name.clone()}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="language-switch" aria-label=i18n.get_untracked().nav.language.to_string()>
            <ul>{links}</ul>
        </nav>
    }
}

/// The query string with its `?`, or nothing.
fn query_text(search: String) -> String {
    if search.is_empty() || search.starts_with('?') {
        search
    } else {
        format!("?{search}")
    }
}

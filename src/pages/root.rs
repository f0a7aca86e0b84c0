//! `/`: sends the reader to their language's front page (saved, else browser, else the outlet's
//! default), replacing the history entry so Back does not bounce.
use crate::api::{ApiError, Site};
use crate::components::skeleton::FeedSkeleton;
use crate::context::use_site_resource;
use crate::pages::not_found::page_error_fallback;
use crate::prefs::language::{browser_languages, pick_language, saved_language};
use crate::route::home_path;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// The language `/` leads to on this browser.
pub fn landing_language(site: &Site) -> String {
    let available: Vec<String> = site.languages.iter().map(|l| l.code.clone()).collect();
    pick_language(saved_language().as_deref(), &browser_languages(), &available, &site.default_language)
}

#[component]
pub fn RootRedirect() -> impl IntoView {
    let site = use_site_resource();
    let navigate = use_navigate();
    view! {
        <Suspense fallback=|| view! { <main id="main" aria-busy="true"><FeedSkeleton/></main> }>
            <ErrorBoundary fallback=page_error_fallback(move || site.refetch())>
                {
                    let navigate = navigate.clone();
                    move || {
                        let navigate = navigate.clone();
                        Suspend::new(async move {
                            let site = site.await?;
                            let target = home_path(&landing_language(&site));
                            navigate(&target, NavigateOptions { replace: true, ..Default::default() });
                            Ok::<_, ApiError>(view! { <main id="main" aria-busy="true"><FeedSkeleton/></main> })
                        })
                    }
                }
            </ErrorBoundary>
        </Suspense>
    }
}

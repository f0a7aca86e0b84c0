//! The router: what lives for the whole visit (site, preferences, UI strings) and the one route
//! table. Each route's page draws itself inside `pages::frame::Frame`.
use crate::components::app_notes::AppNotes;
use crate::components::later::Later;
use crate::context::{SearchIntent, SiteResource};
use crate::i18n::provide_i18n;
use crate::pages::frame::Frame;
use crate::pages::split::{ArticleRoute, FeedRoute, SavedRoute, SearchRoute};
use crate::pages::{not_found::NotFoundPage, root::RootRedirect};
use crate::{api, config, nav, prefs};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Meta};
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::hooks::use_params_map;
use leptos_router::path;

#[component]
pub(crate) fn App() -> impl IntoView {
    provide_meta_context();
    provide_i18n();
    prefs::theme::provide_theme();
    prefs::text_size::provide_text_size();
    prefs::low_data::provide_low_data();
    prefs::reading_list::provide_reading_list();
    crate::offline::service_worker::register();
    nav::track_history_navigation();
    provide_context(SiteResource(LocalResource::new(api::site)));
    provide_context(SearchIntent(crate::pages::split::prefetch_search));
    // The router, then its routes, are drawn in tasks of their own (`Later`): WebAssembly
    // compiles each function when it is first called, and shorter tasks leave the reader's input
    // less blocked than one long one.
    view! {
        <Meta name="color-scheme" content="light dark"/>
        <Later>
            <Router base=config::router_base()>
                <Later>
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=RootRedirect/>
                        <ParentRoute path=path!("/:lang") view=LangRoute>
                            <Route path=path!("") view=FeedRoute/>
                            <Route path=path!("/search") view=SearchRoute/>
                            <Route path=path!("/saved") view=SavedRoute/>
                            // Before the article's shapes: `page` is no section and no story's id.
                            <Route path=path!("/page/:page") view=FeedRoute/>
                            <Route path=path!("/:section") view=FeedRoute/>
                            <Route path=path!("/:section/page/:page") view=FeedRoute/>
                            <Route path=path!("/:section/:id") view=ArticleRoute/>
                            <Route path=path!("/:section/:id/:slug") view=ArticleRoute/>
                        </ParentRoute>
                    </Routes>
                </Later>
                <AppNotes/>
            </Router>
        </Later>
    }
}

/// `/:lang/…`: the language's frame around the matched page (`Outlet`).
#[component]
fn LangRoute() -> impl IntoView {
    let params = use_params_map();
    let lang = Memo::new(move |_| params.read().get("lang").unwrap_or_default());
    view! { <Frame lang><Outlet/></Frame> }
}

//! The router and the page frame. `App` owns what lives for the whole visit (site, preferences,
//! i18n); `LangShell` owns what depends on the language in the URL (edition, header, footer).
use crate::api::{self, ApiError, Edition, Site};
use crate::components::error_view::error_fallback;
use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::components::skeleton::FeedSkeleton;
use crate::i18n::{provide_i18n, use_i18n, I18n};
use crate::l10n::ui_locale;
use crate::pages::split::{ArticleRoute, FeedRoute, SearchRoute};
use crate::pages::{not_found::NotFoundPage, root::RootRedirect};
use crate::{config, nav, prefs};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Meta};
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::hooks::use_params_map;
use leptos_router::path;
use std::sync::Arc;

/// `site.json`, loaded once per visit.
#[derive(Clone, Copy)]
pub struct SiteResource(pub LocalResource<Result<Arc<Site>, ApiError>>);

/// What every page inside a language knows about its frame.
#[derive(Clone)]
pub struct Shell {
    pub lang: Memo<String>,
    pub site: Arc<Site>,
    pub edition: Arc<Edition>,
    /// Translations of the page on screen, as (language, id, slug); set by the article page.
    pub alternates: RwSignal<Vec<(String, String, String)>>,
}

pub fn use_shell() -> Shell {
    expect_context::<Shell>()
}

/// The frame, where there is one (not around a not-found message for an unknown language).
pub fn use_shell_opt() -> Option<Shell> {
    use_context::<Shell>()
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_i18n();
    prefs::theme::provide_theme();
    prefs::text_size::provide_text_size();
    nav::track_history_navigation();
    provide_context(SiteResource(LocalResource::new(api::site)));
    // The routes are drawn a task after the rest: WebAssembly compiles each function when it is
    // first called, and two shorter tasks leave the reader's input less blocked than one.
    let routes_due = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        crate::boot::next_task().await;
        routes_due.set(true);
    });
    view! {
        <Meta name="color-scheme" content="light dark"/>
        <Router base=config::router_base()>
            <Show when=move || routes_due.get()>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=RootRedirect/>
                    <ParentRoute path=path!("/:lang") view=LangShell>
                        <Route path=path!("") view=FeedRoute/>
                        <Route path=path!("/search") view=SearchRoute/>
                        <Route path=path!("/:section") view=FeedRoute/>
                        <Route path=path!("/:section/:id") view=ArticleRoute/>
                        <Route path=path!("/:section/:id/:slug") view=ArticleRoute/>
                    </ParentRoute>
                </Routes>
            </Show>
        </Router>
    }
}

/// The frame for one language: checks the language exists, loads its edition, and draws the
/// header, the page (`Outlet`) and the footer.
#[component]
fn LangShell() -> impl IntoView {
    let params = use_params_map();
    let lang = Memo::new(move |_| params.read().get("lang").unwrap_or_default());
    view! { <Frame lang><Outlet/></Frame> }
}

/// Header, main and footer around `children` for language `lang`; used by every page, including
/// the not-found page outside any language.
#[component]
pub fn Frame(lang: Memo<String>, children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    apply_language(i18n, &lang.get_untracked());
    let site = expect_context::<SiteResource>().0;
    let edition = LocalResource::new(move || {
        let lang = lang.get();
        async move { api::edition(&lang).await }
    });
    let alternates = RwSignal::new(vec![]);
    let retry = move || {
        site.refetch();
        edition.refetch();
    };
    let children = StoredValue::new(children);
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{move || i18n.get().skip_link}</a>
        <Transition fallback=|| view! { <ShellSkeleton/> }>
            <ErrorBoundary fallback=error_fallback(retry)>
                {move || Suspend::new(async move {
                    let site = site.await?;
                    let code = lang.get();
                    if !site.languages.iter().any(|l| l.code == code) {
                        return Err(ApiError::NotFound);
                    }
                    let edition = edition.await?;
                    prefs::language::remember_language(&code);
                    // Switched here, once the previous page is disposed, not in an effect that
                    // would re-run the old page's text against signals already gone.
                    apply_language(i18n, &code);
                    provide_context(Shell { lang, site, edition, alternates });
                    Ok::<_, ApiError>(frame_content(children))
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// The frame around a page once its language and edition are known. Kept out of line so that
/// the code that waits for the data stays small: WebAssembly functions are compiled when first
/// called, and this one is first called only when the data is there, in a task of its own.
#[inline(never)]
fn frame_content(children: StoredValue<ChildrenFn>) -> AnyView {
    view! {
        <Header/>
        <main id="main" tabindex="-1">{children.with_value(|c| c())}</main>
        <Footer/>
    }
    .into_any()
}

/// Sets the UI strings for a content language and `<html lang>` to the content language.
fn apply_language(i18n: I18n, lang: &str) {
    i18n.set_locale(ui_locale(lang));
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("lang", lang);
    }
}

/// Moves focus to the main content. Handled here because `<base href>` would turn a bare
/// `#main` link into a link to the site root.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        use wasm_bindgen::JsCast;
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
            main.scroll_into_view();
        }
    }
}

/// The frame's shape while `site.json` and the edition load.
#[component]
fn ShellSkeleton() -> impl IntoView {
    view! {
        <header class="site-header site-header--skeleton" aria-hidden="true"><div class="site-header__bar"></div></header>
        <main id="main" aria-busy="true"><FeedSkeleton/></main>
    }
}

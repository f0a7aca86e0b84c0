//! The frame around every page: header, main and footer for one language. It checks that the
//! language exists, loads its edition, and provides `context::FrameContext` to the page inside.
use crate::api::{self, ApiError};
use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::components::later::Later;
use crate::components::skeleton::FeedSkeleton;
use crate::context::{use_site_resource, FrameContext};
use crate::i18n::{use_i18n, I18n};
use crate::l10n::ui_locale;
use crate::pages::not_found::page_error_fallback;
use crate::prefs;
use leptos::prelude::*;

/// Header, main and footer around `children` for language `lang`; used by every page, including
/// the not-found page outside any language.
#[component]
pub(crate) fn Frame(lang: Memo<String>, children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    apply_language(i18n, &lang.get_untracked());
    let site = use_site_resource();
    let edition = LocalResource::new(move || {
        let lang = lang.get();
        async move { api::edition(&lang).await }
    });
    let translations = RwSignal::new(vec![]);
    let retry = move || {
        site.refetch();
        edition.refetch();
    };
    let children = StoredValue::new(children);
    // While the app starts, the frame and the page in it are drawn a task after the route that
    // matched (`Later`): shorter tasks block the reader's input less.
    view! {
        <Later>
            <Transition fallback=|| view! { <FrameSkeleton/> }>
                <ErrorBoundary fallback=page_error_fallback(retry)>
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
                        provide_context(FrameContext { lang, site, edition, translations });
                        Ok::<_, ApiError>(frame_content(children))
                    })}
                </ErrorBoundary>
            </Transition>
        </Later>
    }
}

/// The frame around a page once its language and edition are known (`FrameContext`): in the
/// browser, and when `./x publish` draws the page. Kept out of line so that the code that waits
/// for the data stays small: WebAssembly functions are compiled when first called, and this one
/// is first called only when the data is there, in a task of its own.
#[inline(never)]
pub(crate) fn frame_content(children: StoredValue<ChildrenFn>) -> AnyView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{i18n.get_untracked().skip_link}</a>
        <Header/>
        <main id="main" tabindex="-1"><Later>{children.with_value(|c| c())}</Later></main>
        <Later><Footer/></Later>
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
fn FrameSkeleton() -> impl IntoView {
    view! {
        <header class="site-header site-header--skeleton" aria-hidden="true"><div class="site-header__bar"></div></header>
        <main id="main" aria-busy="true"><FeedSkeleton/></main>
    }
}

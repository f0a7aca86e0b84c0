//! What the app shares through Leptos context, and the accessors that read it. It sits below
//! `components/` and `pages/` (it knows only `api`), so a component can ask for the site or
//! the edition without reaching up into the router that provides them.
use crate::api::{ApiError, Edition, Site};
use crate::route::Translation;
use leptos::prelude::*;
use std::sync::Arc;

/// `site.json`, loaded once per visit.
#[derive(Clone, Copy)]
pub(crate) struct SiteResource(pub LocalResource<Result<Arc<Site>, ApiError>>);

pub(crate) fn use_site_resource() -> LocalResource<Result<Arc<Site>, ApiError>> {
    expect_context::<SiteResource>().0
}

/// What every page inside a language knows about the frame around it (header, main, footer):
/// provided by `pages::frame::Frame` once the site and the language's edition are in.
#[derive(Clone)]
pub(crate) struct FrameContext {
    pub lang: Memo<String>,
    pub site: Arc<Site>,
    pub edition: Arc<Edition>,
    /// Translations of the page on screen; set by the article page.
    pub translations: RwSignal<Vec<Translation>>,
}

pub(crate) fn use_frame() -> FrameContext {
    expect_context::<FrameContext>()
}

/// What to start when the reader shows they are about to search in a language (the download of
/// the search page's module and of the language's searcher): provided by the router, which knows the pages, to the search box in the
/// header, which must not reach up into them.
#[derive(Clone, Copy)]
pub(crate) struct SearchIntent(pub fn(&str));

/// The frame, where there is one (not around a not-found message for an unknown language).
pub(crate) fn use_frame_opt() -> Option<FrameContext> {
    use_context::<FrameContext>()
}

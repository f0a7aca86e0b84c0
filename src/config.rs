//! Deployment settings read once from `index.html`, so one build serves any outlet and any
//! sub-path: the API base (`<meta name="gazette-api-base">`) and the public URL (`<base href>`).
//! Natively (`./x publish`) there is no page to read: publish sets the site URL it draws for.
use std::cell::OnceCell;
#[cfg(not(target_arch = "wasm32"))]
use std::cell::RefCell;

/// Where the API lives when `index.html` does not say.
pub const DEFAULT_API_BASE: &str = "api/v1/";

thread_local! {
    static API_BASE: OnceCell<String> = const { OnceCell::new() };
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static PUBLIC_BASE: OnceCell<String> = const { OnceCell::new() };
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    /// The absolute site URL publish draws pages for, ending in `/` (`https://example.com/news/`).
    static PUBLISHED_SITE: RefCell<String> = RefCell::new("http://localhost/".into());
}

/// Natively: draw the following pages for the site at `site_url` (absolute, ending in `/`).
#[cfg(not(target_arch = "wasm32"))]
pub fn publish_for(site_url: &str) {
    PUBLISHED_SITE.with(|s| *s.borrow_mut() = site_url.to_string());
}

/// Absolute URL of the API base, always ending in `/`.
pub fn api_base() -> String {
    API_BASE.with(|cell| cell.get_or_init(read_api_base).clone())
}

/// The path the app is served under, always starting and ending in `/` (`/` or `/news/`).
pub fn public_base() -> String {
    #[cfg(not(target_arch = "wasm32"))]
    return PUBLISHED_SITE.with(|s| path_of(&s.borrow()));
    #[cfg(target_arch = "wasm32")]
    PUBLIC_BASE.with(|cell| cell.get_or_init(read_public_base).clone())
}

/// The path of an absolute URL, ending in `/` (`https://h/news/` → `/news/`).
#[cfg(not(target_arch = "wasm32"))]
fn path_of(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    with_trailing_slash(after_scheme.find('/').map_or("/".into(), |i| after_scheme[i..].to_string()))
}

/// The router's base: the public path without its trailing slash (`""` at the root).
pub fn router_base() -> String {
    public_base().trim_end_matches('/').to_string()
}

/// An in-app path (`/en/politics`) as a path under the public base (`/news/en/politics`).
pub fn href(path: &str) -> String {
    format!("{}{}", router_base(), path)
}

/// The page's origin plus the public base: what canonical and share URLs start with.
pub fn site_root() -> String {
    #[cfg(not(target_arch = "wasm32"))]
    return PUBLISHED_SITE.with(|s| s.borrow().clone());
    #[cfg(target_arch = "wasm32")]
    {
        let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
        format!("{origin}{}", public_base())
    }
}

/// The in-app path (`/en/politics`) of a location pathname that may carry the public base
/// (`/news/en/politics`).
pub fn in_app_path(pathname: &str) -> String {
    let base = router_base();
    pathname.strip_prefix(base.as_str()).unwrap_or(pathname).to_string()
}

/// The absolute URL of an in-app path (`/en/politics` → `https://host/news/en/politics`), for
/// canonical, share and alternate links.
pub fn absolute_url(path: &str) -> String {
    format!("{}{}", site_root(), path.trim_start_matches('/'))
}

fn read_api_base() -> String {
    if cfg!(not(target_arch = "wasm32")) {
        return DEFAULT_API_BASE.into();
    }
    let document = web_sys::window().and_then(|w| w.document());
    let Some(document) = document else { return DEFAULT_API_BASE.into() };
    let content = document
        .query_selector("meta[name='gazette-api-base']")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .filter(|c| !c.trim().is_empty())
        .unwrap_or_else(|| DEFAULT_API_BASE.into());
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    let resolved = web_sys::Url::new_with_base(content.trim(), &base).map(|u| u.href()).unwrap_or(content);
    with_trailing_slash(resolved)
}

#[cfg(target_arch = "wasm32")]
fn read_public_base() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|b| web_sys::Url::new(&b).ok())
        .map(|u| u.pathname())
        .unwrap_or_else(|| "/".into());
    // Without a <base> tag baseURI is the page itself: only an explicit base names a sub-path.
    let has_base_tag = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("base[href]").ok().flatten())
        .is_some();
    if has_base_tag {
        with_trailing_slash(base)
    } else {
        "/".into()
    }
}

fn with_trailing_slash(mut s: String) -> String {
    if !s.ends_with('/') {
        s.push('/');
    }
    s
}

//! Deployment settings read once from `index.html`, so one build serves any outlet and any
//! sub-path: the API base (`<meta name="gazette-api-base">`) and the public URL (`<base href>`).
use std::cell::OnceCell;

/// Where the API lives when `index.html` does not say.
pub const DEFAULT_API_BASE: &str = "api/v1/";

thread_local! {
    static API_BASE: OnceCell<String> = const { OnceCell::new() };
    static PUBLIC_BASE: OnceCell<String> = const { OnceCell::new() };
}

/// Absolute URL of the API base, always ending in `/`.
pub fn api_base() -> String {
    API_BASE.with(|cell| cell.get_or_init(read_api_base).clone())
}

/// The path the app is served under, always starting and ending in `/` (`/` or `/news/`).
pub fn public_base() -> String {
    PUBLIC_BASE.with(|cell| cell.get_or_init(read_public_base).clone())
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
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{}", public_base())
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

fn read_public_base() -> String {
    if cfg!(not(target_arch = "wasm32")) {
        return "/".into();
    }
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

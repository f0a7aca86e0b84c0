//! The newsroom's JSON API: contract types, errors, and one function per document.
//! Pages call these; nothing else in the app knows URLs, HTTP or JSON.
mod client;
pub(crate) mod contract;
mod copies;
pub(crate) mod error;
#[cfg(test)]
mod fuzz;
pub(crate) mod json;

pub use client::get_published;
pub use contract::*;
pub use copies::{forget_copies, oldest_copy};
pub use error::ApiError;

use client::{get, get_fresh, segment};
use std::sync::Arc;

/// Result of an API call; documents are shared, never copied.
pub type ApiResult<T> = Result<Arc<T>, ApiError>;

/// The feed name of the home page.
pub const LATEST: &str = "latest";

pub fn site_path() -> String {
    "site.json".into()
}
pub fn edition_path(lang: &str) -> String {
    format!("{}/edition.json", segment(lang))
}
pub fn feed_path(lang: &str, feed: &str, page: u32) -> String {
    format!("{}/feeds/{}/{page}.json", segment(lang), segment(feed))
}
pub fn article_path(lang: &str, id: &str) -> String {
    format!("{}/articles/{}.json", segment(lang), segment(id))
}
pub fn most_read_path(lang: &str) -> String {
    format!("{}/most-read.json", segment(lang))
}
/// Every story of the language: the list publish reads (the app searches the Pagefind bundle).
#[cfg(not(target_arch = "wasm32"))]
pub fn search_index_path(lang: &str) -> String {
    format!("{}/search-index.json", segment(lang))
}

/// The absolute URL of a contract document (for the service worker, which keeps saved stories).
pub fn document_url(path: &str) -> String {
    client::join(&crate::config::api_base(), path)
}

pub async fn site() -> ApiResult<Site> {
    get(&site_path()).await
}
pub async fn edition(lang: &str) -> ApiResult<Edition> {
    get(&edition_path(lang)).await
}
pub async fn feed(lang: &str, feed: &str, page: u32) -> ApiResult<FeedChunk> {
    get(&feed_path(lang, feed, page)).await
}
/// A feed page as the API has it now, not as this session first read it (newer stories).
pub async fn fresh_feed(lang: &str, feed: &str, page: u32) -> ApiResult<FeedChunk> {
    get_fresh(&feed_path(lang, feed, page)).await
}
pub async fn article(lang: &str, id: &str) -> ApiResult<Article> {
    get(&article_path(lang, id)).await
}
pub async fn most_read(lang: &str) -> ApiResult<SummaryList> {
    get(&most_read_path(lang)).await
}

/// A feed page this session already has, for drawing it again without waiting.
pub fn cached_feed(lang: &str, feed: &str, page: u32) -> Option<Arc<FeedChunk>> {
    client::cached(&feed_path(lang, feed, page))
}

/// Natively, when publishing: a feed page read from the API folder, for the pages drawn next.
#[cfg(not(target_arch = "wasm32"))]
pub fn remember_feed(lang: &str, feed: &str, page: u32, chunk: Arc<FeedChunk>) {
    client::remember(&feed_path(lang, feed, page), chunk);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_follow_the_contract() {
        assert_eq!(edition_path("hy"), "hy/edition.json");
        assert_eq!(feed_path("en", LATEST, 3), "en/feeds/latest/3.json");
        assert_eq!(article_path("ru", "2041"), "ru/articles/2041.json");
        assert_eq!(most_read_path("az"), "az/most-read.json");
        assert_eq!(search_index_path("en"), "en/search-index.json");
    }

    #[test]
    fn ids_from_the_address_bar_stay_inside_the_api() {
        assert_eq!(article_path("en", "../../site"), "en/articles/..%2F..%2Fsite.json");
    }
}

//! One file per route. Pages turn URL parameters into API calls and hand the data to components.
pub mod article;
pub mod feed;
pub mod not_found;
pub mod root;
pub mod search;
pub mod split;
pub mod use_feed;

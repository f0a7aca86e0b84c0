//! One file per route. Pages turn URL parameters into API calls and hand the data to components.
mod article;
mod feed;
pub(crate) mod frame;
pub(crate) mod not_found;
pub(crate) mod root;
mod search;
pub(crate) mod split;
mod use_feed;

//! One file per route. Pages turn URL parameters into API calls and hand the data to components.
pub(crate) mod article;
pub(crate) mod feed;
pub(crate) mod frame;
mod new_stories;
pub(crate) mod not_found;
pub(crate) mod root;
mod saved;
mod search;
pub(crate) mod split;
pub(crate) mod use_feed;

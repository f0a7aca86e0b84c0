//! Gazette: a news site front end for any newsroom's static JSON API.
//!
//! `app` holds the router and the page frame; `pages` one file per route; `components` the
//! shared pieces; `api` the contract and the only HTTP client; `prefs` what the reader chose;
//! `boot` the hand-over from `index.html` (its started requests, its shell and preview);
//! `format`, `links`, `search` and `l10n` are plain logic with native tests.
pub mod api;
pub mod app;
pub mod boot;
pub mod components;
pub mod config;
pub mod format;
pub mod i18n;
pub mod l10n;
pub mod links;
pub mod nav;
pub mod pages;
pub mod panic_screen;
pub mod prefs;
pub mod search;

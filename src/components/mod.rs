//! Shared pieces of the page. Components receive data; they never call the API themselves,
//! except where noted (none today).
pub mod ad_slot;
pub mod article_body;
pub mod copy_link;
pub mod error_view;
pub mod footer;
pub mod header;
pub mod icons;
pub mod language_switch;
pub mod most_read;
pub mod search_box;
pub mod section_box;
pub mod share_bar;
pub mod skeleton;
pub mod story_card;
pub mod text_size_controls;
pub mod theme_toggle;

//! Shared pieces of the page. Components receive data; they never call the API themselves,
//! except where noted (none today).
pub(crate) mod ad_slot;
pub(crate) mod app_notes;
pub(crate) mod article_body;
pub(crate) mod copy_link;
pub(crate) mod error_view;
pub(crate) mod footer;
pub(crate) mod head_tags;
pub(crate) mod header;
pub(crate) mod icons;
pub(crate) mod language_switch;
pub(crate) mod later;
pub(crate) mod low_data_toggle;
pub(crate) mod most_read;
pub(crate) mod save_button;
pub(crate) mod search_box;
pub(crate) mod section_box;
pub(crate) mod share_bar;
pub(crate) mod skeleton;
pub(crate) mod story_card;
pub(crate) mod text_size_controls;
pub(crate) mod theme_toggle;

//! Reader preferences that live only in this browser: theme, text size, language, low-data mode
//! and the reading list.
pub(crate) mod language;
pub(crate) mod low_data;
pub(crate) mod reading_list;
pub(crate) mod storage;
pub(crate) mod text_size;
pub(crate) mod theme;

//! Reader preferences that live only in this browser: theme, text size and language.
pub(crate) mod language;
pub(crate) mod storage;
pub(crate) mod text_size;
pub(crate) mod theme;

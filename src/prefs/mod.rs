//! Reader preferences that live only in this browser: theme, text size and language.
pub mod language;
pub mod storage;
pub mod text_size;
pub mod theme;

pub use text_size::TextSize;
pub use theme::Theme;

//! Night theme: the reader's choice (or the system's), kept in `<html data-theme>`.
//! `index.html` applies the saved choice before first paint; this keeps it in step afterwards.
use super::storage::{self, THEME_KEY};
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

/// What the reader chose: nothing (follow the system), or a theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeChoice {
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    /// Reads a stored value; anything unknown or corrupt means "follow the system".
    pub fn parse(stored: Option<&str>) -> Self {
        match stored.map(str::trim) {
            Some("dark") => ThemeChoice::Dark,
            Some("light") => ThemeChoice::Light,
            _ => ThemeChoice::System,
        }
    }

    /// Whether the page is dark, given whether the system prefers dark.
    pub fn is_dark(self, system_dark: bool) -> bool {
        match self {
            ThemeChoice::System => system_dark,
            ThemeChoice::Light => false,
            ThemeChoice::Dark => true,
        }
    }
}

/// The theme state shared by the header's controls.
#[derive(Clone, Copy)]
pub struct Theme {
    pub choice: RwSignal<ThemeChoice>,
    pub system_dark: RwSignal<bool>,
}

impl Theme {
    pub fn is_dark(&self) -> bool {
        self.choice.get().is_dark(self.system_dark.get())
    }

    /// Flips the page between light and dark and remembers it.
    pub fn toggle(&self) {
        let next = if self.is_dark() { ThemeChoice::Light } else { ThemeChoice::Dark };
        self.choice.set(next);
        storage::set(THEME_KEY, if next == ThemeChoice::Dark { "dark" } else { "light" });
    }

    /// Forgets the choice, so the page follows the system again.
    pub fn follow_system(&self) {
        self.choice.set(ThemeChoice::System);
        storage::remove(THEME_KEY);
    }
}

/// Creates the theme state, keeps `data-theme` (and `data-theme-chosen`) in step and follows
/// system changes.
pub fn provide_theme() -> Theme {
    let query = window().match_media("(prefers-color-scheme: dark)").ok().flatten();
    let theme = Theme {
        choice: RwSignal::new(ThemeChoice::parse(storage::get(THEME_KEY).as_deref())),
        system_dark: RwSignal::new(query.as_ref().is_some_and(|q| q.matches())),
    };
    if let Some(query) = query {
        let system_dark = theme.system_dark;
        let on_change = Closure::<dyn Fn(web_sys::MediaQueryList)>::new(move |q: web_sys::MediaQueryList| {
            system_dark.set(q.matches())
        });
        let _ = query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        on_change.forget(); // lives as long as the page
    }
    Effect::new(move |_| {
        let dark = theme.is_dark();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("data-theme", if dark { "dark" } else { "light" });
            // What shows "Use system theme" (the pre-paint script sets it from storage).
            let _ = match theme.choice.get() {
                ThemeChoice::System => html.remove_attribute("data-theme-chosen"),
                _ => html.set_attribute("data-theme-chosen", ""),
            };
        }
        // The phone's browser bar follows the page (values match --bg in style/main.css).
        if let Ok(Some(meta)) = document().query_selector("meta[name='theme-color']") {
            let _ = meta.set_attribute("content", if dark { "#121418" } else { "#ffffff" });
        }
    });
    provide_context(theme);
    theme
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_values_fall_back_to_the_system() {
        assert_eq!(ThemeChoice::parse(Some("dark")), ThemeChoice::Dark);
        assert_eq!(ThemeChoice::parse(Some("light")), ThemeChoice::Light);
        for junk in [None, Some(""), Some("DARK!"), Some("{\"a\":1}"), Some("\u{0}")] {
            assert_eq!(ThemeChoice::parse(junk), ThemeChoice::System);
        }
    }

    #[test]
    fn the_system_decides_only_without_a_choice() {
        assert!(ThemeChoice::System.is_dark(true));
        assert!(!ThemeChoice::System.is_dark(false));
        assert!(!ThemeChoice::Light.is_dark(true));
        assert!(ThemeChoice::Dark.is_dark(false));
    }
}

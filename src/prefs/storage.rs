//! `localStorage` that never throws: private modes, blocked cookies and full quotas make the
//! browser refuse, and then preferences simply live in memory for the visit.

/// Keys shared with the pre-paint script in `index.html`; change both together.
pub const THEME_KEY: &str = "gazette.theme";
pub const TEXT_SIZE_KEY: &str = "gazette.text-size";
pub const LANGUAGE_KEY: &str = "gazette.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn set(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

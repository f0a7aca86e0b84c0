//! `localStorage` that never throws: private modes, blocked cookies and full quotas make the
//! browser refuse, and then preferences simply live in memory for the visit.

/// Keys shared with the pre-paint script in `index.html`; change both together.
pub const THEME_KEY: &str = "gazette.theme";
pub const TEXT_SIZE_KEY: &str = "gazette.text-size";
pub const LANGUAGE_KEY: &str = "gazette.lang";
/// The reading list (`prefs/reading_list.rs`).
pub const SAVED_KEY: &str = "gazette.saved";
/// Low-data mode, shared with the pre-paint script.
pub const LOW_DATA_KEY: &str = "gazette.low-data";

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

/// Whether the browser keeps what is stored (it may refuse every write, or have no storage).
pub fn works() -> bool {
    const PROBE: &str = "gazette.probe";
    let Some(s) = storage() else { return false };
    let written = s.set_item(PROBE, "1").is_ok();
    let _ = s.remove_item(PROBE);
    written
}

//! Low-data mode: pictures in feeds and articles are left out, their captions kept as text. The
//! reader's choice, or the browser's Save-Data hint (`navigator.connection.saveData`) when they
//! made none. `<html data-low-data>` carries it, set by `index.html`'s pre-paint script from the
//! same key: CSS hides the pictures and lays the cards out without them (a published page too,
//! before the app arrives), and the app makes every picture `lazy`, which a browser does not
//! fetch while it is hidden.
use super::storage::{self, LOW_DATA_KEY};
use leptos::prelude::*;

/// Whether pictures are left out, from the stored choice (`on`/`off`) or else the browser's hint.
pub fn parse(stored: Option<&str>, save_data_hint: bool) -> bool {
    match stored.map(str::trim) {
        Some("on") => true,
        Some("off") => false,
        _ => save_data_hint,
    }
}

#[derive(Clone, Copy)]
pub struct LowData {
    pub on: RwSignal<bool>,
}

impl LowData {
    pub fn toggle(&self) {
        let on = !self.on.get_untracked();
        self.on.set(on);
        storage::set(LOW_DATA_KEY, if on { "on" } else { "off" });
    }
}

/// A picture's `loading`: in low-data mode always `lazy`, so that the picture CSS hides
/// (`html[data-low-data]`) is never fetched; else `eager` for the first pictures on screen.
pub fn picture_loading(eager: bool) -> &'static str {
    let low = use_context::<LowData>().is_some_and(|low| low.on.get());
    if eager && !low {
        "eager"
    } else {
        "lazy"
    }
}

pub fn provide_low_data() {
    let low = LowData { on: RwSignal::new(parse(storage::get(LOW_DATA_KEY).as_deref(), save_data_hint())) };
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = if low.on.get() {
                html.set_attribute("data-low-data", "")
            } else {
                html.remove_attribute("data-low-data")
            };
        }
    });
    provide_context(low);
}

/// `navigator.connection.saveData`, where the browser has it.
fn save_data_hint() -> bool {
    use js_sys::Reflect;
    let Some(window) = web_sys::window() else { return false };
    Reflect::get(&window.navigator(), &"connection".into())
        .ok()
        .filter(|c| c.is_object())
        .and_then(|c| Reflect::get(&c, &"saveData".into()).ok())
        .is_some_and(|s| s.is_truthy())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readers_choice_wins_over_the_browsers_hint() {
        assert!(parse(Some("on"), false));
        assert!(!parse(Some("off"), true));
        assert!(parse(None, true));
        assert!(!parse(None, false));
        assert!(parse(Some("garbage"), true));
        assert!(!parse(Some("garbage"), false));
    }
}

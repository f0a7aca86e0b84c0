//! A Rust panic stops the WebAssembly instance; without this the reader would be left with a
//! frozen, half-drawn page. The hook logs the panic and replaces the page with a clear message
//! and a reload link, in the language of the page.
use crate::i18n::strings;
use crate::l10n::ui_locale;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        show(&info.to_string());
    }));
}

fn show(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    let lang = document.document_element().map(|h| h.get_attribute("lang").unwrap_or_default()).unwrap_or_default();
    let locale = ui_locale(&lang);
    let build = || -> Option<web_sys::Element> {
        let screen = document.create_element("div").ok()?;
        screen.set_attribute("role", "alert").ok()?;
        screen.set_attribute("class", "panic-screen").ok()?;
        let title = document.create_element("h1").ok()?;
        title.set_text_content(Some(strings(locale).error.panic));
        let link = document.create_element("a").ok()?;
        link.set_attribute("href", &web_sys::window()?.location().href().ok()?).ok()?;
        link.set_text_content(Some(strings(locale).error.reload));
        let code = document.create_element("pre").ok()?;
        code.set_text_content(Some(detail));
        screen.append_child(&title).ok()?;
        screen.append_child(&link).ok()?;
        screen.append_child(&code).ok()?;
        Some(screen)
    };
    if let Some(screen) = build() {
        body.set_text_content(None);
        let _ = body.append_child(&screen);
    }
}

//! The UI strings in every UI language, and which language the page speaks now.
//!
//! The strings come from `locales/*.json`, compiled in by `build.rs` (see `codegen`): a key
//! missing in one language, or one the code asks for that no file has, does not build. The
//! current language is one signal in context; views read it with `use_i18n().get()` (tracked)
//! or `get_untracked()` where the view is drawn anew for each language anyway.
//!
//! Not leptos_i18n, which the house stack suggests: measured on a bare Leptos app, its context
//! provider alone (browser-language negotiation with ICU locale parsing, a cookie, `<Html>`)
//! costs 16 KB brotli of WebAssembly, against 3 KB for this, and Gazette's language comes from
//! the URL, not from negotiation. ARCHITECTURE.md, "Where the bytes go", has the figures.
use leptos::prelude::*;

#[cfg(test)]
pub(crate) mod codegen;

include!(concat!(env!("OUT_DIR"), "/strings.rs"));

/// The current UI language, shared by every view through context.
#[derive(Clone, Copy)]
pub struct I18n(RwSignal<Locale>);

impl I18n {
    /// The current language's strings; the caller re-runs when the language changes.
    pub fn get(self) -> &'static Strings {
        strings(self.0.get())
    }

    /// The current language's strings, without subscribing to changes.
    pub fn get_untracked(self) -> &'static Strings {
        strings(self.0.get_untracked())
    }

    pub fn get_locale_untracked(self) -> Locale {
        self.0.get_untracked()
    }

    pub fn set_locale(self, locale: Locale) {
        if self.0.get_untracked() != locale {
            self.0.set(locale);
        }
    }
}

/// Puts the UI language in context, starting with the default one.
pub fn provide_i18n() {
    provide_context(I18n(RwSignal::new(Locale::default())));
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// `template` with each `{{ name }}` replaced by its value from `values`; used by the generated
/// methods of texts with placeholders (which guarantee every name has a value).
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        out.push_str(&rest[..start]);
        let name = after[..end].trim();
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&rest[start..start + 2 + end + 2]),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_each_value_in_its_place_and_keeps_the_rest() {
        assert_eq!(fill("© {{ site }} {{year}}", &[("site", "Gazette"), ("year", "2026")]), "© Gazette 2026");
        assert_eq!(fill("{{ n }} and {{ n }}", &[("n", "1")]), "1 and 1");
        assert_eq!(fill("no {{ such }} name", &[("n", "1")]), "no {{ such }} name");
        assert_eq!(fill("“{{ q }}”", &[("q", "{{ q }}")]), "“{{ q }}”", "values are not filled in again");
        assert_eq!(fill("open {{ end", &[]), "open {{ end");
    }

    #[test]
    fn every_language_has_its_own_strings_and_methods_fill_them() {
        let default = strings(Locale::default());
        for locale in Locale::ALL {
            let own = strings(locale);
            if locale != Locale::default() {
                // Each language's value is its own, not the default language's reused.
                assert_ne!(own.nav.sections, default.nav.sections, "{}", locale.as_str());
            }
            // Placeholders are filled in every language, whatever the words around them.
            assert!(own.article.views("1,234").contains("1,234"), "{}", locale.as_str());
            let line = own.footer.copyright("Gazette", "2026");
            assert!(
                line.contains("Gazette") && line.contains("2026") && !line.contains("{{"),
                "{}: {line}",
                locale.as_str()
            );
        }
    }
}

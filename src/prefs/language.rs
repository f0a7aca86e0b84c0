//! Which language a reader lands in at `/`: the one they last read, else the best match of the
//! browser's languages, else the outlet's default.
use super::storage::{self, LANGUAGE_KEY};

/// Picks a language code from what the outlet publishes (`available`).
pub fn pick_language(saved: Option<&str>, browser: &[String], available: &[String], default: &str) -> String {
    let find = |wanted: &str| available.iter().find(|a| a.eq_ignore_ascii_case(wanted)).cloned();
    if let Some(found) = saved.and_then(find) {
        return found;
    }
    for tag in browser {
        if let Some(found) = find(tag) {
            return found;
        }
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if let Some(found) = find(primary) {
            return found;
        }
    }
    find(default).or_else(|| available.first().cloned()).unwrap_or_else(|| default.to_string())
}

/// The language the reader last read in, if storage allows.
pub fn saved_language() -> Option<String> {
    storage::get(LANGUAGE_KEY)
}

/// Remembers the language being read, for the next visit to `/`.
pub fn remember_language(code: &str) {
    if saved_language().as_deref() != Some(code) {
        storage::set(LANGUAGE_KEY, code);
    }
}

/// `navigator.languages`, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else { return vec![] };
    window.navigator().languages().iter().filter_map(|v| v.as_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(codes: &[&str]) -> Vec<String> {
        codes.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn saved_language_wins_when_published() {
        let available = langs(&["en", "ru", "hy"]);
        assert_eq!(pick_language(Some("hy"), &langs(&["ru"]), &available, "en"), "hy");
        assert_eq!(pick_language(Some("xx"), &langs(&["ru-RU"]), &available, "en"), "ru");
        assert_eq!(pick_language(Some("<script>"), &[], &available, "en"), "en");
    }

    #[test]
    fn browser_languages_match_by_tag_or_primary_subtag() {
        let available = langs(&["en", "ru", "hy", "az"]);
        assert_eq!(pick_language(None, &langs(&["de-DE", "az-Latn-AZ", "ru"]), &available, "en"), "az");
        assert_eq!(pick_language(None, &langs(&["HY"]), &available, "en"), "hy");
        assert_eq!(pick_language(None, &langs(&["fr", "de"]), &available, "ru"), "ru");
    }

    #[test]
    fn an_unlisted_default_falls_back_to_the_first_language() {
        assert_eq!(pick_language(None, &[], &langs(&["fr", "en"]), "xx"), "fr");
    }
}

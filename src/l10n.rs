//! Language-aware formatting on top of the compiled UI strings: which UI locale serves a content
//! language, and dates and counts in that locale's words.
use crate::format::{format_date_time, group_digits, parse_rfc3339};
use crate::i18n::{strings, Locale};

/// The UI strings for a content language; languages without UI strings read English UI.
pub fn ui_locale(lang: &str) -> Locale {
    Locale::ALL.into_iter().find(|l| l.as_str().eq_ignore_ascii_case(lang)).unwrap_or_default()
}

/// Open Graph's locale (`ll_CC`) for a content language: the one the site names for it, else
/// the region in its code (`en-GB`), else the country most of its readers are in; `None` for a
/// language this table does not know (the tag is then left out rather than guessed).
pub fn og_locale(lang: &str, named: Option<&str>) -> Option<String> {
    let tag = named.unwrap_or(lang).replace('-', "_");
    let mut parts = tag.split('_');
    let language = parts.next().filter(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()))?;
    let language = language.to_ascii_lowercase();
    let region = parts.find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()));
    let region = match region {
        Some(region) => region.to_ascii_uppercase(),
        None => LIKELY_REGIONS.iter().find(|(l, _)| *l == language)?.1.to_string(),
    };
    Some(format!("{language}_{region}"))
}

/// The country most readers of a language are in (CLDR's likely subtags), for the languages a
/// newsroom in the region is likely to publish in.
const LIKELY_REGIONS: [(&str, &str); 44] = [
    ("ar", "EG"),
    ("az", "AZ"),
    ("be", "BY"),
    ("bg", "BG"),
    ("bn", "BD"),
    ("cs", "CZ"),
    ("da", "DK"),
    ("de", "DE"),
    ("el", "GR"),
    ("en", "US"),
    ("es", "ES"),
    ("et", "EE"),
    ("fa", "IR"),
    ("fi", "FI"),
    ("fr", "FR"),
    ("he", "IL"),
    ("hi", "IN"),
    ("hr", "HR"),
    ("hu", "HU"),
    ("hy", "AM"),
    ("id", "ID"),
    ("it", "IT"),
    ("ja", "JP"),
    ("ka", "GE"),
    ("kk", "KZ"),
    ("ko", "KR"),
    ("ky", "KG"),
    ("lt", "LT"),
    ("lv", "LV"),
    ("nl", "NL"),
    ("pl", "PL"),
    ("pt", "BR"),
    ("ro", "RO"),
    ("ru", "RU"),
    ("sk", "SK"),
    ("sr", "RS"),
    ("sv", "SE"),
    ("tg", "TJ"),
    ("th", "TH"),
    ("tr", "TR"),
    ("uk", "UA"),
    ("uz", "UZ"),
    ("vi", "VN"),
    ("zh", "CN"),
];

/// The month's name as it stands after a day number ("29 апреля").
pub fn month_name(locale: Locale, month: u8) -> &'static str {
    let date = &strings(locale).date;
    match month {
        1 => date.m01,
        2 => date.m02,
        3 => date.m03,
        4 => date.m04,
        5 => date.m05,
        6 => date.m06,
        7 => date.m07,
        8 => date.m08,
        9 => date.m09,
        10 => date.m10,
        11 => date.m11,
        _ => date.m12,
    }
}

/// "29 April 2025 21:30" in the locale's words; the raw text if the API sent a malformed time.
pub fn date_time(locale: Locale, raw: &str) -> String {
    match parse_rfc3339(raw) {
        Some(t) => format_date_time(&t, month_name(locale, t.month), strings(locale).date.joiner),
        None => raw.to_string(),
    }
}

/// A count with the locale's digit grouping ("1,234,567", "1 234 567").
pub fn count(locale: Locale, n: u64) -> String {
    group_digits(n, strings(locale).number.group_separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WHEN: &str = "2025-04-29T21:30:00+04:00";

    #[test]
    fn open_graph_locales_are_language_and_country() {
        assert_eq!(og_locale("en", None).as_deref(), Some("en_US"));
        assert_eq!(og_locale("hy", None).as_deref(), Some("hy_AM"));
        assert_eq!(og_locale("en-GB", None).as_deref(), Some("en_GB"), "a code's own region wins");
        assert_eq!(og_locale("en", Some("en_AU")).as_deref(), Some("en_AU"), "the site's own locale wins");
        assert_eq!(og_locale("xx", None), None, "an unknown language is left out, not guessed");
        assert_eq!(og_locale("<b>", Some("\"")), None);
    }

    #[test]
    fn dates_read_naturally_in_every_language() {
        assert_eq!(date_time(Locale::en, WHEN), "29 April 2025 21:30");
        assert!(date_time(Locale::hy, WHEN).starts_with("29 ապրիլի 2025"));
        assert!(date_time(Locale::az, WHEN).starts_with("29 aprel 2025"));
        assert_eq!(date_time(Locale::ru, WHEN), "29 апреля 2025, 21:30");
    }

    #[test]
    fn every_month_has_a_distinct_name_in_every_language() {
        for locale in Locale::ALL {
            let names: std::collections::HashSet<_> = (1..=12).map(|m| month_name(locale, m)).collect();
            assert_eq!(names.len(), 12, "{locale:?}");
            assert!(names.iter().all(|n| !n.trim().is_empty()));
        }
    }

    #[test]
    fn counts_group_digits_per_language() {
        assert_eq!(count(Locale::en, 1_234_567), "1,234,567");
        assert_eq!(count(Locale::ru, 1_234_567), "1\u{a0}234\u{a0}567");
        assert_eq!(count(Locale::az, 1_234_567), "1.234.567");
    }

    #[test]
    fn malformed_times_are_shown_as_sent() {
        assert_eq!(date_time(Locale::en, "soon"), "soon");
    }

    #[test]
    fn unknown_content_languages_fall_back_to_english_ui() {
        assert_eq!(ui_locale("fr"), Locale::en);
        assert_eq!(ui_locale("RU"), Locale::ru);
    }

    /// The build already refuses a key missing in one locale (src/i18n/codegen.rs); this also
    /// catches a key left empty or copied over untranslated from English.
    #[test]
    fn every_locale_has_every_key_translated() {
        fn keys(prefix: &str, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
            match v {
                serde_json::Value::Object(m) => m.iter().for_each(|(k, v)| keys(&format!("{prefix}{k}."), v, out)),
                serde_json::Value::String(s) => out.push((prefix.trim_end_matches('.').into(), s.clone())),
                _ => panic!("unexpected value at {prefix}"),
            }
        }
        let flat = |v: &serde_json::Value| {
            let mut out = vec![];
            keys("", v, &mut out);
            out
        };
        let files = crate::i18n::codegen::read_locales(concat!(env!("CARGO_MANIFEST_DIR"), "/locales")).unwrap();
        let compiled: Vec<_> = Locale::ALL.iter().map(|l| l.as_str()).collect();
        assert_eq!(
            files.iter().map(|(code, _)| code.as_str()).collect::<Vec<_>>(),
            compiled,
            "every locale file is compiled in"
        );
        let (_, english_file) = &files[0];
        let en = flat(english_file);
        // Brand names and formats may legitimately match English.
        let same_allowed = ["footer.copyright", "date.joiner", "number.group_separator"];
        for (l, file) in &files[1..] {
            let other: std::collections::HashMap<_, _> = flat(file).into_iter().collect();
            assert_eq!(other.len(), en.len(), "{l} key count");
            for (key, english) in &en {
                let text = other.get(key).unwrap_or_else(|| panic!("{l} lacks {key}"));
                let blank = if same_allowed.contains(&key.as_str()) { text.is_empty() } else { text.trim().is_empty() };
                assert!(!blank, "{l}.{key} is empty");
                if !same_allowed.contains(&key.as_str()) {
                    assert_ne!(text, english, "{l}.{key} is untranslated");
                }
            }
        }
    }
}

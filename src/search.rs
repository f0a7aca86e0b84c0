//! Client-side search over a language's `search-index.json`: folding text so that case and
//! diacritics do not matter in any script, matching every query word, ranking, and highlighting.
use crate::api::Summary;
use crate::format::parse_rfc3339;

/// Folds one character for matching: lower case, Latin diacritics and Azerbaijani letters to their
/// base letter, Cyrillic ё to е. Always one char for one char, so positions carry over to the text.
pub fn fold_char(c: char) -> char {
    let lower = match c {
        'İ' | 'I' => 'i',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(one), None) => one,
                _ => c,
            }
        }
    };
    match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'ə' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'į' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ё' => 'е',
        other => other,
    }
}

/// Folds a whole text (see [`fold_char`]).
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// The query's words, folded; punctuation separates words.
pub fn query_words(query: &str) -> Vec<String> {
    fold(query).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// An index entry with its text folded once, when the index arrives, not on every keystroke.
pub struct Entry {
    pub summary: Summary,
    title: String,
    lead: String,
    published: i64,
}

/// A language's search index, ready to query.
pub struct SearchIndex {
    entries: Vec<Entry>,
}

impl SearchIndex {
    pub fn new(items: &[Summary]) -> Self {
        let entries = items
            .iter()
            .map(|s| Entry {
                title: fold(&s.title),
                lead: fold(&s.lead),
                published: parse_rfc3339(&s.published_at).map_or(i64::MIN, |t| t.epoch_minutes()),
                summary: s.clone(),
            })
            .collect();
        SearchIndex { entries }
    }

    /// Stories holding every query word in the title or lead; title matches first, then newest.
    pub fn search(&self, query: &str) -> Vec<&Summary> {
        let words = query_words(query);
        if words.is_empty() {
            return vec![];
        }
        let mut hits: Vec<(&Entry, usize)> = self
            .entries
            .iter()
            .filter_map(|e| {
                let mut in_title = 0;
                for w in &words {
                    if e.title.contains(w.as_str()) {
                        in_title += 1;
                    } else if !e.lead.contains(w.as_str()) {
                        return None;
                    }
                }
                Some((e, in_title))
            })
            .collect();
        hits.sort_by(|(a, at), (b, bt)| bt.cmp(at).then(b.published.cmp(&a.published)));
        hits.into_iter().map(|(e, _)| &e.summary).collect()
    }
}

/// Splits `text` into runs, each marked whether it matches a query word, for highlighting.
pub fn highlight(text: &str, words: &[String]) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<char> = chars.iter().copied().map(fold_char).collect();
    let mut marked = vec![false; chars.len()];
    for word in words {
        let w: Vec<char> = word.chars().collect();
        if w.is_empty() || w.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - w.len() {
            if folded[start..start + w.len()] == w[..] {
                marked[start..start + w.len()].iter_mut().for_each(|m| *m = true);
            }
        }
    }
    let mut runs: Vec<(String, bool)> = vec![];
    for (c, m) in chars.into_iter().zip(marked) {
        match runs.last_mut() {
            Some((run, mark)) if *mark == m => run.push(c),
            _ => runs.push((c.to_string(), m)),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(id: &str, title: &str, lead: &str, when: &str) -> Summary {
        Summary {
            id: id.into(),
            slug: "s".into(),
            section: "x".into(),
            title: title.into(),
            lead: lead.into(),
            published_at: when.into(),
            views: 0,
            image: None,
        }
    }

    #[test]
    fn folding_ignores_case_and_diacritics_across_scripts() {
        assert_eq!(fold("Əhməd İŞÇİ ĞÖÜ ı"), "ehmed isci gou i");
        assert_eq!(fold("Ёлка ЁЖ"), "елка еж");
        assert_eq!(fold("Café Zürich"), "cafe zurich");
        assert_eq!(fold("ԵՐԵՎԱՆ Երևան"), "երեվան երևան");
        for s in ["İstanbul", "Ə", "ẞ", "ǅ"] {
            assert_eq!(fold(s).chars().count(), s.chars().count(), "{s}");
        }
    }

    #[test]
    fn every_word_must_match_and_titles_rank_first() {
        let items = vec![
            story("lead-only", "Budget", "Parliament debates the şəhər budget", "2025-04-29T10:00:00+04:00"),
            story("title-old", "Şəhər budget approved", "", "2025-04-01T10:00:00+04:00"),
            story("title-new", "Seher budget vote", "", "2025-04-20T10:00:00+04:00"),
            story("one-word", "Budget news", "", "2025-04-30T10:00:00+04:00"),
        ];
        let index = SearchIndex::new(&items);
        let ids: Vec<_> = index.search("SEHER budget").iter().map(|s| s.id.clone()).collect();
        assert_eq!(ids, ["title-new", "title-old", "lead-only"]);
        assert!(index.search("   ").is_empty());
        assert!(index.search("budget zebra").is_empty());
    }

    #[test]
    fn cyrillic_and_armenian_queries_match() {
        let items = vec![
            story("ru", "Новогодняя ёлка на площади", "", "2025-01-01T00:00:00+04:00"),
            story("hy", "Երևանում բացվեց նոր թանգարան", "", "2025-01-01T00:00:00+04:00"),
        ];
        let index = SearchIndex::new(&items);
        assert_eq!(index.search("ЕЛКА")[0].id, "ru");
        assert_eq!(index.search("երևանում")[0].id, "hy");
        assert_eq!(index.search("ԹԱՆԳԱՐԱՆ")[0].id, "hy");
    }

    #[test]
    fn highlighting_marks_matches_in_the_original_text() {
        let runs = highlight("Şəhər <b>budget</b>", &query_words("seher"));
        assert_eq!(runs, vec![("Şəhər".to_string(), true), (" <b>budget</b>".to_string(), false)]);
        assert_eq!(highlight("abc", &[]), vec![("abc".to_string(), false)]);
    }

    use proptest::prelude::*;

    /// A word in Latin (with Azerbaijani letters), Cyrillic or Armenian script.
    fn word() -> impl Strategy<Value = String> {
        "[a-zA-Zəşğıöüçİ\\p{Cyrillic}\\p{Armenian}&&\\p{L}]{1,8}"
    }

    fn stories() -> impl Strategy<Value = Vec<Summary>> {
        let line = || prop::collection::vec(word(), 1..6).prop_map(|w| w.join(" "));
        prop::collection::vec((line(), line(), 0..2_000i64), 1..30).prop_map(|items| {
            items
                .into_iter()
                .enumerate()
                .map(|(i, (title, lead, minute))| {
                    let when =
                        format!("2026-11-{:02}T{:02}:{:02}:00+04:00", 1 + minute / 1440, minute / 60 % 24, minute % 60);
                    story(&i.to_string(), &title, &lead, &when)
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn every_hit_holds_every_word_and_a_title_word_finds_its_story(items in stories(), pick in any::<prop::sample::Index>(), query in ".{0,20}") {
            let index = SearchIndex::new(&items);
            let words = query_words(&query);
            for hit in index.search(&query) {
                let (title, lead) = (fold(&hit.title), fold(&hit.lead));
                prop_assert!(words.iter().all(|w| title.contains(w.as_str()) || lead.contains(w.as_str())), "{query:?} matched {:?}", hit.title);
            }
            let wanted = pick.get(&items);
            let word = wanted.title.split(' ').next().unwrap();
            prop_assert!(index.search(word).iter().any(|s| s.id == wanted.id), "{word:?} did not find {:?}", wanted.title);
            let runs = highlight(&wanted.title, &query_words(word));
            prop_assert_eq!(runs.iter().map(|(r, _)| r.as_str()).collect::<String>(), wanted.title.clone());
            prop_assert!(runs.iter().any(|(_, marked)| *marked), "{word:?} is highlighted in {:?}", wanted.title);
        }
    }
}

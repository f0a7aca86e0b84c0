//! What search needs besides its engine (Pagefind, `pagefind.rs` in the browser,
//! `publish/search_index.rs` when publishing): folding text so that case and diacritics do not
//! matter in any script, and the excerpt and highlights of a result, drawn as text.

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

/// Letters that Unicode decomposition does not take apart, so that the search engine (Pagefind,
/// which folds what decomposition removes: é→e, ё→е, Ş→S) would not find them by their base
/// letter: Azerbaijani ə and dotless ı, ł, đ, ø. Case is kept, one char for one char, so that
/// words and their count stay as they were.
fn fold_undecomposed(c: char) -> char {
    match c {
        'ə' => 'e',
        'Ə' => 'E',
        'ı' => 'i',
        'ł' => 'l',
        'Ł' => 'L',
        'đ' => 'd',
        'Đ' => 'D',
        'ø' => 'o',
        'Ø' => 'O',
        other => other,
    }
}

/// `text` as the search index holds it and a query is asked: [`fold_undecomposed`] applied.
pub fn fold_for_index(text: &str) -> String {
    text.chars().map(fold_undecomposed).collect()
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
    let mut runs = vec![];
    for (c, m) in chars.into_iter().zip(marked) {
        push_run(&mut runs, c.encode_utf8(&mut [0; 4]), m);
    }
    runs
}

/// Adds `text` to `runs`, joining the last run when it is marked the same.
fn push_run(runs: &mut Vec<(String, bool)>, text: &str, mark: bool) {
    match runs.last_mut() {
        Some((run, m)) if *m == mark => run.push_str(text),
        _ => runs.push((text.to_string(), mark)),
    }
}

/// The words of a result's text, as the engine counts them (any run of whitespace is one gap).
fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

/// Up to `length` words of `text` around the densest run of the matched words (`locations`,
/// word positions as the engine gives them), as runs marked whether they matched, with `…` where
/// the text goes on.
pub fn excerpt(text: &str, locations: &[usize], length: usize) -> Vec<(String, bool)> {
    let words = words(text);
    let length = length.min(words.len());
    let hit: Vec<bool> = (0..words.len()).map(|i| locations.contains(&i)).collect();
    let count = |start: usize| hit[start..start + length].iter().filter(|h| **h).count();
    // The first window with the most matches, then centred on them where the text allows.
    let best = (0..=words.len() - length).max_by_key(|&start| (count(start), std::cmp::Reverse(start))).unwrap_or(0);
    let matched: Vec<usize> = (best..best + length).filter(|&i| hit[i]).collect();
    let start = match (matched.first(), matched.last()) {
        // Every match of the window stays in it: from `last - length + 1` to `first`.
        (Some(&first), Some(&last)) => ((first + last) / 2)
            .saturating_sub(length / 2)
            .min(words.len() - length)
            .clamp(last.saturating_sub(length - 1), first),
        _ => 0,
    };
    let mut runs = vec![];
    let mut push = |text: &str, mark: bool| push_run(&mut runs, text, mark);
    if start > 0 {
        push("… ", false);
    }
    for i in start..start + length {
        if i > start {
            push(" ", false);
        }
        push(words[i], hit[i]);
    }
    if start + length < words.len() {
        push(" …", false);
    }
    runs
}

/// The shards a words index's answer names, newest first: by `records` (each shard's page id in
/// the words index, none for a shard it has no record of, which may hold any word), those with no
/// record and those whose record is one of the answer's `ids`. Every shard whose record is such an
/// id, as the index's blocks are Pagefind bundles of their own whose ids can be the same. `None`
/// if an id is no shard's record (an index newer than the shard list): every shard may hold them.
pub fn shards_named(records: &[Option<String>], ids: &[String]) -> Option<Vec<usize>> {
    if ids.iter().any(|id| !records.iter().any(|record| record.as_ref() == Some(id))) {
        return None;
    }
    let named = |record: &Option<String>| record.as_ref().is_none_or(|record| ids.contains(record));
    Some(records.iter().enumerate().filter(|(_, record)| named(record)).map(|(shard, _)| shard).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn folding_for_the_index_keeps_case_and_words() {
        assert_eq!(fold_for_index("Şəki, Bakı! ŁÓDŹ Ёлка"), "Şeki, Baki! LÓDŹ Ёлка");
        assert_eq!(fold_for_index("Əli"), "Eli");
    }

    fn shown(runs: &[(String, bool)]) -> String {
        runs.iter().map(|(run, mark)| if *mark { format!("[{run}]") } else { run.clone() }).collect()
    }

    #[test]
    fn an_excerpt_is_the_densest_window_of_matches_marked_in_the_original_words() {
        let text = "one two three four five six seven eight nine ten";
        assert_eq!(shown(&excerpt(text, &[7, 8], 4)), "… six seven [eight] [nine] …");
        assert_eq!(shown(&excerpt(text, &[0], 3)), "[one] two three …");
        assert_eq!(shown(&excerpt(text, &[9], 3)), "… eight nine [ten]");
        assert_eq!(shown(&excerpt(text, &[1, 5, 6], 4)), "… four five [six] [seven] …", "the densest run wins");
        assert_eq!(shown(&excerpt("a\n b", &[1], 30)), "a [b]", "a short text is whole");
        assert_eq!(shown(&excerpt(text, &[], 2)), "one two …");
        assert_eq!(shown(&excerpt("", &[3], 5)), "");
        assert_eq!(shown(&excerpt("<b>x</b> y", &[0], 5)), "[<b>x</b>] y", "markup is text");
    }

    #[test]
    fn highlighting_marks_matches_in_the_original_text() {
        let runs = highlight("Şəhər <b>budget</b>", &query_words("seher"));
        assert_eq!(runs, vec![("Şəhər".to_string(), true), (" <b>budget</b>".to_string(), false)]);
        assert_eq!(highlight("abc", &[]), vec![("abc".to_string(), false)]);
    }

    #[test]
    fn the_words_index_names_every_shard_whose_record_it_finds_and_those_it_has_none_of() {
        let id = |s: &str| Some(s.to_string());
        let records = [None, id("en_a1"), id("en_b2"), id("en_a1"), id("en_c3")];
        let found = |ids: &[&str]| shards_named(&records, &ids.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(found(&["en_b2"]), Some(vec![0, 2]), "the newest shard has no record: always searched");
        assert_eq!(found(&["en_a1"]), Some(vec![0, 1, 3]), "two blocks' records with one id: both shards");
        assert_eq!(found(&[]), Some(vec![0]));
        assert_eq!(found(&["en_c3", "en_zz"]), None, "a record no shard has: every shard");
    }
}

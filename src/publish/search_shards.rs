//! How a language's search index is cut into shards, so that no run indexes the whole archive
//! again. Pagefind's index is not incremental: one index of a language's every story is built
//! anew whenever one of them changes, and its indexer holds about 300 KB per story while it
//! works (3 GB at 10,000 stories; 100,000 did not fit in 24 GB). A shard holds a run of stories
//! in order of publication, at most `size` when it was closed; the newest shard is open and takes
//! the new stories until it is full, then a new one opens. A shard's first story (its `from`) is
//! kept from run to run (`pagefind/{lang}/shards.json`), so a closed shard keeps its stories and a
//! run rebuilds only the shards whose stories changed: usually the newest one.
//!
//! The searcher reads the shards newest first and joins older ones only while a query needs more
//! results (`pagefind.rs`), so a query's first results cost the newest shard's files alone.
use super::search_index::Record;
use super::search_words::Words;
use crate::format::parse_rfc3339;
use std::collections::BTreeMap;

/// Where a story sorts: minutes since 1970 (UTC) of its publication, then its address.
pub(super) type Key = (i64, String);

/// One shard: its folder under the language's, where it begins, and the stories it holds.
#[derive(Debug)]
pub(super) struct Shard {
    pub folder: u32,
    /// The key of the first story it may hold; `None` for the oldest (from the beginning).
    pub from: Option<Key>,
    pub records: Vec<Record>,
}

/// Where `record` sorts (an unreadable date sorts first).
pub(super) fn key(record: &Record) -> Key {
    let minutes = record.meta.get("date").and_then(|d| parse_rfc3339(d)).map_or(i64::MIN, |t| t.epoch_minutes());
    (minutes, record.path.clone())
}

/// The shards of `records`, oldest first, given the shards the last run left (`last`: folder and
/// `from` of each). A story goes to the last shard beginning at or before it; the newest shard,
/// once it holds more than `size`, is closed at `size` and the rest opens a new one. Shards left
/// empty go (a story published later in their time joins the shard before).
pub(super) fn plan(records: Vec<Record>, last: Vec<(u32, Option<Key>)>, size: usize) -> Vec<Shard> {
    let size = size.max(1);
    let mut shards: Vec<Shard> =
        last.into_iter().map(|(folder, from)| Shard { folder, from, records: vec![] }).collect();
    shards.sort_by(|a, b| a.from.cmp(&b.from));
    if shards.is_empty() {
        shards.push(Shard { folder: 0, from: None, records: vec![] });
    }
    for record in records {
        let key = Some(key(&record));
        let at = shards.iter().rposition(|shard| shard.from <= key).unwrap_or(0);
        shards[at].records.push(record);
    }
    let mut next_folder = shards.iter().map(|s| s.folder + 1).max().unwrap_or(0);
    shards.retain(|shard| !shard.records.is_empty());
    for shard in &mut shards {
        shard.records.sort_by_cached_key(key);
    }
    while let Some(newest) = shards.last_mut().filter(|shard| shard.records.len() > size) {
        let rest = newest.records.split_off(size);
        let from = Some(key(&rest[0]));
        shards.push(Shard { folder: next_folder, from, records: rest });
        next_folder += 1;
    }
    shards
}

/// A shard as `shards.json` lists it.
#[derive(Debug, PartialEq)]
pub(super) struct Listed {
    pub folder: u32,
    pub from: Option<Key>,
    /// The fingerprint of the records its bundle was built from.
    pub fingerprint: Option<u64>,
}

/// A block of the words index as `shards.json` lists it: its folder and the fingerprint of the
/// shards it was built from.
#[derive(Debug, PartialEq)]
pub(super) struct Block {
    pub folder: u32,
    pub fingerprint: u64,
}

/// `shards.json`: each shard's folder, `from`, the fingerprint of its records (`fingerprints`,
/// in the order of `shards`) and its record in the words index, newest first (the order the
/// searcher reads them); and the words index's blocks.
pub(super) fn render(shards: &[Shard], fingerprints: &[u64], words: &Words) -> String {
    let list: Vec<serde_json::Value> = shards
        .iter()
        .zip(fingerprints)
        .rev()
        .map(|(shard, fingerprint)| {
            let mut listed = serde_json::json!({
                "folder": shard.folder.to_string(),
                "from": shard.from,
                "stories": shard.records.len(),
                "fingerprint": format!("{fingerprint:016x}"),
            });
            if let Some(page) = words.pages.get(&shard.folder) {
                listed["words"] = page.as_str().into();
            }
            listed
        })
        .collect();
    let blocks: Vec<serde_json::Value> = words
        .blocks
        .iter()
        .map(
            |b| serde_json::json!({ "folder": b.folder.to_string(), "fingerprint": format!("{:016x}", b.fingerprint) }),
        )
        .collect();
    serde_json::json!({ "shards": list, "words": blocks }).to_string()
}

/// The shards a `shards.json` lists, and what it says of the words index (its blocks and each
/// shard's record); none if it is missing or unreadable (the index is then cut afresh, which
/// builds each shard and block once).
pub(super) fn parse(text: &str) -> (Vec<Listed>, Words) {
    let value: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
    let mut pages = BTreeMap::new();
    let listed = value["shards"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|shard| {
            let folder = shard["folder"].as_str()?.parse().ok()?;
            let from = serde_json::from_value::<Option<Key>>(shard["from"].clone()).ok()?;
            let fingerprint = shard["fingerprint"].as_str().and_then(|f| u64::from_str_radix(f, 16).ok());
            if let Some(page) = shard["words"].as_str() {
                pages.insert(folder, page.to_string());
            }
            Some(Listed { folder, from, fingerprint })
        })
        .collect();
    let blocks = value["words"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|block| {
            let folder = block["folder"].as_str()?.parse().ok()?;
            let fingerprint = u64::from_str_radix(block["fingerprint"].as_str()?, 16).ok()?;
            Some(Block { folder, fingerprint })
        })
        .collect();
    (listed, Words { blocks, pages })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// A story published `minute` minutes after 2026-01-01T00:00Z.
    fn story(n: u32, minute: u32) -> Record {
        let date = format!("2026-01-01T{:02}:{:02}:00Z", minute / 60, minute % 60);
        Record {
            path: format!("/en/news/{n}/s"),
            content: format!("story {n}"),
            meta: BTreeMap::from([("date".to_string(), date)]),
        }
    }

    /// The shards as the next run finds them.
    fn bounds_of(shards: &[Shard]) -> Vec<(u32, Option<Key>)> {
        parse(&render(shards, &vec![0; shards.len()], &Words::default()))
            .0
            .into_iter()
            .map(|l| (l.folder, l.from))
            .collect()
    }

    fn layout(shards: &[Shard]) -> Vec<(u32, Vec<String>)> {
        shards.iter().map(|s| (s.folder, s.records.iter().map(|r| r.content.clone()).collect())).collect()
    }

    #[test]
    fn an_archive_is_cut_oldest_first_into_shards_of_the_size() {
        let stories = (1..=7).rev().map(|n| story(n, n * 10)).collect();
        let shards = plan(stories, vec![], 3);
        assert_eq!(
            layout(&shards),
            vec![
                (0, vec!["story 1".into(), "story 2".into(), "story 3".into()]),
                (1, vec!["story 4".into(), "story 5".into(), "story 6".into()]),
                (2, vec!["story 7".into()]),
            ]
        );
        assert_eq!(shards[0].from, None);
        assert_eq!(shards[1].from, Some(key(&story(4, 40))));
    }

    #[test]
    fn the_next_run_keeps_closed_shards_and_puts_new_stories_in_the_newest() {
        let first = plan((1..=7).map(|n| story(n, n * 10)).collect(), vec![], 3);
        let words = Words {
            blocks: vec![Block { folder: 0, fingerprint: 5 }],
            pages: BTreeMap::from([(0, "en_a".to_string()), (1, "en_b".to_string())]),
        };
        let text = render(&first, &[7, 8, 9], &words);
        let (listed, last) = parse(&text);
        assert_eq!(
            listed[0],
            Listed { folder: 2, from: Some(key(&story(7, 70))), fingerprint: Some(9) },
            "newest first"
        );
        assert_eq!(last.pages.get(&0).map(String::as_str), Some("en_a"), "the oldest's record in the words index");
        assert_eq!(last, words, "the words index as the last run left it");
        let bounds = listed.into_iter().map(|l| (l.folder, l.from)).collect();
        // Story 2 corrected, story 8 and 9 new, story 5 deleted, one backdated between 3 and 4.
        let mut stories: Vec<Record> = (1..=9).filter(|n| *n != 5).map(|n| story(n, n * 10)).collect();
        stories[1].content = "story 2, corrected".into();
        stories.push(story(10, 35));
        let shards = plan(stories, bounds, 3);
        assert_eq!(
            layout(&shards),
            vec![
                (0, vec!["story 1".into(), "story 2, corrected".into(), "story 3".into(), "story 10".into()]),
                (1, vec!["story 4".into(), "story 6".into()]),
                (2, vec!["story 7".into(), "story 8".into(), "story 9".into()]),
            ],
            "a closed shard keeps its place; only the newest closes at the size"
        );
        let again = plan((1..=4).map(|n| story(n, n * 10)).collect(), bounds_of(&shards), 3);
        assert_eq!(
            layout(&again),
            vec![(0, vec!["story 1".into(), "story 2".into(), "story 3".into()]), (1, vec!["story 4".into()])],
            "shards left empty go"
        );
    }

    #[test]
    fn a_full_newest_shard_opens_a_new_folder_never_one_in_use() {
        let first = plan((1..=4).map(|n| story(n, n * 10)).collect(), vec![], 2);
        let shards = plan((1..=6).map(|n| story(n, n * 10)).collect(), bounds_of(&first), 2);
        assert_eq!(shards.iter().map(|s| s.folder).collect::<Vec<_>>(), vec![0, 1, 2]);
        assert_eq!(layout(&shards)[2].1, vec!["story 5".to_string(), "story 6".to_string()]);
    }

    #[test]
    fn a_missing_or_broken_list_cuts_afresh() {
        assert!(parse("").0.is_empty());
        assert!(parse(r#"{"shards": [{"folder": 3}]}"#).0.is_empty());
        assert!(plan(vec![], vec![], 3).is_empty(), "a language without stories has no shard");
    }
}

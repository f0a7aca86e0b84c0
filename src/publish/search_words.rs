//! Which search shards may hold a query's words, so that a rare or absent word is looked up in
//! the few shards that have it rather than in every shard of the archive: the searcher joins
//! each shard it asks (its entry and page list, about 5 KB, and a round of searching), and a word
//! no story has would otherwise join them all (134 shards, 0.8 MB and 1.1–1.35 s at 100,000
//! stories). One more Pagefind index per language, of one record per closed shard (every shard
//! but the newest, which each new story goes to and every query searches): each word its stories
//! are indexed by, once, from their text and from their meta fields, which Pagefind indexes too.
//! A query the newest shards find nothing for asks it (`pagefind.rs`) and joins the shards whose
//! records match; `shards.json` names each shard's record by Pagefind's page id. Its answer is a
//! superset (a shard that has every word of the query, each in a different story, matches), never
//! less, as both indexes are built by the same indexer from the same words.
//!
//! Closed shards go into blocks of `BLOCK_SHARDS` (or as publish is told), each a bundle of its own at
//! `pagefind/{lang}/words/{block}/` (the searcher joins them as it joins shards), so that a
//! corrected archive story rebuilds one block, and a new story none.
use super::fingerprint;
use super::output::Output;
use super::search_index::{build, keep_bundle, pagefind_version, write_files, Record};
use super::search_shards::{Block, Shard};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;

/// The folder of a language's words index, under the language's search index folder.
const FOLDER: &str = "words";

/// How many closed shards a block of the words index holds (9,600 stories in shards of 600),
/// unless publish is told otherwise (`--search-words-block-shards`): rebuilding one costs about
/// as much as rebuilding a shard.
pub(super) const BLOCK_SHARDS: usize = 16;

/// What the words index says: its blocks, newest first, and each closed shard's record in it
/// (Pagefind's page id), by the shard's folder.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Words {
    pub blocks: Vec<Block>,
    pub pages: BTreeMap<u32, String>,
}

/// Writes the words index of language `lang` into `{folder}words/` for `shards` (oldest first,
/// the newest last) and their bundles' `fingerprints`, in blocks of `block_shards` closed shards,
/// keeping each block the `last` run built from the same shards.
pub(super) fn write(
    lang: &str,
    folder: &str,
    shards: &[Shard],
    fingerprints: &[u64],
    block_shards: usize,
    last: &Words,
    out: &mut Output,
) -> Result<Words, String> {
    let closed = shards.len().saturating_sub(1);
    let mut words = Words::default();
    for (number, (block, block_fingerprints)) in
        shards[..closed].chunks(block_shards).zip(fingerprints[..closed].chunks(block_shards)).enumerate()
    {
        let number = number as u32;
        let bundle = format!("{folder}{FOLDER}/{number}/");
        let inputs: Vec<(u32, u64)> = block.iter().map(|s| s.folder).zip(block_fingerprints.iter().copied()).collect();
        let fingerprint = fingerprint::of((lang, pagefind_version(), &inputs));
        let built = last.blocks.iter().find(|b| b.folder == number).map(|b| b.fingerprint);
        let pages: Option<Vec<(u32, String)>> =
            block.iter().map(|s| Some((s.folder, last.pages.get(&s.folder)?.clone()))).collect();
        match pages {
            Some(pages) if keep_bundle(&bundle, fingerprint, built, out) => words.pages.extend(pages),
            _ => {
                let records: Vec<Record> = block.iter().map(record).collect();
                let files = build(lang, &records)?;
                words.pages.extend(pages_of(&files)?);
                write_files(&bundle, files, out)?;
            }
        }
        words.blocks.push(Block { folder: number, fingerprint });
    }
    words.blocks.reverse();
    Ok(words)
}

/// A shard's record: every word its stories are found by, once each, named by the shard's
/// folder. The original text kept beside folded text (`text`) is left out: a query is folded
/// too, so what finds a word of it finds the folded word in the content.
fn record(shard: &Shard) -> Record {
    let mut words = BTreeSet::new();
    for story in &shard.records {
        words.extend(story.content.split_whitespace());
        let meta = story.meta.iter().filter(|(key, _)| *key != "text");
        words.extend(meta.flat_map(|(_, value)| value.split_whitespace()));
    }
    let content = words.into_iter().collect::<Vec<_>>().join(" ");
    Record { path: shard.folder.to_string(), content, meta: BTreeMap::new() }
}

/// Each record's page id (its fragment's name), by the shard folder the record is named by: read
/// from the fragments Pagefind wrote (gzip of a signature and the page's JSON).
fn pages_of(files: &[(String, Vec<u8>)]) -> Result<BTreeMap<u32, String>, String> {
    let mut pages = BTreeMap::new();
    for (name, contents) in files {
        let Some(id) = name.strip_prefix("fragment/").and_then(|n| n.strip_suffix(".pf_fragment")) else { continue };
        let mut json = vec![];
        flate2::read::GzDecoder::new(contents.as_slice()).read_to_end(&mut json).map_err(|e| format!("{name}: {e}"))?;
        let json = json.strip_prefix(b"pagefind_dcd").ok_or_else(|| format!("{name}: no Pagefind signature"))?;
        let fragment: serde_json::Value = serde_json::from_slice(json).map_err(|e| format!("{name}: {e}"))?;
        let url = fragment["url"].as_str().unwrap_or_default();
        let folder = url.trim_matches('/').parse().map_err(|_| format!("{name}: a record named {url:?}"))?;
        pages.insert(folder, id.to_string());
    }
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publish::search_shards::plan;

    fn story(n: u32, text: &str) -> Record {
        let date = format!("2026-01-01T00:{n:02}:00Z");
        Record {
            path: format!("/en/news/{n}/s"),
            content: text.to_string(),
            meta: BTreeMap::from([
                ("date".to_string(), date),
                ("title".to_string(), format!("Title {n}")),
                ("text".to_string(), "Bakı".to_string()),
            ]),
        }
    }

    #[test]
    fn a_shard_is_indexed_by_each_word_of_its_stories_and_their_meta_once_but_not_by_unfolded_text() {
        let shards = plan(vec![story(1, "budget vote budget"), story(2, "vote, later")], vec![], 5);
        let record = record(&shards[0]);
        assert_eq!(record.path, "0");
        assert_eq!(record.content, "1 2 2026-01-01T00:01:00Z 2026-01-01T00:02:00Z Title budget later vote vote,");
    }

    #[test]
    fn each_closed_shard_is_named_by_its_record_and_the_newest_is_left_out() {
        let stories = vec![story(1, "alpha"), story(2, "beta"), story(3, "gamma"), story(4, "delta"), story(5, "new")];
        let shards = plan(stories, vec![], 2);
        let dir = std::env::temp_dir().join(format!("gazette-words-{}", std::process::id()));
        let mut out = Output::new(&dir, Default::default());
        let words =
            write("en", "pagefind/en/", &shards, &[1, 2, 3], BLOCK_SHARDS, &Words::default(), &mut out).unwrap();
        assert_eq!(words.pages.keys().copied().collect::<Vec<_>>(), vec![0, 1], "shards 0 and 1; 2 is the newest");
        assert!(words.pages.values().all(|id| id.starts_with("en_")), "{words:?}");
        for id in words.pages.values() {
            assert!(dir.join(format!("pagefind/en/words/0/fragment/{id}.pf_fragment")).is_file(), "{id}");
        }
        assert!(dir.join("pagefind/en/words/0/pagefind-entry.json").is_file());
        let again = write("en", "pagefind/en/", &shards, &[1, 2, 3], BLOCK_SHARDS, &words, &mut out).unwrap();
        assert_eq!(again, words, "the same shards: the same index");
        let changed = write("en", "pagefind/en/", &shards, &[1, 9, 3], BLOCK_SHARDS, &words, &mut out).unwrap();
        assert_ne!(changed.blocks, words.blocks, "a shard rebuilt rebuilds its block");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn closed_shards_go_into_blocks_of_the_size_asked_newest_first() {
        let stories = (1..=8).map(|n| story(n, "word")).collect();
        let shards = plan(stories, vec![], 1);
        let dir = std::env::temp_dir().join(format!("gazette-words-blocks-{}", std::process::id()));
        let mut out = Output::new(&dir, Default::default());
        let words = write("en", "pagefind/en/", &shards, &[1, 2, 3, 4, 5, 6, 7, 8], 3, &Words::default(), &mut out);
        let words = words.unwrap();
        let blocks: Vec<u32> = words.blocks.iter().map(|b| b.folder).collect();
        assert_eq!(blocks, vec![2, 1, 0], "7 closed shards in blocks of 3, 3 and 1, newest first");
        assert_eq!(words.pages.len(), 7);
        for block in 0..3 {
            assert!(dir.join(format!("pagefind/en/words/{block}/pagefind-entry.json")).is_file(), "{block}");
        }
        assert!(!dir.join("pagefind/en/words/3").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

//! What publish remembers between runs, in the output folder: the manifest (`.gazette-publish`:
//! every file a run made, a page with the fingerprint of its inputs) and the lock
//! (`.gazette-publish.lock`), which keeps two runs apart and tells a run that the one before it
//! was killed.
//!
//! A manifest that is missing, unreadable or left by a killed run is not taken as "publish made
//! nothing": the files publish marks as its own (pages with `data-published`, feeds, sitemaps,
//! the API copy with its mark) are found in the folder instead, so that what a later run no
//! longer makes is still removed.
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

/// The manifest's name in the output folder.
pub(super) const MANIFEST: &str = ".gazette-publish";
const LOCK: &str = ".gazette-publish.lock";
/// The manifest's first line.
const HEADER: &str = "gazette-publish 2";
/// The mark publish leaves in the root of an API copy (`api_copy.rs`).
pub(super) const COPY_MARK: &str = ".gazette-copy";
/// What the lock file says while a run is on, and after it finished.
const RUNNING: &str = "running";
const FINISHED: &str = "finished";

/// A file a run made: a page has the fingerprint of its inputs, any other file `None`.
pub(super) type Files = BTreeMap<String, Option<u64>>;

/// How the last run's files were known.
#[derive(Debug, PartialEq)]
pub(super) enum Recalled {
    /// From its manifest.
    Manifest,
    /// There was no run before (an empty or new folder).
    Nothing,
    /// From the folder, because the manifest was missing or unreadable, or the run was killed:
    /// the reason, said out loud by the caller.
    Recovered(String),
}

/// The output folder held for one run. Dropping it releases the lock.
pub(super) struct Lock {
    file: File,
    /// Whether the run before was killed (it never said it finished).
    pub interrupted: bool,
}

impl Lock {
    /// Takes the folder for this run, or says that another run has it.
    pub fn take(dir: &Path) -> Result<Lock, String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = dir.join(LOCK);
        let mut file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(format!(
                    "another publish is writing to {} (it holds {}); this run changed nothing",
                    dir.display(),
                    path.display()
                ))
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(format!("{}: {e}", path.display())),
        }
        let mut said = String::new();
        file.read_to_string(&mut said).map_err(|e| format!("{}: {e}", path.display()))?;
        let interrupted = said.trim() == RUNNING;
        let mut lock = Lock { file, interrupted };
        lock.say(RUNNING).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(lock)
    }

    /// Notes that the run finished: the next one need not look for a killed run's files.
    pub fn finish(mut self) -> io::Result<()> {
        self.say(FINISHED)
    }

    fn say(&mut self, state: &str) -> io::Result<()> {
        self.file.set_len(0)?;
        self.file.rewind()?;
        self.file.write_all(state.as_bytes())?;
        self.file.sync_data()
    }
}

/// The last run's files: from its manifest, or else found in the folder.
pub(super) fn recall(dir: &Path, interrupted: bool) -> (Files, Recalled) {
    let found = || find_own_files(dir);
    let merged = |mut files: Files| {
        for (path, fingerprint) in found() {
            files.entry(path).or_insert(fingerprint);
        }
        files
    };
    match std::fs::read_to_string(dir.join(MANIFEST)) {
        Ok(text) => match parse(&text) {
            Some((files, _)) if interrupted => {
                // A killed run may have written files its manifest does not list yet.
                (merged(files), Recalled::Recovered("the last run was stopped before it finished".into()))
            }
            Some((files, true)) => (files, Recalled::Manifest),
            // The first manifest format listed pages only: feeds and sitemaps are found by name.
            Some((files, false)) => (merged(files), Recalled::Manifest),
            None => (found(), Recalled::Recovered(format!("{MANIFEST} is not a manifest publish wrote"))),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let files = found();
            if files.is_empty() {
                (files, Recalled::Nothing)
            } else {
                (files, Recalled::Recovered(format!("{MANIFEST} is missing")))
            }
        }
        Err(e) => (found(), Recalled::Recovered(format!("{MANIFEST} cannot be read: {e}"))),
    }
}

/// A manifest's files, and whether it has this format's header; `None` if it is not one.
fn parse(text: &str) -> Option<(Files, bool)> {
    let mut lines = text.lines();
    let versioned = text.starts_with(HEADER);
    if versioned {
        lines.next();
    }
    let files = lines
        .filter(|line| !line.is_empty())
        .map(|line| {
            let (hash, path) = line.split_once('\t')?;
            let fingerprint = match hash {
                "-" if versioned => None,
                hash => Some(u64::from_str_radix(hash, 16).ok()?),
            };
            (!path.is_empty()).then(|| (path.to_string(), fingerprint))
        })
        .collect::<Option<Files>>()?;
    Some((files, versioned))
}

/// The manifest's text for `files`.
pub(super) fn render(files: &Files) -> String {
    let mut text = format!("{HEADER}\n");
    for (path, fingerprint) in files {
        match fingerprint {
            Some(hash) => text.push_str(&format!("{hash:016x}\t{path}\n")),
            None => text.push_str(&format!("-\t{path}\n")),
        }
    }
    text
}

/// Whether publish makes the file at `relative` whatever the run: feeds and sitemaps.
pub(super) fn named_as_publishes(relative: &str) -> bool {
    (relative.starts_with("feeds/") && relative.ends_with(".xml"))
        || (relative.starts_with("sitemap") && relative.ends_with(".xml") && !relative.contains('/'))
}

/// The files in `dir` that publish marks as its own: pages whose `<html>` says `data-published`,
/// feeds and sitemaps by their names, and an API copy with its mark. Fingerprints are unknown,
/// so each of those pages is drawn again (and rewritten only if its bytes changed).
fn find_own_files(dir: &Path) -> Files {
    let mut files = Files::new();
    let every = walk(dir);
    let copies: Vec<PathBuf> = every
        .iter()
        .filter(|(relative, _)| relative.ends_with(&format!("/{COPY_MARK}")))
        .map(|(relative, _)| PathBuf::from(relative.trim_end_matches(COPY_MARK)))
        .collect();
    for (relative, path) in every {
        let copied = copies.iter().any(|root| Path::new(&relative).starts_with(root));
        if copied || named_as_publishes(&relative) {
            files.insert(relative, None);
        } else if relative.ends_with(".html") && marked_published(&path) {
            files.insert(relative, Some(0));
        }
    }
    files
}

/// Whether the page at `path` is one publish wrote: its `<html>` tag says `data-published`.
fn marked_published(path: &Path) -> bool {
    let mut start = [0u8; 1024];
    let Ok(read) = File::open(path).and_then(|mut f| f.read(&mut start)) else { return false };
    let head = String::from_utf8_lossy(&start[..read]);
    head.find("<html").and_then(|at| head[at..].find('>').map(|end| &head[at..at + end])).is_some_and(|tag| {
        tag.split_whitespace()
            .any(|attribute| attribute == "data-published" || attribute.starts_with("data-published="))
    })
}

/// Every file below `dir`, as (`/`-separated relative path, path); the lock and manifest aside.
pub(super) fn walk(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut files = vec![];
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                folders.push(path);
                continue;
            }
            let relative = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            if relative != MANIFEST && relative != LOCK {
                files.push((relative, path));
            }
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_reads_back_and_an_old_or_broken_one_is_told_apart() {
        let mut files = Files::new();
        files.insert("en/index.html".into(), Some(0xabc));
        files.insert("feeds/en.xml".into(), None);
        assert_eq!(parse(&render(&files)), Some((files, true)));
        let (old, _) = parse("0000000000000abc\ten/index.html\n").unwrap();
        assert_eq!(old.get("en/index.html"), Some(&Some(0xabc)), "the first manifest format still reads");
        assert_eq!(parse("<!doctype html>\n<html>"), None);
        assert_eq!(parse("zz\ten/index.html\n"), None);
    }

    #[test]
    fn a_second_run_is_refused_while_the_first_holds_the_folder() {
        let dir = std::env::temp_dir().join(format!("gazette-lock-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let first = Lock::take(&dir).unwrap();
        assert!(!first.interrupted);
        let refused = Lock::take(&dir).err().unwrap();
        assert!(refused.contains("another publish is writing"), "{refused}");
        drop(first); // as a killed run's lock goes with its process, without saying it finished
        let after_kill = Lock::take(&dir).unwrap();
        assert!(after_kill.interrupted);
        after_kill.finish().unwrap();
        assert!(!Lock::take(&dir).unwrap().interrupted);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

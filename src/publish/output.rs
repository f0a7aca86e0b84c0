//! Writing what publish produces: a file is rewritten only when its bytes change, and a file an
//! earlier run wrote that this run no longer produces (a story gone from the API, a section
//! removed) is deleted. So an unchanged API writes nothing, and the counts say so.
//!
//! Pages also have a fingerprint of their inputs, kept in a manifest beside them
//! (`.gazette-publish`): a page whose fingerprint has not changed is not even drawn again.
use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};

/// The manifest's name in the output folder: a fingerprint and a path per line.
const MANIFEST: &str = ".gazette-publish";

pub(super) struct Output {
    dir: PathBuf,
    produced: BTreeSet<PathBuf>,
    /// Page fingerprints as the last run left them, and as this run leaves them.
    previous: BTreeMap<String, u64>,
    current: BTreeMap<String, u64>,
    /// What this run wrote, by `/`-separated path, in the order written.
    pub written: Vec<String>,
    pub unchanged: usize,
}

impl Output {
    pub fn new(dir: &Path) -> Output {
        let manifest = std::fs::read_to_string(dir.join(MANIFEST)).unwrap_or_default();
        let previous = manifest
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .filter_map(|(hash, path)| Some((path.to_string(), u64::from_str_radix(hash, 16).ok()?)))
            .collect();
        Output {
            dir: dir.to_path_buf(),
            produced: BTreeSet::new(),
            previous,
            current: BTreeMap::new(),
            written: vec![],
            unchanged: 0,
        }
    }

    /// Whether the page at `relative` was written from inputs with this `fingerprint` and is
    /// still there; if so it counts as produced and unchanged.
    pub fn is_current(&mut self, relative: &str, fingerprint: u64) -> bool {
        let path = self.dir.join(relative);
        let current = self.previous.get(relative) == Some(&fingerprint) && path.is_file();
        if current {
            self.produced.insert(path);
            self.current.insert(relative.to_string(), fingerprint);
            self.unchanged += 1;
        }
        current
    }

    /// Copies the file at `from` to `relative`, unless the copy there is as long and newer (as
    /// rsync decides): a re-run over a large unchanged API then reads no document twice.
    pub fn copy(&mut self, relative: &str, from: &Path) -> io::Result<()> {
        let path = self.dir.join(relative);
        let (source, copy) = (std::fs::metadata(from)?, std::fs::metadata(&path).ok());
        let current = copy.is_some_and(|copy| {
            copy.len() == source.len() && copy.modified().ok().zip(source.modified().ok()).is_some_and(|(c, s)| c >= s)
        });
        if current {
            self.produced.insert(path);
            self.unchanged += 1;
            return Ok(());
        }
        self.write(relative, std::fs::read(from)?)
    }

    /// `write`, remembering the page's input `fingerprint` for the next run.
    pub fn write_page(&mut self, relative: &str, fingerprint: u64, contents: &str) -> io::Result<()> {
        self.current.insert(relative.to_string(), fingerprint);
        self.write(relative, contents)
    }

    /// Keeps this run's fingerprints for the next (written only when they changed).
    pub fn save_manifest(&self) -> io::Result<()> {
        if self.current == self.previous {
            return Ok(());
        }
        let lines: String = self.current.iter().map(|(path, hash)| format!("{hash:016x}\t{path}\n")).collect();
        std::fs::create_dir_all(&self.dir)?;
        std::fs::write(self.dir.join(MANIFEST), lines)
    }

    /// Writes `contents` to `relative` (a `/`-separated path under the output folder) unless the
    /// file already holds exactly that. A precompressed sibling (`.br`, `.gz`) an earlier tool
    /// left would be served instead of the new file, so it goes.
    pub fn write(&mut self, relative: &str, contents: impl AsRef<[u8]>) -> io::Result<()> {
        let contents = contents.as_ref();
        let path = self.dir.join(relative);
        self.produced.insert(path.clone());
        if std::fs::read(&path).is_ok_and(|old| old == contents) {
            self.unchanged += 1;
            return Ok(());
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        for packed in [".br", ".gz"] {
            let sibling = PathBuf::from(format!("{}{packed}", path.display()));
            if sibling.exists() {
                std::fs::remove_file(sibling)?;
            }
        }
        std::fs::write(&path, contents)?;
        self.written.push(relative.to_string());
        Ok(())
    }

    /// Deletes the files below the output folder that publish made and this run did not produce:
    /// the pages the last run's manifest lists, and what `owned` says publish makes (by its
    /// `/`-separated path). Any other file (the app, a page of the newsroom's own) stays.
    /// Returns how many went.
    pub fn remove_stale(&self, owned: impl Fn(&str) -> bool) -> io::Result<usize> {
        let mut removed = 0;
        let mut folders = vec![self.dir.clone()];
        while let Some(folder) = folders.pop() {
            let Ok(entries) = std::fs::read_dir(&folder) else { continue };
            for entry in entries {
                let path = entry?.path();
                if path.is_dir() {
                    folders.push(path);
                    continue;
                }
                let relative = path.strip_prefix(&self.dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
                // A precompressed sibling goes with its file.
                let (relative, original) = match relative.strip_suffix(".br").or_else(|| relative.strip_suffix(".gz")) {
                    Some(file) => (file.to_string(), self.dir.join(file)),
                    None => (relative, path.clone()),
                };
                let made_by_publish = owned(&relative) || self.previous.contains_key(&relative);
                if made_by_publish && !self.produced.contains(&original) {
                    std::fs::remove_file(&path)?;
                    removed += 1;
                }
            }
        }
        Ok(removed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_files_are_not_rewritten_and_files_no_longer_made_are_removed() {
        let dir = std::env::temp_dir().join(format!("gazette-output-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut first = Output::new(&dir);
        first.write("feeds/en.xml", "one").unwrap();
        first.write("feeds/en/gone.xml", "two").unwrap();
        std::fs::write(dir.join("index.html"), "not ours").unwrap();
        assert_eq!((first.written.len(), first.unchanged), (2, 0));
        let mut second = Output::new(&dir);
        second.write("feeds/en.xml", "one").unwrap();
        assert_eq!((second.written.len(), second.unchanged), (0, 1));
        assert_eq!(second.remove_stale(|p| p.starts_with("feeds/")).unwrap(), 1);
        assert!(!dir.join("feeds/en/gone.xml").exists() && dir.join("index.html").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn only_pages_publish_wrote_are_removed_when_no_longer_made() {
        let dir = std::env::temp_dir().join(format!("gazette-output-pages-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut first = Output::new(&dir);
        first.write_page("en/kept.html", 1, "kept").unwrap();
        first.write_page("en/gone.html", 2, "gone").unwrap();
        first.save_manifest().unwrap();
        std::fs::create_dir_all(dir.join("about")).unwrap();
        std::fs::write(dir.join("about/index.html"), "the newsroom's own page").unwrap();
        let mut second = Output::new(&dir);
        assert!(second.is_current("en/kept.html", 1));
        assert_eq!(second.remove_stale(|_| false).unwrap(), 1);
        assert!(!dir.join("en/gone.html").exists());
        assert!(dir.join("en/kept.html").exists() && dir.join("about/index.html").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

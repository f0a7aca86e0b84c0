//! Writing what publish produces, so that a live site never serves half of it: every file is
//! written to a temporary name in its own folder and renamed over the old one (a reader, a sync
//! or a crash sees the old file or the new, never half), and only when its bytes change, so an
//! unchanged API writes nothing.
//!
//! What a run no longer makes is removed only if an earlier run made it (the manifest,
//! `manifest.rs`) and this run neither made it nor kept it: a page whose document could not be
//! read is kept as it was (`keep`), never removed for it. The manifest is written last.
use super::atomic::{put_atomically, write_atomically, TEMPORARY};
use super::manifest::{self, Files};
use super::precompressed::{compress_beside, has_siblings, remove_siblings};
use std::io;
use std::path::{Path, PathBuf};

pub(super) struct Output {
    dir: PathBuf,
    /// The files the last run left, and those this run makes or keeps.
    previous: Files,
    current: Files,
    /// What this run wrote, by `/`-separated path, in the order written.
    pub written: Vec<String>,
    pub unchanged: usize,
    /// Whether a run was stopped before this one, leaving temporary files to sweep.
    pub after_a_stop: bool,
    /// A test's stand-in for `kill -9`: after this many more files, the next is left half
    /// written under its temporary name and the run fails.
    #[cfg(test)]
    pub abort_after: Option<usize>,
}

impl Output {
    /// Writes into `dir`, where the last run left `previous`.
    pub fn new(dir: &Path, previous: Files) -> Output {
        Output {
            dir: dir.to_path_buf(),
            previous,
            current: Files::new(),
            written: vec![],
            unchanged: 0,
            after_a_stop: false,
            #[cfg(test)]
            abort_after: None,
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether the page at `relative` was written from inputs with this `fingerprint` and is
    /// still there; if so it counts as made and unchanged.
    pub fn is_current(&mut self, relative: &str, fingerprint: u64) -> bool {
        let current = self.previous.get(relative) == Some(&Some(fingerprint)) && self.dir.join(relative).is_file();
        if current {
            self.current.insert(relative.to_string(), Some(fingerprint));
            self.unchanged += 1;
        }
        current
    }

    /// Copies the file at `from` to `relative` as `write` would, unless the copy there is as long
    /// and newer (as rsync decides: a re-run over a large unchanged API then reads no document
    /// twice) or, as long but older, holds the same bytes (an API exported again unchanged).
    pub fn copy(&mut self, relative: &str, from: &Path) -> io::Result<()> {
        let path = self.dir.join(relative);
        let (source, copy) = (std::fs::metadata(from)?, std::fs::metadata(&path).ok());
        let current = copy.is_some_and(|copy| {
            copy.len() == source.len()
                && (copy.modified().ok().zip(source.modified().ok()).is_some_and(|(c, s)| c >= s)
                    || std::fs::read(&path).ok().zip(std::fs::read(from).ok()).is_some_and(|(c, s)| c == s))
        });
        self.current.insert(relative.to_string(), None);
        if current {
            self.unchanged += 1;
            return Ok(());
        }
        // In the kernel (copy_file_range).
        self.replace(relative, &path, |temporary| std::fs::copy(from, temporary).map(|_| ()))
    }

    /// `write`, remembering the page's input `fingerprint` for the next run.
    pub fn write_page(&mut self, relative: &str, fingerprint: u64, contents: &str) -> io::Result<()> {
        self.write(relative, contents)?;
        self.current.insert(relative.to_string(), Some(fingerprint));
        Ok(())
    }

    /// Writes `contents` to `relative` (a `/`-separated path under the output folder) unless the
    /// file already holds exactly that: to a temporary name beside it, then renamed over it. A
    /// precompressed sibling (`.br`, `.gz`) the build left is made again from the new bytes.
    pub fn write(&mut self, relative: &str, contents: impl AsRef<[u8]>) -> io::Result<()> {
        let contents = contents.as_ref();
        let path = self.dir.join(relative);
        self.current.entry(relative.to_string()).or_insert(None);
        if std::fs::read(&path).is_ok_and(|old| old == contents) {
            self.unchanged += 1;
            return Ok(());
        }
        self.replace(relative, &path, |temporary| std::fs::write(temporary, contents))
    }

    /// Puts the file at `path` (`relative`) in place: `put` writes it under a temporary name,
    /// which is renamed over the old file; its precompressed siblings, if it had them, are made
    /// again (`precompressed.rs`).
    fn replace(&mut self, relative: &str, path: &Path, put: impl FnOnce(&Path) -> io::Result<()>) -> io::Result<()> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        #[cfg(test)]
        if let Some(left) = self.abort_after.as_mut() {
            if *left == 0 {
                let temporary = super::atomic::temporary_name(path);
                put(&temporary)?;
                let file = std::fs::File::options().write(true).open(&temporary)?;
                file.set_len(file.metadata()?.len() / 2)?;
                return Err(io::Error::other("stopped by the test as by kill -9"));
            }
            *left -= 1;
        }
        let packed = has_siblings(path);
        put_atomically(path, put)?;
        if packed {
            compress_beside(path, &std::fs::read(path)?)?;
        }
        self.written.push(relative.to_string());
        Ok(())
    }

    /// Keeps the files the last run made that `kept` names (by `/`-separated path), as they
    /// are and with their fingerprints, where this run could not make them anew (a document
    /// that failed, a language whose stories could not be read). Returns how many.
    pub fn keep(&mut self, kept: impl Fn(&str) -> bool) -> usize {
        let named: Vec<String> = self.previous.keys().filter(|path| kept(path)).cloned().collect();
        named.iter().filter(|path| self.keep_file(path)).count()
    }

    /// Keeps the one file at `relative` the last run made, as `keep` does; false if there was
    /// none.
    pub fn keep_file(&mut self, relative: &str) -> bool {
        match self.previous.get(relative) {
            Some(fingerprint) if !self.current.contains_key(relative) && self.dir.join(relative).is_file() => {
                self.current.insert(relative.to_string(), *fingerprint);
                true
            }
            _ => false,
        }
    }

    /// Whether this run made or kept the file at `relative`.
    pub fn makes(&self, relative: &str) -> bool {
        self.current.contains_key(relative)
    }

    /// Whether this run made or kept any file under `folder` (`/`-terminated).
    pub fn makes_any_under(&self, folder: &str) -> bool {
        self.current.range(folder.to_string()..).next().is_some_and(|(path, _)| path.starts_with(folder))
    }

    /// The files this run made or kept that `matching` names.
    pub fn files(&self, matching: impl Fn(&str) -> bool) -> Vec<String> {
        self.current.keys().filter(|path| matching(path)).cloned().collect()
    }

    /// Deletes what the last run made and this run neither made nor kept, with its precompressed
    /// siblings, and after a stopped run any temporary file it left. Any other file (the app, a page of the
    /// newsroom's own) stays. Returns how many files went.
    pub fn remove_stale(&self) -> io::Result<usize> {
        let mut removed = 0;
        for path in self.previous.keys().filter(|path| !self.current.contains_key(*path)) {
            let file = self.dir.join(path);
            match std::fs::remove_file(&file) {
                Ok(()) => removed += 1,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
            remove_siblings(&file)?;
            // Its folders too, once empty (a story's, a section's, the API copy's).
            for folder in file.ancestors().skip(1).take_while(|f| *f != self.dir) {
                if std::fs::remove_dir(folder).is_err() {
                    break;
                }
            }
        }
        let swept = if self.after_a_stop { manifest::walk(&self.dir) } else { vec![] };
        for (_, path) in swept.into_iter().filter(|(relative, _)| relative.ends_with(TEMPORARY)) {
            std::fs::remove_file(path)?;
        }
        Ok(removed)
    }

    /// Keeps this run's files for the next, written last and like any other file.
    pub fn save_manifest(&mut self) -> io::Result<()> {
        let text = manifest::render(&self.current);
        let path = self.dir.join(manifest::MANIFEST);
        if std::fs::read_to_string(&path).is_ok_and(|old| old == text) {
            return Ok(());
        }
        write_atomically(&path, text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("gazette-output-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// The files a run left, as the next run reads them.
    fn next_run(dir: &Path, run: &mut Output) -> Output {
        run.save_manifest().unwrap();
        Output::new(dir, manifest::recall(dir, false).0)
    }

    #[test]
    fn unchanged_files_are_not_rewritten_and_only_files_publish_made_are_removed() {
        let dir = folder("stale");
        let mut first = Output::new(&dir, Files::new());
        first.write("feeds/en.xml", "one").unwrap();
        first.write("feeds/en/gone.xml", "two").unwrap();
        first.write_page("en/gone.html", 2, "gone").unwrap();
        std::fs::write(dir.join("feeds/en/gone.xml.br"), "packed").unwrap();
        std::fs::write(dir.join("index.html"), "not ours").unwrap();
        std::fs::create_dir_all(dir.join("about")).unwrap();
        std::fs::write(dir.join("about/index.html"), "the newsroom's own page").unwrap();
        assert_eq!((first.written.len(), first.unchanged), (3, 0));
        let mut second = next_run(&dir, &mut first);
        second.write("feeds/en.xml", "one").unwrap();
        assert_eq!((second.written.len(), second.unchanged), (0, 1));
        assert_eq!(second.remove_stale().unwrap(), 2);
        assert!(!dir.join("feeds/en/gone.xml").exists() && !dir.join("feeds/en/gone.xml.br").exists());
        assert!(!dir.join("en/gone.html").exists());
        assert!(dir.join("index.html").exists() && dir.join("about/index.html").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_kept_page_stays_with_its_fingerprint() {
        let dir = folder("kept");
        let mut first = Output::new(&dir, Files::new());
        first.write_page("en/a/1/x.html", 7, "good").unwrap();
        let mut second = next_run(&dir, &mut first);
        assert_eq!(second.keep(|path| path.starts_with("en/")), 1);
        assert_eq!(second.remove_stale().unwrap(), 0);
        let mut third = next_run(&dir, &mut second);
        assert!(third.is_current("en/a/1/x.html", 7), "a kept page is still known by its fingerprint");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_write_stopped_half_way_leaves_the_old_file_whole() {
        let dir = folder("stopped");
        let mut first = Output::new(&dir, Files::new());
        first.write("en/index.html", "the old page, whole").unwrap();
        let mut second = next_run(&dir, &mut first);
        second.abort_after = Some(0);
        assert!(second.write("en/index.html", "the new page, which is longer").is_err());
        assert_eq!(std::fs::read_to_string(dir.join("en/index.html")).unwrap(), "the old page, whole");
        let mut third = Output::new(&dir, manifest::recall(&dir, true).0);
        third.after_a_stop = true;
        third.write("en/index.html", "the new page, which is longer").unwrap();
        third.remove_stale().unwrap();
        assert_eq!(std::fs::read_to_string(dir.join("en/index.html")).unwrap(), "the new page, which is longer");
        let left: Vec<_> = manifest::walk(&dir).into_iter().filter(|(p, _)| p.ends_with(TEMPORARY)).collect();
        assert!(left.is_empty(), "the next run removes the half-written temporary file: {left:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

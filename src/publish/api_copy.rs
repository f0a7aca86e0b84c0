//! A folder API copied beside the pages (under `api/v1/`, the app's default API base), so that
//! the app reads the same documents the pages were drawn from, from the same host. A document
//! this run could not read, and every document of a language it could not read, keeps its last
//! good copy; the copy's root carries a mark (`manifest::COPY_MARK`) by which a run that lost its
//! manifest knows the folder as publish's own.
use super::error::Fatal;
use super::manifest::COPY_MARK;
use super::output::Output;
use super::source::Source;
use crate::config::DEFAULT_API_BASE;
use std::path::Path;

/// Copies the API of `source` (a folder, or the documents read from WordPress) into the output
/// under [`DEFAULT_API_BASE`] (unless it is that folder already), leaving the files
/// `stale(contract path)` names as the last run copied them; false when there was nothing to copy.
pub(super) fn copy_api(source: &Source, out: &mut Output, stale: impl Fn(&str) -> bool) -> Result<bool, Fatal> {
    match source {
        Source::Folder(folder) => copy_folder(folder, out, stale)?,
        Source::Documents(documents) => {
            for (relative, text) in documents {
                let copy = format!("{DEFAULT_API_BASE}{relative}");
                if stale(relative) {
                    out.keep_file(&copy);
                    continue;
                }
                out.write(&copy, text).map_err(Fatal::write(copy))?;
            }
        }
        Source::Web { .. } => return Ok(false),
    }
    let mark = format!("{DEFAULT_API_BASE}{COPY_MARK}");
    out.write(&mark, "The API documents ./x publish copied here; it replaces this folder on every run.\n")
        .map_err(Fatal::write(mark))?;
    Ok(true)
}

fn copy_folder(folder: &Path, out: &mut Output, stale: impl Fn(&str) -> bool) -> Result<(), Fatal> {
    let target = out.dir().join(DEFAULT_API_BASE);
    let same = |a: &Path, b: &Path| a.canonicalize().ok().zip(b.canonicalize().ok()).is_some_and(|(a, b)| a == b);
    if same(folder, &target) {
        return Ok(());
    }
    let mut folders = vec![folder.to_path_buf()];
    while let Some(dir) = folders.pop() {
        let read_error = |e: std::io::Error| Fatal::Template(format!("reading the API folder {}: {e}", dir.display()));
        for entry in std::fs::read_dir(&dir).map_err(read_error)? {
            let path = entry.map_err(read_error)?.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let relative = path.strip_prefix(folder).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            let copy = format!("{DEFAULT_API_BASE}{relative}");
            if stale(&relative) {
                out.keep_file(&copy);
                continue;
            }
            out.copy(&copy, &path).map_err(Fatal::write(copy))?;
        }
    }
    Ok(())
}

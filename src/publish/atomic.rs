//! Putting one file in place so that a reader, a sync or a crash sees the old file or the new,
//! never half: written under a temporary name in the same folder, then renamed over the old one.
use std::io;
use std::path::{Path, PathBuf};

/// The ending of a file being written; one left by a killed run is removed by the next.
pub(super) const TEMPORARY: &str = ".gazette-tmp";

/// Writes `contents` to `path` atomically.
pub(super) fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    put_atomically(path, |temporary| std::fs::write(temporary, contents))
}

/// `put` writes the file under a temporary name in `path`'s folder, which is renamed over `path`.
pub(super) fn put_atomically(path: &Path, put: impl FnOnce(&Path) -> io::Result<()>) -> io::Result<()> {
    let temporary = temporary_name(path);
    put(&temporary)?;
    std::fs::rename(&temporary, path)
}

/// `.{name}.gazette-tmp` beside `path`: in the same folder, so the rename is atomic, and hidden.
pub(super) fn temporary_name(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    path.with_file_name(format!(".{name}{TEMPORARY}"))
}

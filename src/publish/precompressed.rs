//! The `.br` and `.gz` siblings a CDN or `tests/server.mjs` serves in place of a file, as the
//! build's `tools/precompress.mjs` makes them. Whatever publish replaces keeps them in step: a
//! file that had them gets them again from its new bytes (a stale sibling would be served instead
//! of the new file, a dropped one would cost every reader the compression); a file that had none
//! gets none.
use super::atomic::write_atomically;
use std::collections::VecDeque;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

const ENDINGS: [&str; 2] = ["br", "gz"];

/// A file's brotli and gzip forms.
type Compressed = Arc<(Vec<u8>, Vec<u8>)>;

fn compress(contents: &[u8]) -> io::Result<Compressed> {
    let mut brotli = vec![];
    {
        let mut writer = brotli::CompressorWriter::new(&mut brotli, 4096, 11, 22);
        writer.write_all(contents)?;
    }
    let mut gzip = flate2::write::GzEncoder::new(vec![], flate2::Compression::best());
    gzip.write_all(contents)?;
    Ok(Arc::new((brotli, gzip.finish()?)))
}

fn write_beside(path: &Path, compressed: &Compressed) -> io::Result<()> {
    write_atomically(&sibling(path, ENDINGS[0]), &compressed.0)?;
    write_atomically(&sibling(path, ENDINGS[1]), &compressed.1)
}

fn sibling(path: &Path, ending: &str) -> PathBuf {
    PathBuf::from(format!("{}.{ending}", path.display()))
}

/// `.br` and `.gz` siblings of the file at `path`, holding `contents`. Contents many files share
/// (every search shard has the same searcher, and brotli at its best takes about a tenth of a
/// second for it) are compressed once a run: the last few results are kept, keyed by contents.
pub(super) fn compress_beside(path: &Path, contents: &[u8]) -> io::Result<()> {
    /// How many results are kept: the searcher's JS, with room to spare.
    const KEPT: usize = 4;
    static RECENT: Mutex<VecDeque<(u64, Compressed)>> = Mutex::new(VecDeque::new());
    let recent = || RECENT.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let key = super::fingerprint::of(contents);
    let known = recent().iter().find(|(known, _)| *known == key).map(|(_, compressed)| compressed.clone());
    let compressed = match known {
        Some(compressed) => compressed,
        None => {
            let compressed = compress(contents)?;
            let mut recent = recent();
            if recent.len() == KEPT {
                recent.pop_front();
            }
            recent.push_back((key, compressed.clone()));
            compressed
        }
    };
    write_beside(path, &compressed)
}

/// Whether the file at `path` has a precompressed sibling.
pub(super) fn has_siblings(path: &Path) -> bool {
    ENDINGS.iter().any(|ending| sibling(path, ending).is_file())
}

/// Removes the file at `path`'s precompressed siblings, if any.
pub(super) fn remove_siblings(path: &Path) -> io::Result<()> {
    for ending in ENDINGS {
        match std::fs::remove_file(sibling(path, ending)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

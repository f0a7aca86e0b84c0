//! What can go wrong in a run, typed: a `Problem` costs one document or page, which keeps its last
//! good files while the run goes on (exit 1 at the end); a `Fatal` error stops the run before it
//! changes anything, or where going on could lose files (exit 2).
use std::fmt;

/// One document, page or name that this run could not publish: what, and why.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Problem {
    /// The API document (its contract path), the page's file or the section or story.
    pub what: String,
    /// The reason: a status and URL, a decoding error with its field, a refused name.
    pub why: String,
}

impl Problem {
    pub fn new(what: impl Into<String>, why: impl fmt::Display) -> Problem {
        Problem { what: what.into(), why: why.to_string() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.what, self.why)
    }
}

/// Why a run stopped.
#[derive(Debug)]
pub(super) enum Fatal {
    /// The command line is wrong (with the usage).
    Usage(String),
    /// A document every page needs (`site.json`) could not be read: nothing was changed.
    Unreadable(Problem),
    /// The built app's `index.html` is missing or not one `./x build` made.
    Template(String),
    /// Another run holds the output folder, or its lock cannot be taken.
    Locked(String),
    /// A file could not be written or removed: the files already written are whole, the
    /// manifest is the last run's, and the next run finishes the work.
    Write { path: String, error: std::io::Error },
}

impl Fatal {
    pub fn write(path: impl Into<String>) -> impl FnOnce(std::io::Error) -> Fatal {
        let path = path.into();
        move |error| Fatal::Write { path, error }
    }
}

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fatal::Usage(why) | Fatal::Template(why) | Fatal::Locked(why) => f.write_str(why),
            Fatal::Unreadable(problem) => write!(f, "{problem}; nothing was changed"),
            Fatal::Write { path, error } => write!(f, "writing {path}: {error}"),
        }
    }
}

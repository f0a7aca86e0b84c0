//! Where publish reads the newsroom's API: a folder of contract v1 files, or an `http(s)` base
//! URL, fetched with timeouts (ureq: blocking, small, rustls for https). Every error names the
//! document and, over the web, the URL that failed.
use super::error::Problem;
use crate::api::json::{from_str, Decode};
use std::path::PathBuf;
use std::time::Duration;

/// How long a connection may take (a whole document: `--timeout`).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

pub(super) enum Source {
    Folder(PathBuf),
    /// A base URL ending in `/`.
    Web {
        base: String,
        agent: ureq::Agent,
    },
    /// Documents made by this run (from WordPress: `wordpress/`), by contract path.
    Documents(std::collections::BTreeMap<String, String>),
}

impl Source {
    /// `--api`: an `http(s)` URL, whose documents may take `timeout` each, or else a folder.
    pub fn new(api: &str, timeout: Duration) -> Source {
        let lower = api.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            let base = if api.ends_with('/') { api.to_string() } else { format!("{api}/") };
            let agent =
                ureq::AgentBuilder::new().timeout_connect(CONNECT_TIMEOUT.min(timeout)).timeout(timeout).build();
            Source::Web { base, agent }
        } else {
            Source::Folder(PathBuf::from(api))
        }
    }

    /// The base URL, when the API is on the web.
    pub fn url(&self) -> Option<&str> {
        match self {
            Source::Folder(_) | Source::Documents(_) => None,
            Source::Web { base, .. } => Some(base),
        }
    }

    /// The text of the document at `path` (as the app requests it, percent-encoded).
    pub fn read_text(&self, path: &str) -> Result<String, Problem> {
        match self {
            Source::Folder(folder) => std::fs::read_to_string(folder.join(crate::links::decode_component(path)))
                .map_err(|e| Problem::new(path, e)),
            Source::Web { base, agent } => {
                let url = format!("{base}{path}");
                let response = agent.get(&url).call().map_err(|e| match e {
                    ureq::Error::Status(status, _) => Problem::new(path, format!("GET {url} answered {status}")),
                    ureq::Error::Transport(e) => Problem::new(path, format!("GET {url} failed: {e}")),
                })?;
                response
                    .into_string()
                    .map_err(|e| Problem::new(path, format!("GET {url}: reading the body failed: {e}")))
            }
            Source::Documents(documents) => documents
                .get(&crate::links::decode_component(path))
                .cloned()
                .ok_or_else(|| Problem::new(path, "not found")),
        }
    }

    /// The document at `path`, decoded.
    pub fn read<T: Decode>(&self, path: &str) -> Result<T, Problem> {
        from_str(&self.read_text(path)?).map_err(|e| Problem::new(path, e))
    }
}

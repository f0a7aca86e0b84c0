//! Fingerprints of a page's inputs: a page whose fingerprint is what the last run recorded is
//! not drawn again. Every input that can change a page's bytes is in it: the built `index.html`
//! and the API base it is pointed at, `site.json`, the site URL, the footer's year and this
//! program (the run's); the language's edition; the page's own document; and what the page
//! shows of others (the section's newest stories beside a story, the addresses of its
//! translations, which languages have a feed's section).
use std::hash::{DefaultHasher, Hash, Hasher};

/// Bumped when publish draws the same inputs differently in a way the program's identity would
/// not show (it always does: a new build is a new program).
const FORMAT: u32 = 2;

/// The fingerprint of `inputs`.
pub(super) fn of(inputs: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    inputs.hash(&mut hasher);
    hasher.finish()
}

/// What every page of a run depends on besides its language and its own documents.
pub(super) struct RunInputs<'a> {
    /// The built `index.html`, pointed at the API.
    pub template: &'a str,
    pub api_base: &'a str,
    pub site: &'a crate::api::Site,
    pub site_url: &'a str,
    /// The year the footer's © shows.
    pub year: i32,
}

pub(super) fn run(inputs: &RunInputs) -> u64 {
    // This program: a new build of publish may draw the same input differently.
    let program = std::env::current_exe().and_then(std::fs::metadata).ok().map(|m| (m.len(), m.modified().ok()));
    of((FORMAT, inputs.template, inputs.api_base, format!("{:?}", inputs.site), inputs.site_url, inputs.year, program))
}

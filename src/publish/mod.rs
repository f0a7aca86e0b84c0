//! `./x publish`: what the newsroom's API becomes as static files beside the app, written each
//! time the newsroom publishes, on a live site, by cron, against a CMS that sometimes fails. For
//! every language: the front page and each section with every page of its feed, and every story,
//! as HTML drawn by the app's own components, at the files static hosts answer the routes' own
//! addresses with (`route::Route::file`); sitemaps, Atom feeds and `robots.txt`; a folder API's
//! copy. Any other address (a story newer than the last run) gets the app through the host's SPA
//! fallback.
//!
//! Nothing is lost on a bad run: a page goes only when a successfully read API no longer lists
//! it; what cannot be read keeps its last good files, is named, and makes the run exit 1. Files
//! are replaced atomically, the manifest last, and two runs never write at once. The map:
//! `options` (command line) → `run` (the order of a run) → `load` (site, editions, stories,
//! checked) → `html` (which pages, drawn on every core by `pages` with `head`, skipped by
//! `fingerprint`) → `lists` (`sitemaps`, `feeds`) → `api_copy` → `output` (`atomic` writes,
//! `precompressed` siblings kept in step, removal) with `manifest` (what the last run made, the
//! lock). `deploy` points the app at its API (also `./x set-api-base`); `source` reads the API;
//! `error` types what goes wrong.
mod api_copy;
mod atomic;
mod deploy;
mod error;
mod feeds;
mod fingerprint;
mod head;
mod html;
mod lists;
mod load;
mod manifest;
mod options;
mod output;
mod pages;
mod precompressed;
mod run;
mod search_index;
mod search_shards;
mod search_words;
mod sitemaps;
mod source;
#[cfg(test)]
mod tests;
mod web_manifest;
mod wordpress;
mod xml;

use error::Fatal;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

/// The publish command (and `set-api-base`, `search-index`): runs, reports, and exits 0 when everything was
/// published, 1 when some documents could not be (their last good files stay), 2 when the run
/// stopped.
pub fn main() -> ExitCode {
    search_index::set_chunk_size();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match args.first().map(String::as_str) {
        Some("set-api-base") => Some(deploy::command as fn(&[String]) -> Result<String, Fatal>),
        Some("search-index") => Some(search_index::command as fn(&[String]) -> Result<String, Fatal>),
        _ => None,
    };
    if let Some(command) = command {
        return match command(&args[1..]) {
            Ok(said) => {
                println!("{said}");
                ExitCode::SUCCESS
            }
            Err(why) => stopped(&why),
        };
    }
    let outcome = options::Options::parse(&args).and_then(|options| run::run(&options, now_minutes()));
    match outcome {
        Ok(report) => {
            println!("{report}");
            for problem in &report.problems {
                eprintln!("publish: not published: {problem}");
            }
            if report.problems.is_empty() {
                ExitCode::SUCCESS
            } else {
                eprintln!(
                    "publish: {} problem(s); the pages and files they concern were left as the last run published them",
                    report.problems.len()
                );
                ExitCode::FAILURE
            }
        }
        Err(why) => stopped(&why),
    }
}

fn stopped(why: &Fatal) -> ExitCode {
    eprintln!("publish: {why}");
    ExitCode::from(2)
}

fn now_minutes() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| (d.as_secs() / 60) as i64)
}

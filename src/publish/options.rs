//! The publish command line.
use super::error::Fatal;
use super::search_index::Cut;
use std::path::PathBuf;
use std::time::Duration;

pub(super) const USAGE: &str =
    "usage: ./x publish (--api <folder or http(s) URL> | --wordpress [<lang>=]<REST API root URL>... \
[--newsroom <file.json>]) --site-url <absolute public URL> \
[--api-base <URL the browser fetches the API from>] [--out <folder with the built app, default dist>] \
[--timeout <seconds a web API's document may take, default 30>] \
[--search-shard-stories <stories per search index shard, default 600>] \
[--search-words-block-shards <shards per block of the search words index, default 16>]
       ./x set-api-base <folder with the built app> <URL the browser fetches the API from>";

pub(super) struct Options {
    /// A folder or an http(s) base URL (`source.rs`); empty when WordPress is read.
    pub api: String,
    /// `--wordpress`: each language's WordPress REST API root (`wordpress/`).
    pub wordpress: Vec<(String, String)>,
    /// `--newsroom`: what WordPress does not know (`wordpress/newsroom.rs`).
    pub newsroom: Option<PathBuf>,
    /// Absolute, ending in `/` (`https://example.com/news/`).
    pub site_url: String,
    pub out: PathBuf,
    /// Where the browser fetches the API: by default a folder API's copy under the output
    /// folder, or the web API itself.
    pub api_base: Option<String>,
    /// How long one document of a web API may take.
    pub timeout: Duration,
    /// How the search index is cut into shards and blocks (`search_index.rs`).
    pub search: Cut,
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Options, Fatal> {
        let usage = |why: String| Fatal::Usage(format!("{why}\n{USAGE}"));
        let (mut api, mut site_url, mut out, mut api_base) = (None, None, PathBuf::from("dist"), None);
        let mut timeout = Duration::from_secs(30);
        let mut search = Cut::default();
        let (mut wordpress, mut newsroom) = (vec![], None);
        let mut args = args.iter();
        while let Some(flag) = args.next() {
            let value = args.next().ok_or_else(|| usage(format!("{flag} needs a value")))?;
            match flag.as_str() {
                "--api" => api = Some(value.clone()),
                "--site-url" => site_url = Some(value.clone()),
                "--out" => out = PathBuf::from(value),
                "--api-base" => api_base = Some(value.clone()),
                "--wordpress" => wordpress.push(language_and_url(value)),
                "--newsroom" => newsroom = Some(PathBuf::from(value)),
                "--timeout" => {
                    let seconds: f64 = value
                        .parse()
                        .ok()
                        .filter(|s: &f64| *s > 0.0)
                        .ok_or_else(|| usage(format!("--timeout takes seconds, not {value:?}")))?;
                    timeout = Duration::from_secs_f64(seconds);
                }
                "--search-shard-stories" => search.shard_stories = count(flag, value, "stories").map_err(usage)?,
                "--search-words-block-shards" => search.block_shards = count(flag, value, "shards").map_err(usage)?,
                _ => return Err(usage(format!("unknown option {flag}"))),
            }
        }
        let api = match (api, wordpress.is_empty()) {
            (Some(api), true) => api,
            (None, false) => String::new(),
            (Some(_), false) => return Err(usage("--api and --wordpress: give one".into())),
            (None, true) => return Err(usage("--api or --wordpress is missing".into())),
        };
        let mut codes: Vec<&str> = wordpress.iter().map(|(code, _)| code.as_str()).collect();
        codes.sort();
        if codes.windows(2).any(|w| w[0] == w[1]) {
            return Err(usage("--wordpress: one site per language".into()));
        }
        let mut site_url = site_url.ok_or_else(|| usage("--site-url is missing".into()))?;
        if !(site_url.starts_with("https://") || site_url.starts_with("http://")) {
            return Err(usage(format!("--site-url must be an absolute http(s) URL, not {site_url:?}")));
        }
        if !site_url.ends_with('/') {
            site_url.push('/');
        }
        Ok(Options { api, wordpress, newsroom, site_url, out, api_base, timeout, search })
    }
}

/// `en=https://example.com/wp-json/` as its language and URL; a bare URL is the `en` site.
fn language_and_url(value: &str) -> (String, String) {
    match value.split_once('=') {
        Some((code, url)) if !code.is_empty() && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') => {
            (code.to_string(), url.to_string())
        }
        _ => ("en".to_string(), value.to_string()),
    }
}

/// `value` of option `flag` as a count of `what` (more than none).
fn count(flag: &str, value: &str, what: &str) -> Result<usize, String> {
    value
        .parse()
        .ok()
        .filter(|n: &usize| *n > 0)
        .ok_or_else(|| format!("{flag} takes a number of {what}, not {value:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(extra: &[&str]) -> Result<Options, Fatal> {
        let args = ["--api", "api", "--site-url", "https://example.com/"].iter().chain(extra);
        Options::parse(&args.map(|a| a.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn the_search_index_is_cut_as_told_or_by_default() {
        let told = parse(&["--search-shard-stories", "40", "--search-words-block-shards", "2"]).unwrap();
        assert_eq!((told.search.shard_stories, told.search.block_shards), (40, 2));
        let default = parse(&[]).unwrap();
        assert_eq!((default.search.shard_stories, default.search.block_shards), (600, 16));
        for bad in ["0", "-1", "two"] {
            let Err(Fatal::Usage(why)) = parse(&["--search-words-block-shards", bad]) else { panic!("{bad} taken") };
            assert!(
                why.starts_with(&format!("--search-words-block-shards takes a number of shards, not \"{bad}\"")),
                "{why}"
            );
        }
    }
}

//! The publish command line.
use super::error::Fatal;
use std::path::PathBuf;
use std::time::Duration;

pub(super) const USAGE: &str = "usage: ./x publish --api <folder or http(s) URL> --site-url <absolute public URL> \
[--api-base <URL the browser fetches the API from>] [--out <folder with the built app, default dist>] \
[--timeout <seconds a web API's document may take, default 30>]
       ./x set-api-base <folder with the built app> <URL the browser fetches the API from>";

pub(super) struct Options {
    /// A folder or an http(s) base URL (`source.rs`).
    pub api: String,
    /// Absolute, ending in `/` (`https://example.com/news/`).
    pub site_url: String,
    pub out: PathBuf,
    /// Where the browser fetches the API: by default a folder API's copy under the output
    /// folder, or the web API itself.
    pub api_base: Option<String>,
    /// How long one document of a web API may take.
    pub timeout: Duration,
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Options, Fatal> {
        let usage = |why: String| Fatal::Usage(format!("{why}\n{USAGE}"));
        let (mut api, mut site_url, mut out, mut api_base) = (None, None, PathBuf::from("dist"), None);
        let mut timeout = Duration::from_secs(30);
        let mut args = args.iter();
        while let Some(flag) = args.next() {
            let value = args.next().ok_or_else(|| usage(format!("{flag} needs a value")))?;
            match flag.as_str() {
                "--api" => api = Some(value.clone()),
                "--site-url" => site_url = Some(value.clone()),
                "--out" => out = PathBuf::from(value),
                "--api-base" => api_base = Some(value.clone()),
                "--timeout" => {
                    let seconds: f64 = value
                        .parse()
                        .ok()
                        .filter(|s: &f64| *s > 0.0)
                        .ok_or_else(|| usage(format!("--timeout takes seconds, not {value:?}")))?;
                    timeout = Duration::from_secs_f64(seconds);
                }
                _ => return Err(usage(format!("unknown option {flag}"))),
            }
        }
        let api = api.ok_or_else(|| usage("--api is missing".into()))?;
        let mut site_url = site_url.ok_or_else(|| usage("--site-url is missing".into()))?;
        if !(site_url.starts_with("https://") || site_url.starts_with("http://")) {
            return Err(usage(format!("--site-url must be an absolute http(s) URL, not {site_url:?}")));
        }
        if !site_url.ends_with('/') {
            site_url.push('/');
        }
        Ok(Options { api, site_url, out, api_base, timeout })
    }
}

//! Asking a WordPress REST API politely: a timeout on every request, a retry with growing pauses
//! after a 429, a 5xx or a failed connection, the pages of a listing (`X-WP-TotalPages`) a few
//! at a time, and a count of requests and of the time WordPress took to answer them.
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How many requests one listing has in flight at once.
const PARALLEL: usize = 4;
/// Attempts per request, and the pause before the second (doubled before each next one).
const ATTEMPTS: u32 = 4;
const FIRST_PAUSE: Duration = Duration::from_millis(500);

/// One answer: its JSON, and what WordPress says of the listing it is a page of.
pub(super) struct Answer {
    pub json: serde_json::Value,
    pub total: Option<usize>,
    pub total_pages: Option<usize>,
    /// The server's clock (`Date`), in minutes since the epoch.
    pub date: Option<i64>,
}

pub(super) struct Client {
    agent: ureq::Agent,
    /// The REST API's root, as given (`https://example.com/wp-json/`, or `…/?rest_route=/`).
    base: String,
    pub requests: AtomicUsize,
    micros: AtomicU64,
}

impl Client {
    pub fn new(base: &str, timeout: Duration) -> Client {
        let agent = ureq::AgentBuilder::new()
            .timeout_connect(Duration::from_secs(10).min(timeout))
            .timeout(timeout)
            .user_agent(concat!("Gazette-publish/", env!("CARGO_PKG_VERSION")))
            .build();
        let base =
            if base.ends_with('/') || base.contains("rest_route=") { base.to_string() } else { format!("{base}/") };
        Client { agent, base, requests: AtomicUsize::new(0), micros: AtomicU64::new(0) }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// The time WordPress spent answering (from each request sent to its answer read).
    pub fn waited(&self) -> Duration {
        Duration::from_micros(self.micros.load(Ordering::Relaxed))
    }

    /// The URL of `route` (`wp/v2/posts?per_page=100`) under the API's root.
    fn url(&self, route: &str) -> String {
        if self.base.contains("rest_route=") {
            format!("{}{}", self.base, route.replacen('?', "&", 1))
        } else {
            format!("{}{route}", self.base)
        }
    }

    /// GET `route`, retried after a 429, a 5xx or a failed connection.
    pub fn get(&self, route: &str) -> Result<Answer, String> {
        let url = self.url(route);
        let mut pause = FIRST_PAUSE;
        for attempt in 1..=ATTEMPTS {
            let started = Instant::now();
            self.requests.fetch_add(1, Ordering::Relaxed);
            let outcome = self.agent.get(&url).call();
            let answer = match outcome {
                Ok(response) => {
                    let header = |name: &str| response.header(name).and_then(|v| v.trim().parse::<usize>().ok());
                    let (total, total_pages) = (header("x-wp-total"), header("x-wp-totalpages"));
                    let date = response.header("date").and_then(http_date);
                    let body = response.into_string().map_err(|e| format!("GET {url}: reading the answer failed: {e}"));
                    self.micros.fetch_add(started.elapsed().as_micros() as u64, Ordering::Relaxed);
                    let json = serde_json::from_str(&body?).map_err(|e| {
                        format!("GET {url}: the answer is not JSON ({e}); is this a WordPress REST API?")
                    })?;
                    return Ok(Answer { json, total, total_pages, date });
                }
                Err(ureq::Error::Status(status, _)) if status != 429 && status < 500 => {
                    return Err(format!("GET {url} answered {status}"));
                }
                Err(ureq::Error::Status(status, _)) => format!("answered {status}"),
                Err(ureq::Error::Transport(e)) => format!("failed: {e}"),
            };
            self.micros.fetch_add(started.elapsed().as_micros() as u64, Ordering::Relaxed);
            if attempt == ATTEMPTS {
                return Err(format!("GET {url} {answer} ({ATTEMPTS} attempts)"));
            }
            eprintln!("publish: GET {url}: {answer}; trying again in {} ms", pause.as_millis());
            std::thread::sleep(pause);
            pause *= 2;
        }
        unreachable!("the last attempt returns")
    }

    /// Every item of the listing at `route` (which holds `per_page`): the first page, then the
    /// others a few at a time, in order.
    pub fn all(&self, route: &str) -> Result<Vec<serde_json::Value>, String> {
        let first = self.get(route)?;
        let pages = first.total_pages.unwrap_or(1);
        let mut items = array(first.json, route)?;
        if pages > 1 {
            eprintln!("publish: {route}: {} items in {pages} pages", first.total.unwrap_or(0));
        }
        let rest: Vec<usize> = (2..=pages).collect();
        let results: Mutex<Vec<(usize, Listing)>> = Mutex::new(vec![]);
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..PARALLEL.min(rest.len()) {
                scope.spawn(|| {
                    while let Some(&page) = rest.get(next.fetch_add(1, Ordering::Relaxed)) {
                        let got = self.get(&format!("{route}&page={page}")).and_then(|a| array(a.json, route));
                        let failed = got.is_err();
                        let mut results = results.lock().expect("no panic holds it");
                        results.push((page, got));
                        let done = results.len() + 1;
                        if done.is_multiple_of(10) || done == pages {
                            eprintln!("publish: {route}: page {done} of {pages} read");
                        }
                        drop(results);
                        if failed {
                            next.store(rest.len(), Ordering::Relaxed);
                        }
                    }
                });
            }
        });
        let mut results = results.into_inner().expect("no panic holds it");
        results.sort_by_key(|(page, _)| *page);
        for (_, got) in results {
            items.extend(got?);
        }
        Ok(items)
    }
}

/// The items of one page of a listing, or why it could not be read.
type Listing = Result<Vec<serde_json::Value>, String>;

fn array(json: serde_json::Value, route: &str) -> Listing {
    match json {
        serde_json::Value::Array(items) => Ok(items),
        other => Err(format!(
            "{route}: a list was expected, not {}",
            other.to_string().chars().take(200).collect::<String>()
        )),
    }
}

/// An HTTP date (`Wed, 02 Dec 2026 11:18:47 GMT`) in minutes since the epoch.
fn http_date(raw: &str) -> Option<i64> {
    let parts: Vec<&str> = raw.split_whitespace().collect();
    let [_, day, month, year, time, "GMT"] = parts.as_slice() else { return None };
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let month = MONTHS.iter().position(|m| m == month)? + 1;
    let text = format!("{year}-{month:02}-{:02}T{time}Z", day.parse::<u32>().ok()?);
    super::clock::minutes(&text)
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_http_date_is_read_as_utc() {
        assert_eq!(
            super::http_date("Wed, 02 Dec 2026 11:18:47 GMT"),
            super::super::clock::minutes("2026-12-02T11:18:47Z")
        );
        assert_eq!(super::http_date("2026-12-02"), None);
    }
}

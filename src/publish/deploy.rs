//! Pointing a built site at an API: the one place that writes the API base into the app's pages.
//! `<meta name="gazette-api-base">`, and the Content-Security-Policy's `img-src` and `connect-src`
//! (any `https:` host is allowed already; an `http:` API adds its own origin and nothing else, and
//! an `http:` WordPress its origin to `img-src`, where its pictures are), in
//! the `<meta http-equiv>` of the app's pages and in `_headers`. `./x publish --api-base` runs it
//! on `index.html`, `404.html` and `_headers` and draws every page from the pointed
//! `index.html`; `./x set-api-base <dist> <base>` runs it on those and on every page publish
//! wrote, without publishing. A page without the meta (a newsroom's own) is not the app's and is
//! left alone.
use super::atomic::write_atomically;
use super::error::Fatal;
use super::manifest::walk;
use super::precompressed::compress_beside;
use super::xml::escape;
use std::path::Path;

const API_BASE_META: &str = "<meta name=\"gazette-api-base\" content=\"";
const CSP_META: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"";
const CSP_HEADER: &str = "Content-Security-Policy: ";

/// The app's page `html` reading its API from `base`, and its pictures from there and from the
/// `http:` sites in `pictures` too (a WordPress site's own, say); `None` if it is not the app's
/// (no meta).
pub(super) fn point_page_at(html: &str, base: &str, pictures: &[String]) -> Option<String> {
    let value_at = html.find(API_BASE_META)? + API_BASE_META.len();
    let value_end = value_at + html[value_at..].find('"')?;
    let html = format!("{}{}{}", &html[..value_at], escape(base), &html[value_end..]);
    Some(match html.find(CSP_META) {
        Some(at) => {
            let (policy_at, policy_end) =
                (at + CSP_META.len(), at + CSP_META.len() + html[at + CSP_META.len()..].find('"')?);
            format!(
                "{}{}{}",
                &html[..policy_at],
                policy_for(&html[policy_at..policy_end], base, pictures),
                &html[policy_end..]
            )
        }
        None => html, // a development build carries no policy
    })
}

/// `_headers` with its policy lines allowing the API at `base` and the pictures of `pictures`.
fn point_headers_at(headers: &str, base: &str, pictures: &[String]) -> String {
    let mut text: String = headers
        .lines()
        .map(|line| match line.find(CSP_HEADER) {
            Some(at) => {
                format!(
                    "{}{}",
                    &line[..at + CSP_HEADER.len()],
                    policy_for(&line[at + CSP_HEADER.len()..], base, pictures)
                )
            }
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    if headers.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// `policy` with the directives that name where the API's documents and pictures come from set
/// for `base`, and for pictures also the `http:` origins of `pictures`.
fn policy_for(policy: &str, base: &str, pictures: &[String]) -> String {
    let origin = http_origin(base).map(|o| format!(" {o}")).unwrap_or_default();
    let mut picture_origins = origin.clone();
    for other in pictures.iter().filter_map(|p| http_origin(p)) {
        if !picture_origins.split(' ').any(|o| o == other) {
            picture_origins.push_str(&format!(" {other}"));
        }
    }
    policy
        .split("; ")
        .map(|directive| match directive.split(' ').next() {
            Some("img-src") => format!("img-src 'self' https: data:{picture_origins}"),
            Some("connect-src") => format!("connect-src 'self' https:{origin}"),
            _ => directive.to_string(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The origin of an `http:` API base (a local one in development, say), which the policy must
/// name; `None` for a relative or `https:` base.
fn http_origin(base: &str) -> Option<String> {
    let url = url::Url::parse(base).ok().filter(|u| u.scheme() == "http")?;
    Some(url.origin().ascii_serialization())
}

/// Points the built app in `dir` at `base` (and its pictures at `pictures` too, as
/// `point_page_at`): `index.html`, `404.html` (each recompressed) and `_headers`. Returns the
/// files it changed.
pub(super) fn point_app_at(dir: &Path, base: &str, pictures: &[String]) -> Result<Vec<String>, Fatal> {
    let mut changed = vec![];
    for name in ["index.html", "404.html"] {
        let path = dir.join(name);
        let Ok(html) = std::fs::read_to_string(&path) else { continue };
        let pointed = point_page_at(&html, base, pictures).ok_or_else(|| {
            Fatal::Template(format!("{}: no gazette-api-base meta: run ./x build first", path.display()))
        })?;
        if pointed != html {
            write_atomically(&path, pointed.as_bytes()).map_err(Fatal::write(name))?;
            compress_beside(&path, pointed.as_bytes()).map_err(Fatal::write(name))?;
            changed.push(name.to_string());
        }
    }
    let headers = dir.join("_headers");
    if let Ok(text) = std::fs::read_to_string(&headers) {
        let pointed = point_headers_at(&text, base, pictures);
        if pointed != text {
            write_atomically(&headers, pointed.as_bytes()).map_err(Fatal::write("_headers"))?;
            changed.push("_headers".into());
        }
    }
    Ok(changed)
}

/// `./x set-api-base <dist> <base>`: the app, and every page of the app's in `dist` (published
/// pages: a page without the meta is left alone), read their API from `base`.
pub(super) fn set_api_base(dir: &Path, base: &str) -> Result<Vec<String>, Fatal> {
    if !dir.join("index.html").is_file() {
        return Err(Fatal::Template(format!("no index.html in {}: run ./x build first", dir.display())));
    }
    let mut changed = point_app_at(dir, base, &[])?;
    for (relative, path) in walk(dir) {
        let app_file = matches!(relative.as_str(), "index.html" | "404.html");
        if app_file || !relative.ends_with(".html") || relative.starts_with("api/") {
            continue;
        }
        let Ok(html) = std::fs::read_to_string(&path) else { continue };
        let Some(pointed) = point_page_at(&html, base, &[]) else { continue };
        if pointed != html {
            write_atomically(&path, pointed.as_bytes()).map_err(Fatal::write(relative.clone()))?;
            changed.push(relative);
        }
    }
    Ok(changed)
}

/// The command: prints what changed, or why it could not.
pub(super) fn command(args: &[String]) -> Result<String, Fatal> {
    let [dir, base] = args else {
        return Err(Fatal::Usage(super::options::USAGE.into()));
    };
    let changed = set_api_base(Path::new(dir), base)?;
    Ok(format!("set-api-base: {dir} now reads its API from {base} ({} files changed)", changed.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str =
        "<head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' \
        'sha256-x'; img-src 'self' https: data:; connect-src 'self' https:; object-src 'none'\">\
        <meta name=\"gazette-api-base\" content=\"api/v1/\"></head>";

    #[test]
    fn an_http_api_adds_its_own_origin_and_nothing_else() {
        let pointed = point_page_at(PAGE, "http://127.0.0.1:4173/fixtures/other/", &[]).unwrap();
        assert!(pointed.contains("content=\"http://127.0.0.1:4173/fixtures/other/\""));
        assert!(pointed.contains(
            "img-src 'self' https: data: http://127.0.0.1:4173; connect-src 'self' https: http://127.0.0.1:4173;"
        ));
        assert!(pointed.contains("script-src 'self' 'sha256-x'; "), "the rest of the policy stays");
        let back = point_page_at(&pointed, "api/v1/", &[]).unwrap();
        assert_eq!(back, PAGE, "pointing back at the default undoes it");
        let https = point_page_at(PAGE, "https://api.example.com/v1/", &[]).unwrap();
        assert!(https.contains("connect-src 'self' https:;"), "https hosts are allowed already");
    }

    #[test]
    fn pictures_from_an_http_site_add_its_origin_to_img_src_only() {
        let sites = ["http://127.0.0.1:4178".to_string(), "https://wp.example.com/".to_string()];
        let pointed = point_page_at(PAGE, "api/v1/", &sites).unwrap();
        assert!(
            pointed.contains("img-src 'self' https: data: http://127.0.0.1:4178; connect-src 'self' https:;"),
            "{pointed}"
        );
    }

    #[test]
    fn a_page_without_the_meta_is_not_the_apps() {
        assert_eq!(point_page_at("<html><head><title>About us</title></head></html>", "api/v1/", &[]), None);
    }

    #[test]
    fn the_header_policy_follows_the_api() {
        let headers =
            "/*\n  Content-Security-Policy: default-src 'self'; connect-src 'self' https:; frame-ancestors 'none'\n";
        let pointed = point_headers_at(headers, "http://localhost:9000/api/", &[]);
        assert_eq!(
            pointed,
            "/*\n  Content-Security-Policy: default-src 'self'; connect-src 'self' https: http://localhost:9000; \
             frame-ancestors 'none'\n"
        );
    }
}

//! URL components, share URLs, and the check that decides whether a link or an image from the
//! API may be one at all. The site's own addresses are `route.rs`'s.

/// Percent-encodes a URL component: everything but RFC 3986 unreserved characters.
pub fn encode_component(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for byte in raw.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` (as sent by a search form) back to text.
pub fn decode_component(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The API's link, if it may be a link: http, https, mailto, or a path on this site.
/// Anything else (javascript:, data:, vbscript:, protocol-relative `//host`) is shown as text,
/// and so is an http(s) address a browser cannot parse (`http://%`, a port that is no number).
pub fn safe_href(raw: &str) -> Option<String> {
    let href = raw.trim();
    let allowed_scheme = is_web_url(href) || href.to_ascii_lowercase().starts_with("mailto:");
    let site_path = href.starts_with('/') && !href.starts_with("//") && !href.starts_with("/\\");
    let clean = !href.chars().any(|c| c.is_control());
    ((allowed_scheme || site_path) && clean).then(|| href.to_string())
}

/// Whether `href` is an http(s) address that is a URL by the WHATWG URL standard: the browser's
/// own parser in the browser, the `url` crate (the same standard) when `./x publish` draws a page.
fn is_web_url(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return false;
    }
    #[cfg(target_arch = "wasm32")]
    return web_sys::Url::new(href).is_ok();
    #[cfg(not(target_arch = "wasm32"))]
    url::Url::parse(href).is_ok()
}

/// An image source from the API, if it is one: http(s) (an address a browser parses, as for
/// links), a site path, or a path relative to the site's public URL. Other schemes (data:,
/// javascript:) are dropped with the image.
pub fn safe_src(raw: &str) -> Option<String> {
    let src = raw.trim();
    let scheme_end = src.find(':');
    let first_separator = src.find(['/', '?', '#']);
    let relative = match (scheme_end, first_separator) {
        (None, _) => true,
        (Some(colon), Some(sep)) => sep < colon,
        (Some(_), None) => false,
    };
    let web = is_web_url(src);
    // `//host`, and `/\host` or `\\host` which browsers read the same way, leave the site.
    let other_host = src.chars().take(2).filter(|c| matches!(c, '/' | '\\')).count() == 2;
    let ok = !src.is_empty() && !other_host && !src.chars().any(|c| c.is_control()) && (web || relative);
    ok.then(|| src.to_string())
}

/// Share targets for an article: (id used for icon and name, URL).
pub fn share_links(url: &str, title: &str) -> [(&'static str, String); 5] {
    let (u, t) = (encode_component(url), encode_component(title));
    [
        ("x", format!("https://twitter.com/intent/tweet?url={u}&text={t}")),
        ("facebook", format!("https://www.facebook.com/sharer/sharer.php?u={u}")),
        ("telegram", format!("https://t.me/share/url?url={u}&text={t}")),
        ("whatsapp", format!("https://wa.me/?text={t}%20{u}")),
        ("email", format!("mailto:?subject={t}&body={u}")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_safe_schemes_and_site_paths_are_links() {
        for ok in [
            "https://example.org/a?b=c",
            "HTTP://EXAMPLE.ORG",
            "mailto:desk@example.org",
            "/en/politics/1/x",
            " https://x.org ",
        ] {
            assert!(safe_href(ok).is_some(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<b>",
            "vbscript:x",
            "//evil.example/x",
            "/\\evil.example",
            "ftp://x.org",
            "relative/path",
            "",
            "java\tscript:x",
            "https://x.org/\nx",
            "http://%",
            "https://x.org:port/",
        ] {
            assert!(safe_href(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn image_sources_must_be_web_or_relative() {
        for ok in ["img/a.svg", "/img/a.svg", "https://cdn.example/a.jpg", "a.png?v=1:2"] {
            assert!(safe_src(ok).is_some(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "//evil.example/a.png",
            "/\\evil.example/a.png",
            "\\\\evil.example/a.png",
            "",
            "file:///etc/passwd",
            "http://%/a.png",
            "https://x.org:port/a.png",
        ] {
            assert!(safe_src(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn decoding_reverses_encoding() {
        for s in ["ёлка & co", "Ərazi 100%", "a+b", "Հայաստան"] {
            assert_eq!(decode_component(&encode_component(s)), s);
        }
        assert_eq!(decode_component("a+b%20c"), "a b c");
        assert_eq!(decode_component("100%"), "100%");
        assert_eq!(decode_component("%zz"), "%zz");
    }

    #[test]
    fn share_links_carry_the_encoded_url_and_title() {
        let links = share_links("https://n.example/en/a/1/s", "Rates & \"taxes\"");
        let x = &links[0].1;
        assert!(x.contains("url=https%3A%2F%2Fn.example%2Fen%2Fa%2F1%2Fs"), "{x}");
        assert!(x.contains("text=Rates%20%26%20%22taxes%22"), "{x}");
        assert!(links.iter().all(|(_, href)| safe_href(href).is_some()));
    }
}

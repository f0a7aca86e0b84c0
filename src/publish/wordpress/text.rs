//! WordPress's rendered HTML as plain text: a title, an excerpt, a caption or a term's name comes
//! as a fragment of HTML with entities and typographic quotes (`&#8220;`, `&amp;`); the contract
//! carries text. Parsed by html5ever (through `scraper`), so entities are decoded as a browser
//! decodes them, and what a browser would not show as text (scripts, styles) is dropped.
use scraper::{ElementRef, Html, Node};

/// Elements whose content is never text a reader sees.
pub(super) const NOT_TEXT: &[&str] =
    &["script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math", "select", "textarea"];

/// The text of an HTML fragment, whitespace collapsed.
pub(super) fn plain(html: &str) -> String {
    let fragment = Html::parse_fragment(html);
    let mut text = String::new();
    collect(fragment.root_element(), &mut text, &|_| false);
    collapse(&text)
}

/// An excerpt's text without the theme's "Continue reading" link and with WordPress's `[…]` as
/// an ellipsis.
pub(super) fn excerpt(html: &str) -> String {
    let fragment = Html::parse_fragment(html);
    let mut text = String::new();
    let more_link = |e: &ElementRef| {
        e.value().name() == "a"
            && (e.value().has_class("more-link", scraper::CaseSensitivity::AsciiCaseInsensitive)
                || collapse(&e.text().collect::<String>()).to_lowercase().starts_with("continue reading"))
    };
    collect(fragment.root_element(), &mut text, &more_link);
    let text = collapse(&text);
    match text.strip_suffix("[…]").or_else(|| text.strip_suffix("[...]")) {
        Some(cut) => format!("{}…", cut.trim_end()),
        None => text,
    }
}

/// Appends the text under `element` to `text`, leaving out what `skip` names; block elements
/// and line breaks become spaces, so words on either side stay apart.
pub(super) fn collect(element: ElementRef, text: &mut String, skip: &dyn Fn(&ElementRef) -> bool) {
    for child in element.children() {
        match child.value() {
            Node::Text(t) => text.push_str(t),
            Node::Element(e) => {
                let Some(child) = ElementRef::wrap(child) else { continue };
                if NOT_TEXT.contains(&e.name()) || skip(&child) {
                    continue;
                }
                let spaced = !matches!(e.name(), "a" | "b" | "strong" | "i" | "em" | "span" | "code" | "sup" | "sub");
                if spaced {
                    text.push(' ');
                }
                collect(child, text, skip);
                if spaced {
                    text.push(' ');
                }
            }
            _ => {}
        }
    }
}

/// Runs of whitespace (a no-break space included) as one space, none at either end.
pub(super) fn collapse(text: &str) -> String {
    text.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_typographic_quotes_become_their_characters_and_tags_go() {
        assert_eq!(
            plain("Rock &amp; Roll at the &#8220;Old Mill&#8221; &#8211; it&#8217;s <em>back</em>"),
            "Rock & Roll at the “Old Mill” – it’s back"
        );
        assert_eq!(plain("Hostile <script>alert(1)</script> markup"), "Hostile markup");
        assert_eq!(plain("&lt;b&gt;shown&lt;/b&gt;"), "<b>shown</b>");
    }

    #[test]
    fn an_excerpt_loses_its_continue_reading_link_and_ends_in_an_ellipsis() {
        let html = "<p>The ferry runs four times a day. <a href=\"/x\" class=\"more-link\">Continue reading \
                    <span class=\"screen-reader-text\">Ferry</span></a></p>";
        assert_eq!(excerpt(html), "The ferry runs four times a day.");
        assert_eq!(excerpt("<p>Seven to two on Tuesday [&hellip;]</p>\n"), "Seven to two on Tuesday…");
        assert_eq!(excerpt("<p>Words <a href=\"/p\">Continue reading &rarr;</a></p>"), "Words");
    }
}

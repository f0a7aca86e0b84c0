//! Text for XML documents (feeds, sitemaps) and for the published pages' HTML around the app's
//! markup (head tags, attributes): escaped, and without the characters XML 1.0 cannot carry at
//! all, whatever the API sent.

/// `text` escaped for an XML text node or a double-quoted attribute; control characters that
/// XML 1.0 forbids are dropped (a feed with one would not parse anywhere).
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_forbidden_characters_cannot_break_a_document() {
        assert_eq!(escape(r#"<b>"Tom" & 'Jerry'</b>"#), "&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;");
        assert_eq!(escape("a\u{0}b\u{1b}c\u{FFFF}\td"), "abc\td");
        assert_eq!(escape("]]><!-- Ёлка"), "]]&gt;&lt;!-- Ёлка");
    }
}

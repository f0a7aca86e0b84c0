//! A post's `content.rendered` (HTML from the block editor or the classic editor) as contract v1
//! body blocks, parsed by html5ever as a browser would parse it. What the contract has a block for
//! becomes that block; anything else keeps its text as paragraphs; scripts, styles, frames, forms
//! and their content never do. The result is text by construction: no attribute survives but a
//! link's target and a picture's source, size and description, and a link survives only to
//! http(s) or mailto, resolved on the WordPress site's address.
use super::text::{collapse, collect, NOT_TEXT};
use scraper::{CaseSensitivity, ElementRef, Html, Node};
use serde_json::{json, Value};
use url::Url;

/// Elements dropped with everything inside them (beyond what is never text).
const DROPPED: &[&str] = &["form", "button", "input", "label", "nav", "head", "title", "link", "meta", "canvas"];

/// Inline elements: their text joins the paragraph around them.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s",
    "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "br", "wbr", "font",
];

/// The blocks of `html`; links and pictures resolved on `site` (the WordPress site's address).
pub(super) fn blocks(html: &str, site: &Url) -> Vec<Value> {
    let fragment = Html::parse_fragment(html);
    let mut body = Body { site, blocks: vec![], pending: vec![] };
    body.children(fragment.root_element());
    body.flush();
    body.blocks
}

/// A run of text in the making, as the contract's Inline.
#[derive(Clone, Default, PartialEq)]
struct Style {
    bold: bool,
    italic: bool,
    href: Option<String>,
}

struct Body<'a> {
    site: &'a Url,
    blocks: Vec<Value>,
    /// Inline content met between blocks (loose text in a `div`), a paragraph once a block ends it.
    pending: Vec<(String, Style)>,
}

impl Body<'_> {
    fn children(&mut self, element: ElementRef) {
        for child in element.children() {
            match child.value() {
                Node::Text(t) => self.pending.push((t.to_string(), Style::default())),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child);
                    }
                }
                _ => {}
            }
        }
    }

    /// The pending inline content as a paragraph, if it has any words.
    fn flush(&mut self) {
        let runs = std::mem::take(&mut self.pending);
        if let Some(paragraph) = paragraph(runs) {
            self.blocks.push(paragraph);
        }
    }

    fn element(&mut self, e: ElementRef) {
        let name = e.value().name();
        if NOT_TEXT.contains(&name) && name != "iframe" || DROPPED.contains(&name) {
            return;
        }
        if INLINE.contains(&name) {
            let mut runs = vec![];
            let mut pictures = vec![];
            self.inline(e, &Style::default(), &mut runs, &mut pictures);
            self.pending.extend(runs);
            if !pictures.is_empty() {
                self.flush();
                self.blocks.extend(pictures);
            }
            return;
        }
        self.flush();
        match name {
            "p" => self.paragraph(e),
            "h1" | "h2" => self.heading(e, 2),
            "h3" | "h4" | "h5" | "h6" => self.heading(e, 3),
            "blockquote" => self.quote(e),
            "ul" | "ol" => self.list(e, name == "ol"),
            "table" => self.blocks.extend(table(e)),
            "pre" => {
                let text: String = e.text().collect();
                let text = text.trim_matches('\n').to_string();
                if !text.trim().is_empty() {
                    self.blocks.push(json!({"type": "preformatted", "text": text}));
                }
            }
            "img" => self.blocks.extend(self.picture(e, None)),
            "iframe" => self.blocks.extend(self.embed(e)),
            "figure" => self.figure(e),
            "hr" => {}
            _ => {
                self.children(e);
                self.flush();
            }
        }
    }

    fn paragraph(&mut self, e: ElementRef) {
        let (mut runs, mut pictures) = (vec![], vec![]);
        self.inline_children(e, &Style::default(), &mut runs, &mut pictures);
        self.blocks.extend(paragraph(runs));
        self.blocks.extend(pictures);
    }

    fn heading(&mut self, e: ElementRef, level: u8) {
        let text = text_of(e);
        if !text.is_empty() {
            self.blocks.push(json!({"type": "heading", "level": level, "text": text}));
        }
    }

    /// A quote's words, its paragraphs run together; its `cite` element (the block editor's
    /// attribution), else its `cite` attribute, as the citation.
    fn quote(&mut self, e: ElementRef) {
        let is_cite = |c: &ElementRef| matches!(c.value().name(), "cite" | "figcaption" | "footer");
        let cite = e.children().filter_map(ElementRef::wrap).find(is_cite).map(text_of).filter(|c| !c.is_empty());
        let cite = cite.or_else(|| e.value().attr("cite").map(collapse).filter(|c| !c.is_empty()));
        let (mut runs, mut pictures) = (vec![], vec![]);
        for child in e.children() {
            match ElementRef::wrap(child) {
                Some(c) if is_cite(&c) => {}
                Some(c) => {
                    runs.push((" ".to_string(), Style::default()));
                    self.inline(c, &Style::default(), &mut runs, &mut pictures);
                }
                None => {
                    if let Node::Text(t) = child.value() {
                        runs.push((t.to_string(), Style::default()));
                    }
                }
            }
        }
        if let Some(content) = inlines(runs) {
            let mut quote = json!({"type": "quote", "content": content});
            if let Some(cite) = cite {
                quote["cite"] = json!(cite);
            }
            self.blocks.push(quote);
        }
        self.blocks.extend(pictures);
    }

    /// Each item's words (a nested list's among them) as one item.
    fn list(&mut self, e: ElementRef, ordered: bool) {
        let mut items = vec![];
        for item in e.children().filter_map(ElementRef::wrap).filter(|c| c.value().name() == "li") {
            let (mut runs, mut pictures) = (vec![], vec![]);
            self.inline_children(item, &Style::default(), &mut runs, &mut pictures);
            items.extend(inlines(runs));
        }
        if !items.is_empty() {
            self.blocks.push(json!({"type": "list", "ordered": ordered, "items": items}));
        }
    }

    /// A figure: a gallery's pictures, a table, an embed, or a picture with its caption.
    fn figure(&mut self, e: ElementRef) {
        let has_class = |class: &str| e.value().has_class(class, CaseSensitivity::AsciiCaseInsensitive);
        let caption = e.children().filter_map(ElementRef::wrap).find(|c| c.value().name() == "figcaption").map(text_of);
        let caption = caption.filter(|c| !c.is_empty());
        if has_class("wp-block-embed") || e.value().classes().any(|c| c.starts_with("is-provider-")) {
            let url = e.select(&selector("iframe")).next().and_then(|f| f.value().attr("src").map(str::to_string));
            let url =
                url.unwrap_or_else(|| text_of(e.select(&selector(".wp-block-embed__wrapper")).next().unwrap_or(e)));
            let title = caption
                .or_else(|| e.select(&selector("iframe")).next().and_then(|f| f.value().attr("title").map(collapse)));
            self.blocks.extend(self.link_to(&url, title));
            return;
        }
        let nested_figures = e.children().filter_map(ElementRef::wrap).any(|c| c.value().name() == "figure");
        if nested_figures || e.select(&selector("table")).next().is_some() || has_class("wp-block-gallery") {
            self.children(e);
            self.flush();
            return;
        }
        let pictures: Vec<ElementRef> = e.select(&selector("img")).collect();
        if let [img] = pictures.as_slice() {
            self.blocks.extend(self.picture(*img, caption));
            return;
        }
        self.children(e);
        self.flush();
    }

    /// An image block, if the picture has an http(s) source and its size (the contract shows no
    /// picture without one).
    fn picture(&self, img: ElementRef, caption: Option<String>) -> Option<Value> {
        let attr = |name: &str| img.value().attr(name);
        let src = self.resolve(attr("src")?).filter(|u| u.starts_with("http://") || u.starts_with("https://"))?;
        let size = |name: &str| attr(name).and_then(|v| v.trim().parse::<u32>().ok()).filter(|v| *v > 0);
        let (width, height) = (size("width")?, size("height")?);
        let mut image = json!({"type": "image", "src": src, "alt": collapse(attr("alt").unwrap_or("")),
            "width": width, "height": height});
        if let Some(caption) = caption {
            image["caption"] = json!(caption);
        }
        Some(image)
    }

    /// A known provider's frame (YouTube, Vimeo, X, Instagram, Telegram) as a link to it, named by
    /// its title; any other frame goes.
    fn embed(&self, frame: ElementRef) -> Option<Value> {
        let src = frame.value().attr("src")?;
        let title = frame.value().attr("title").map(collapse).filter(|t| !t.is_empty());
        self.link_to(src, title)
    }

    /// A paragraph linking to a known embed's original, with its title (else its address).
    fn link_to(&self, url: &str, title: Option<String>) -> Option<Value> {
        let href = self.resolve(url.trim())?;
        let host = Url::parse(&href).ok()?.host_str()?.trim_start_matches("www.").to_ascii_lowercase();
        const KNOWN: &[&str] = &[
            "youtube.com",
            "youtu.be",
            "youtube-nocookie.com",
            "vimeo.com",
            "player.vimeo.com",
            "twitter.com",
            "x.com",
            "instagram.com",
            "t.me",
            "telegram.me",
        ];
        if !KNOWN.iter().any(|k| host == *k || host.ends_with(&format!(".{k}"))) {
            return None;
        }
        let text = title.unwrap_or_else(|| href.clone());
        Some(json!({"type": "paragraph", "content": [{"text": text, "href": href}]}))
    }

    fn inline_children(
        &self,
        e: ElementRef,
        style: &Style,
        runs: &mut Vec<(String, Style)>,
        pictures: &mut Vec<Value>,
    ) {
        for child in e.children() {
            match child.value() {
                Node::Text(t) => runs.push((t.to_string(), style.clone())),
                Node::Element(_) => {
                    if let Some(c) = ElementRef::wrap(child) {
                        self.inline(c, style, runs, pictures);
                    }
                }
                _ => {}
            }
        }
    }

    /// An element inside running text: emphasis and links become the runs' style; pictures (and a
    /// known embed's link) are set aside to follow the paragraph; a nested block's words join the
    /// text.
    fn inline(&self, e: ElementRef, style: &Style, runs: &mut Vec<(String, Style)>, pictures: &mut Vec<Value>) {
        let name = e.value().name();
        if name == "iframe" {
            // The classic editor's embed: a frame in a paragraph.
            return pictures.extend(self.embed(e));
        }
        if NOT_TEXT.contains(&name) || DROPPED.contains(&name) {
            return;
        }
        let mut style = style.clone();
        match name {
            "b" | "strong" => style.bold = true,
            "i" | "em" | "cite" => style.italic = true,
            "a" => style.href = e.value().attr("href").and_then(|h| self.resolve(h)),
            "br" => return runs.push((" ".into(), style)),
            "img" => return pictures.extend(self.picture(e, None)),
            _ => {}
        }
        let block = !INLINE.contains(&name);
        if block {
            runs.push((" ".into(), style.clone()));
        }
        self.inline_children(e, &style, runs, pictures);
        if block {
            runs.push((" ".into(), style));
        }
    }

    /// `raw` on the site's address, if it is a link a page may carry: http(s) or mailto.
    fn resolve(&self, raw: &str) -> Option<String> {
        let url = self.site.join(raw.trim()).ok()?;
        matches!(url.scheme(), "http" | "https" | "mailto").then(|| url.to_string())
    }
}

/// A paragraph of `runs`, if they hold any words.
fn paragraph(runs: Vec<(String, Style)>) -> Option<Value> {
    inlines(runs).map(|content| json!({"type": "paragraph", "content": content}))
}

/// The contract's inlines from runs of text: whitespace collapsed across runs, neighbours of one
/// style merged, nothing but whitespace (`&nbsp;` too) is none.
fn inlines(runs: Vec<(String, Style)>) -> Option<Vec<Value>> {
    let mut merged: Vec<(String, Style)> = vec![];
    let mut space_before = false;
    for (text, style) in runs {
        for (i, word) in text.split(char::is_whitespace).enumerate() {
            if i > 0 {
                space_before = true;
            }
            if word.is_empty() {
                continue;
            }
            let gap = if space_before && !merged.is_empty() { " " } else { "" };
            space_before = false;
            match merged.last_mut() {
                Some((last, s)) if *s == style => {
                    last.push_str(gap);
                    last.push_str(word);
                }
                // A space between two styles goes to the plain side, never inside a link or emphasis.
                Some((last, s)) if *s == Style::default() => {
                    last.push_str(gap);
                    merged.push((word.to_string(), style.clone()));
                }
                _ => merged.push((format!("{gap}{word}"), style.clone())),
            }
        }
    }
    let runs: Vec<Value> = merged
        .into_iter()
        .map(|(text, style)| {
            let mut run = json!({"text": text});
            if style.bold {
                run["bold"] = json!(true);
            }
            if style.italic {
                run["italic"] = json!(true);
            }
            if let Some(href) = style.href {
                run["href"] = json!(href);
            }
            run
        })
        .collect();
    (!runs.is_empty()).then_some(runs)
}

/// A table's rows of cells as text; a header when its first row is a `thead`'s or all `th`.
fn table(e: ElementRef) -> Option<Value> {
    let mut rows = vec![];
    let mut header = false;
    for (i, row) in e.select(&selector("tr")).enumerate() {
        let cells: Vec<ElementRef> =
            row.children().filter_map(ElementRef::wrap).filter(|c| matches!(c.value().name(), "td" | "th")).collect();
        if i == 0 {
            let in_head = row.parent().and_then(ElementRef::wrap).is_some_and(|p| p.value().name() == "thead");
            header = in_head || (!cells.is_empty() && cells.iter().all(|c| c.value().name() == "th"));
        }
        rows.push(cells.into_iter().map(text_of).collect::<Vec<_>>());
    }
    rows.iter()
        .any(|r| r.iter().any(|c| !c.is_empty()))
        .then(|| json!({"type": "table", "rows": rows, "header": header}))
}

/// An element's words, whitespace collapsed.
fn text_of(e: ElementRef) -> String {
    let mut text = String::new();
    collect(e, &mut text, &|c| DROPPED.contains(&c.value().name()));
    collapse(&text)
}

fn selector(css: &str) -> scraper::Selector {
    scraper::Selector::parse(css).expect("a fixed selector")
}

//! What every page says about itself in its `<head>`: title, description, canonical, `hreflang`
//! alternates (each language once, and `x-default`), feed neighbours, Atom feeds, Open Graph and
//! `article:*` tags, the Twitter card and a story's JSON-LD `NewsArticle`. One function per kind
//! of page computes them from what both sides know (the site, the language, the document):
//! the app's pages put them in the live head through leptos_meta (`components::head_tags`), and
//! `./x publish` writes the same tags into the published page, so the head a crawler reads
//! without scripts is the one the app keeps after it takes over.
mod json_ld;
mod tags;

use crate::api::{Article, Edition, Image, Section, Site};
use crate::links::encode_component;
use crate::route::{article_path, feed_page_path, Translation};
#[cfg(test)]
pub use tags::script_safe_json;
pub use tags::{Tag, ATOM};

/// What one page's head says. URLs are absolute.
#[derive(Clone, Debug, PartialEq)]
pub struct PageHead {
    lang: String,
    /// Open Graph's `ll_CC`, where known.
    locale: Option<String>,
    title: String,
    /// The title without the site's name (a story's headline).
    headline: String,
    description: String,
    canonical: String,
    /// (language, URL) of this page in each language it exists in, itself included.
    alternates: Vec<(String, String)>,
    /// The alternate for readers of any other language: the site's default language's, else this page.
    x_default: String,
    /// (title, URL) of the Atom feeds that list this page's stories.
    feeds: Vec<(String, String)>,
    /// A feed page's newer and older neighbours.
    previous: Option<String>,
    next: Option<String>,
    site_name: String,
    logo: Option<String>,
    image: Option<Preview>,
    story: Option<Story>,
}

/// The picture a link preview shows.
#[derive(Clone, Debug, PartialEq)]
struct Preview {
    url: String,
    width: u32,
    height: u32,
    alt: String,
}

/// What only a story's head has.
#[derive(Clone, Debug, PartialEq)]
struct Story {
    published: String,
    modified: Option<String>,
    section: String,
    tags: Vec<String>,
    author: Option<String>,
}

/// A feed's title and its URL path under the site: the language's newest stories (`section`
/// `None`) or a section's. The Atom feeds and the pages' `<link rel="alternate">` both use it.
pub fn feed_title_and_path(site_name: &str, lang: &str, section: Option<&Section>) -> (String, String) {
    match section {
        None => {
            let latest = crate::i18n::strings(crate::l10n::ui_locale(lang)).feed.latest;
            (format!("{site_name} — {latest}"), format!("feeds/{}.xml", encode_component(lang)))
        }
        Some(s) => (
            format!("{site_name} — {}", s.title),
            format!("feeds/{}/{}.xml", encode_component(lang), encode_component(&s.slug)),
        ),
    }
}

impl PageHead {
    /// A story's head. `translations` are the story's other languages; those whose address is
    /// not known (the API gave a bare id, and the app has not looked it up) are left out.
    pub fn article(
        site: &Site,
        edition: &Edition,
        lang: &str,
        article: &Article,
        translations: &[Translation],
    ) -> PageHead {
        let s = &article.summary;
        let section = edition.sections.iter().find(|x| x.slug == s.section);
        let own = crate::config::absolute_url(&article_path(lang, &s.section, &s.id, &s.slug));
        let others = translations.iter().filter(|t| t.lang != lang).filter_map(|t| {
            let (section, slug) = t.place.as_ref()?;
            Some((t.lang.clone(), crate::config::absolute_url(&article_path(&t.lang, section, &t.id, slug))))
        });
        let alternates = once_each(std::iter::once((lang.to_string(), own.clone())).chain(others));
        let image = s.image.as_ref().and_then(|i| preview(i, &s.title));
        PageHead {
            locale: locale(site, lang),
            title: format!("{} — {}", s.title, site.name),
            headline: s.title.clone(),
            description: s.lead.clone(),
            x_default: x_default(site, &alternates, &own),
            alternates,
            canonical: own,
            feeds: atom_feeds(site, lang, section),
            previous: None,
            next: None,
            site_name: site.name.clone(),
            logo: site.logo.as_deref().and_then(absolute_src),
            image: image.or_else(|| site.image.as_ref().and_then(|i| preview(i, &site.name))),
            story: Some(Story {
                published: s.published_at.clone(),
                modified: article.updated_at.clone(),
                section: edition.section_title(&s.section),
                tags: article.tags.clone(),
                author: article.author.as_ref().map(|a| a.name.clone()),
            }),
            lang: lang.to_string(),
        }
    }

    /// Page `page` of `total` of a feed: a section's, or the front page's (`section` `None`).
    /// A front page exists in every language of the site; a section's address in another
    /// language is not something the contract says, so a section page names no alternates.
    pub fn feed(site: &Site, lang: &str, section: Option<&Section>, page: u32, total: u32) -> PageHead {
        let strings = crate::i18n::strings(crate::l10n::ui_locale(lang));
        let (name, description) = match section {
            Some(s) => (s.title.clone(), s.description.clone()),
            None => (strings.feed.latest.to_string(), format!("{} — {}", site.name, strings.feed.latest)),
        };
        let headline = match page {
            1 => name,
            _ => format!("{name}, {}", strings.feed.page_number(&page.to_string())),
        };
        let slug = section.map(|s| s.slug.as_str());
        let url_of = |lang: &str, page: u32| crate::config::absolute_url(&feed_page_path(lang, slug, page));
        let canonical = url_of(lang, page);
        let alternates = match (section, page) {
            (None, 1) => once_each(site.languages.iter().map(|l| (l.code.clone(), url_of(&l.code, 1)))),
            _ => vec![],
        };
        PageHead {
            locale: locale(site, lang),
            title: format!("{headline} — {}", site.name),
            headline,
            description,
            x_default: x_default(site, &alternates, &canonical),
            alternates,
            canonical,
            feeds: atom_feeds(site, lang, section),
            previous: (page > 1).then(|| url_of(lang, page - 1)),
            next: (page < total).then(|| url_of(lang, page + 1)),
            site_name: site.name.clone(),
            logo: site.logo.as_deref().and_then(absolute_src),
            image: site.image.as_ref().and_then(|i| preview(i, &site.name)),
            story: None,
            lang: lang.to_string(),
        }
    }
}

/// Each language once, the first entry winning.
fn once_each(alternates: impl Iterator<Item = (String, String)>) -> Vec<(String, String)> {
    let mut seen = std::collections::BTreeSet::new();
    alternates.filter(|(lang, _)| seen.insert(lang.clone())).collect()
}

fn x_default(site: &Site, alternates: &[(String, String)], own: &str) -> String {
    let default = alternates.iter().find(|(lang, _)| *lang == site.default_language);
    default.map_or_else(|| own.to_string(), |(_, url)| url.clone())
}

fn locale(site: &Site, lang: &str) -> Option<String> {
    let named = site.languages.iter().find(|l| l.code == lang).and_then(|l| l.locale.as_deref());
    crate::l10n::og_locale(lang, named)
}

/// The Atom feeds that list a page's stories: the language's, and its section's.
fn atom_feeds(site: &Site, lang: &str, section: Option<&Section>) -> Vec<(String, String)> {
    std::iter::once(None)
        .chain(section.map(Some))
        .map(|feed| {
            let (title, path) = feed_title_and_path(&site.name, lang, feed);
            (title, crate::config::absolute_url(&path))
        })
        .collect()
}

/// A picture for previews, at its absolute URL; described by `fallback_alt` where it has no alt.
fn preview(image: &Image, fallback_alt: &str) -> Option<Preview> {
    let alt = if image.alt.trim().is_empty() { fallback_alt } else { &image.alt };
    Some(Preview { url: absolute_src(&image.src)?, width: image.width, height: image.height, alt: alt.to_string() })
}

/// A picture's source as an absolute URL on the site, if it is one a page may show.
fn absolute_src(src: &str) -> Option<String> {
    let src = crate::links::safe_src(src)?;
    #[cfg(target_arch = "wasm32")]
    let resolved = web_sys::Url::new_with_base(&src, &crate::config::site_root()).map(|u| u.href()).ok();
    #[cfg(not(target_arch = "wasm32"))]
    let resolved = url::Url::parse(&crate::config::site_root()).and_then(|root| root.join(&src)).map(String::from).ok();
    resolved
}

#[cfg(test)]
mod tests;

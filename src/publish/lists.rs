//! What lists a language's stories besides its pages: its sitemap files (every address, and the
//! news sitemap of the last two days) and its Atom feeds (the language's newest stories and each
//! section's), all with absolute URLs at each story's own address.
use super::error::Problem;
use super::feeds::{atom, FeedInfo, StoryFacts, FEED_LENGTH};
use super::load::Language;
use super::sitemaps::{language_sitemaps, news_sitemap, news_sitemap_name, Entry, NewsStory};
use crate::api::{Site, Summary};
use crate::head::feed_title_and_path;
use crate::route::{article_path, file_name, home_path, section_path};

/// `path` (an in-app path or a path under the site) as an absolute URL on `site_url`.
pub(super) fn absolute(site_url: &str, path: &str) -> String {
    format!("{site_url}{}", path.trim_start_matches('/'))
}

/// A story's absolute URL in `lang`.
fn story_url(site_url: &str, lang: &str, story: &Summary) -> String {
    absolute(site_url, &article_path(lang, &story.section, &story.id, &story.slug))
}

/// The language's sitemap files, as (file name, XML, or `None` to keep the last file: a story
/// it lists has a document that failed this run); `now` in minutes since the epoch; a story's
/// `lastmod` is its update time in `facts`, else its publication time.
pub(super) fn sitemap_files(
    site: &Site,
    language: &Language,
    site_url: &str,
    now: i64,
    facts: &StoryFacts,
) -> Vec<(String, Option<String>)> {
    let lang = language.code.as_str();
    let newest = |section: Option<&str>| {
        language.stories.iter().find(|s| section.is_none_or(|slug| s.section == slug)).map(|s| s.published_at.clone())
    };
    let mut entries = vec![Entry { url: absolute(site_url, &home_path(lang)), lastmod: newest(None) }];
    entries.extend(language.edition.sections.iter().map(|section| Entry {
        url: absolute(site_url, &section_path(lang, &section.slug)),
        lastmod: newest(Some(&section.slug)),
    }));
    let mut news = vec![];
    for story in &language.stories {
        let url = story_url(site_url, lang, story);
        // Last changed when the story was updated, where its document says so.
        let updated = facts.of(lang, &story.id).and_then(|f| f.updated.clone());
        let updated = updated.filter(|u| crate::format::parse_rfc3339(u).is_some());
        entries.push(Entry { url: url.clone(), lastmod: Some(updated.unwrap_or_else(|| story.published_at.clone())) });
        news.push(NewsStory { lang, story, url });
    }
    let unknown = language.stories.iter().any(|s| facts.unknown(lang, &s.id));
    let mut files: Vec<(String, Option<String>)> =
        language_sitemaps(lang, &entries).into_iter().map(|(name, xml)| (name, (!unknown).then_some(xml))).collect();
    files.push((news_sitemap_name(lang), Some(news_sitemap(&site.name, &news, now))));
    files
}

/// The language's Atom feeds, as (file name, XML, or `None` to keep the last file: a story it
/// lists has a document that failed this run); a section whose slug cannot name a file is added
/// to `problems`.
pub(super) fn feed_files(
    site: &Site,
    language: &Language,
    site_url: &str,
    facts: &StoryFacts,
    problems: &mut Vec<Problem>,
) -> Vec<(String, Option<String>)> {
    let lang = language.code.as_str();
    let url_of = |s: &Summary| story_url(site_url, lang, s);
    let feed = |info: &FeedInfo, stories: &[&Summary]| {
        let unknown = stories.iter().take(FEED_LENGTH).any(|s| facts.unknown(lang, &s.id));
        (!unknown).then(|| atom(info, stories, url_of, |s| facts.of(lang, &s.id)))
    };
    let all: Vec<&Summary> = language.stories.iter().collect();
    let (title, path) = feed_title_and_path(&site.name, lang, None);
    let info = FeedInfo {
        lang,
        title,
        page_url: absolute(site_url, &home_path(lang)),
        feed_url: absolute(site_url, &path),
        site_name: &site.name,
    };
    let mut files = vec![(format!("feeds/{lang}.xml"), feed(&info, &all))];
    for section in &language.edition.sections {
        let Some(slug) = file_name(&section.slug) else {
            problems.push(Problem::new(format!("section {:?} of {lang}", section.slug), "its slug cannot name a file"));
            continue;
        };
        let stories: Vec<&Summary> = all.iter().copied().filter(|s| s.section == section.slug).collect();
        let (title, path) = feed_title_and_path(&site.name, lang, Some(section));
        let info = FeedInfo {
            lang,
            title,
            page_url: absolute(site_url, &section_path(lang, slug)),
            feed_url: absolute(site_url, &path),
            site_name: &site.name,
        };
        files.push((format!("feeds/{lang}/{slug}.xml"), feed(&info, &stories)));
    }
    files
}

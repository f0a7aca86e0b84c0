//! Reading what a run publishes: `site.json`, then per language its edition and its stories (the
//! search index), checked before anything is written. A language whose edition or stories cannot
//! be read is not published this time and its files stay as they were; a name the contract
//! reserves, a story listed twice or in two sections, is reported and published once.
use super::error::Problem;
use super::source::Source;
use crate::api::{edition_path, is_reserved_name, search_index_path, Edition, Summary, SummaryList, TranslationRef};
use crate::format::parse_rfc3339;
use crate::route::{file_name, Translation, PAGE};
use std::collections::{BTreeMap, HashMap};

/// One language, read in full.
pub(super) struct Language {
    /// Safe as a folder name and not a reserved one.
    pub code: String,
    pub edition: Edition,
    /// Newest first, each story once.
    pub stories: Vec<Summary>,
    /// Each story's place (section, slug) by id.
    places: HashMap<String, (String, String)>,
}

impl Language {
    /// Where the story `id` is published in this language, if it is.
    pub fn place_of(&self, id: &str) -> Option<&(String, String)> {
        self.places.get(id)
    }
}

/// A language that could not be read this time: its files stay as the last run left them.
pub(super) struct Kept {
    pub code: String,
}

/// The languages of a run.
pub(super) struct Languages {
    pub read: Vec<Language>,
    pub kept: Vec<Kept>,
}

/// What a page links to in another language is unknown this run: that language could not be
/// read. Such a page is left as the last run published it.
#[derive(Debug)]
pub(super) struct Unknown;

impl Languages {
    /// A story's translations, each at its own section and slug as its language's search index
    /// lists it (whatever the article's document says); one that index does not list is left out,
    /// not guessed.
    pub fn translations(
        &self,
        lang: &str,
        translations: &BTreeMap<String, TranslationRef>,
    ) -> Result<Vec<Translation>, Unknown> {
        let mut found = vec![];
        for (other, TranslationRef { id, .. }) in translations.iter().filter(|(other, _)| other.as_str() != lang) {
            if self.kept.iter().any(|k| k.code == *other) {
                return Err(Unknown);
            }
            let Some(language) = self.read.iter().find(|l| l.code == *other) else { continue };
            let Some(place) = language.place_of(id) else { continue };
            found.push(Translation { lang: other.clone(), id: id.clone(), place: Some(place.clone()) });
        }
        Ok(found)
    }
}

/// Reads every language `site_languages` names; what cannot be read or is refused is added to
/// `problems`.
pub(super) fn languages(
    api: &Source,
    site_languages: &[crate::api::Language],
    problems: &mut Vec<Problem>,
) -> Languages {
    let mut languages = Languages { read: vec![], kept: vec![] };
    for language in site_languages {
        let code = language.code.as_str();
        if file_name(code).is_none() || is_reserved_name(code) {
            problems.push(Problem::new(
                format!("language {code:?}"),
                "its code cannot name the language's folder (a reserved name, a `.` or a `/`): not published",
            ));
            continue;
        }
        let edition = match api.read::<Edition>(&edition_path(code)) {
            Ok(edition) => edition,
            Err(problem) => {
                problems.push(left_as_it_was(problem, code));
                languages.kept.push(Kept { code: code.to_string() });
                continue;
            }
        };
        match read_language(api, code, edition.clone(), problems) {
            Ok(read) => {
                println!("publish: {code}: {} stories, {} sections", read.stories.len(), read.edition.sections.len());
                languages.read.push(read);
            }
            Err(problem) => {
                problems.push(left_as_it_was(problem, code));
                languages.kept.push(Kept { code: code.to_string() });
            }
        }
    }
    languages
}

fn left_as_it_was(problem: Problem, code: &str) -> Problem {
    Problem::new(problem.what, format!("{}; {code} is left as the last run published it", problem.why))
}

fn read_language(api: &Source, code: &str, edition: Edition, problems: &mut Vec<Problem>) -> Result<Language, Problem> {
    for slug in &edition.refused_sections {
        problems.push(Problem::new(
            format!("section {slug:?} of {code}"),
            "its slug is reserved (search, page, index, latest, feeds, api, sitemap…, or with a `.`) or taken by \
             another section: not published",
        ));
    }
    let index = search_index_path(code);
    let listed: SummaryList = api.read(&index)?;
    let mut stories: Vec<Summary> = Vec::with_capacity(listed.items.len());
    let mut places: HashMap<String, (String, String)> = HashMap::with_capacity(listed.items.len());
    for story in listed.items {
        if let Some((section, _)) = places.get(&story.id) {
            let why = if *section == story.section {
                "is listed twice; published once".to_string()
            } else {
                format!("is listed in sections {section:?} and {:?}; published once, in {section:?}", story.section)
            };
            problems.push(Problem::new(format!("{index}: story {:?}", story.id), why));
            continue;
        }
        if story.id == PAGE {
            problems.push(Problem::new(
                format!("{index}: story {:?}", story.id),
                "its id is reserved (a feed's later pages are at …/page/2): not published",
            ));
            continue;
        }
        places.insert(story.id.clone(), (story.section.clone(), story.slug.clone()));
        stories.push(story);
    }
    let minutes = |s: &Summary| parse_rfc3339(&s.published_at).map_or(i64::MIN, |t| t.epoch_minutes());
    stories.sort_by(|a, b| minutes(b).cmp(&minutes(a)).then_with(|| a.id.cmp(&b.id)));
    Ok(Language { code: code.to_string(), edition, stories, places })
}

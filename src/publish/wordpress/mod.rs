//! `./x publish --wordpress [lang=]<REST API root>`: a WordPress site read as contract v1, so that
//! a newsroom on WordPress writes no API of its own. Each language's site is read in full the
//! first time and, after that, only for what changed: the posts modified since the last run
//! (`modified_after`, in UTC with `Z`), then the first page of a cheap id listing, whose total
//! tells whether a post was unpublished or deleted; only then is the whole id listing read, and a
//! post's documents go only when that listing succeeded in full. The documents come back as the
//! run's API (`source::Source::Documents`): drawn into pages and copied to `api/v1/`, so the app
//! reads static JSON from the same host and nothing calls WordPress at read time. Anything
//! WordPress does not answer stops the run before a file is written: the last good site stays.
//!
//! `client` asks WordPress; `post` maps a post to an Article (`body` its HTML to blocks, `text`
//! rendered HTML to text, `clock` its times); `newsroom` adds what WordPress does not know.
mod body;
mod client;
mod clock;
mod newsroom;
mod post;
#[cfg(test)]
mod tests;
mod text;

use super::options::Options;
use client::Client;
use newsroom::{Newsroom, Section};
use post::{story, Categories, Story};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use url::Url;

/// The file, in the output folder, where a run leaves what the next one starts from.
pub(super) const STATE: &str = ".gazette-wordpress";
/// Stories per feed page.
const FEED_PAGE: usize = 20;
/// Related stories: the newest this many of the story's section published before it.
const RELATED: usize = 4;
/// The embedded parts a story needs (author, picture, tags), and no others.
const EMBED: &str = "_embed=author,wp:featuredmedia,wp:term";
/// How far before the last run the next asks for modified posts (WordPress's clock, to the
/// minute): a post saved while the last run read, or on a server whose clock is a little behind,
/// is read again.
const OVERLAP_MINUTES: i64 = 2;

/// What `--wordpress` read: the contract's documents by path, and what the next run starts from.
pub(super) struct Read {
    pub documents: BTreeMap<String, String>,
    /// The sites' own addresses, where their pictures are (the page's policy must allow an
    /// `http:` one).
    pub sites: Vec<String>,
    pub state: String,
    pub summary: String,
}

/// What a site's last run left (the state file's part for it).
#[derive(Default)]
struct Last {
    base: String,
    /// The languages its stories were in.
    languages: Vec<String>,
    /// Each story's address on WordPress, by id.
    links: HashMap<String, String>,
    /// The server's clock when the last run began reading, in minutes.
    read_at: i64,
    categories: String,
    /// Every id WordPress listed as published (stories, and the posts that are not: protected).
    listed: BTreeSet<u64>,
}

/// Reads every `(language, REST API root)` site of `options.wordpress`; the output folder holds
/// the last run's documents and state.
pub(super) fn read(options: &Options) -> Result<Read, String> {
    let (out, site_url) = (options.out.as_path(), options.site_url.as_str());
    let newsroom = Newsroom::read(options.newsroom.as_deref())?;
    let last: Map<String, Value> = std::fs::read_to_string(out.join(STATE))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    let mut documents = BTreeMap::new();
    let mut state = Map::new();
    let mut said = vec![];
    let mut root_of_first = None;
    let (mut codes, mut sites_read): (Vec<String>, Vec<String>) = (vec![], vec![]);
    for (code, base) in &options.wordpress {
        let client = Client::new(base, options.timeout);
        let last = last.get(code).map(read_last).filter(|l| l.base == client.base()).unwrap_or_default();
        let read = read_site(&client, code, &last, out, &newsroom, site_url)?;
        said.push(format!(
            "{code}: {} posts read in {} requests (WordPress answered in {:.1} s), {} stories",
            read.posts_read,
            client.requests.load(std::sync::atomic::Ordering::Relaxed),
            client.waited().as_secs_f64(),
            read.stories
        ));
        documents.extend(read.documents);
        state.insert(code.clone(), read.state);
        codes.extend(read.languages.into_iter().filter(|l| !codes.contains(l)).collect::<Vec<_>>());
        sites_read.push(read.site.to_string());
        root_of_first.get_or_insert(read.root);
    }
    let site = newsroom.site(&newsroom.ordered(codes), &root_of_first.unwrap_or(Value::Null));
    documents.insert("site.json".into(), site.to_string());
    Ok(Read {
        documents,
        sites: sites_read,
        state: Value::Object(state).to_string(),
        summary: format!("wordpress: {}", said.join("; ")),
    })
}

fn read_last(value: &Value) -> Last {
    Last {
        base: value.get("base").and_then(Value::as_str).unwrap_or("").to_string(),
        languages: value
            .get("languages")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|l| Some(l.as_str()?.to_string()))
            .collect(),
        links: value
            .get("links")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter_map(|(id, link)| Some((id.clone(), link.as_str()?.to_string())))
            .collect(),
        read_at: value.get("read_at").and_then(Value::as_i64).unwrap_or(0),
        categories: value.get("categories").and_then(Value::as_str).unwrap_or("").to_string(),
        listed: value.get("listed").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_u64).collect(),
    }
}

/// One site's documents (in each of its languages) and state.
struct SiteRead {
    documents: BTreeMap<String, String>,
    site: Url,
    languages: Vec<String>,
    state: Value,
    root: Value,
    posts_read: usize,
    stories: usize,
}

/// Reads the site at `client` whose language is `code` (unless Polylang names each post's).
fn read_site(
    client: &Client,
    code: &str,
    last: &Last,
    out: &Path,
    newsroom: &Newsroom,
    site_url: &str,
) -> Result<SiteRead, String> {
    let root = client.get("")?;
    let read_at = root.date.unwrap_or(0);
    let root = root.json;
    let home = root.get("home").or(root.get("url")).and_then(Value::as_str).unwrap_or(client.base());
    let site = Url::parse(home).or_else(|_| Url::parse(client.base())).map_err(|e| format!("{home}: {e}"))?;
    let listed_categories = client.all("wp/v2/categories?per_page=100&_fields=id,name,slug,description,parent")?;
    let fingerprint = Value::Array(listed_categories.clone()).to_string();
    let (sections, categories) = read_categories(&listed_categories);
    let posts = "wp/v2/posts?per_page=100&orderby=date&order=desc";
    let previous = (last.categories == fingerprint && last.read_at > 0).then(|| previous_stories(out, last)).flatten();
    let posts_of = Posts { categories: &categories, site: &site, lang: code };
    let (mut stories, listed, posts_read) = match previous {
        None => {
            let read = client.all(&format!("{posts}&{EMBED}"))?;
            let (mut stories, mut listed) = (HashMap::new(), BTreeSet::new());
            posts_of.apply(&mut stories, &mut listed, &read);
            (stories, listed, read.len())
        }
        Some(mut stories) => {
            let since = clock::utc(last.read_at - OVERLAP_MINUTES);
            let changed = client.all(&format!("{posts}&{EMBED}&modified_after={since}"))?;
            let mut listed = last.listed.clone();
            let mut read = changed.len();
            posts_of.apply(&mut stories, &mut listed, &changed);
            // The first page of ids, newest first: a post published without a change to its
            // modified time (a scheduled post WordPress's cron published) is among them.
            let first = client.get(&format!("{posts}&_fields=id"))?;
            let ids = ids_of(&first.json);
            let unseen: Vec<u64> = ids.iter().copied().filter(|id| !listed.contains(id)).collect();
            read += posts_of.fetch(client, &unseen, &mut stories, &mut listed)?;
            if first.total != Some(listed.len()) {
                // A post was unpublished or deleted, or one was published unseen: the full listing.
                let all: BTreeSet<u64> =
                    ids_of(&Value::Array(client.all(&format!("{posts}&_fields=id"))?)).into_iter().collect();
                let unseen: Vec<u64> = all.difference(&listed).copied().collect();
                read += posts_of.fetch(client, &unseen, &mut stories, &mut listed)?;
                listed.retain(|id| all.contains(id));
                stories.retain(|id, _| id.parse().is_ok_and(|id: u64| all.contains(&id)));
            }
            (stories, listed, read)
        }
    };
    let stories_count = stories.len();
    link_within_the_site(&mut stories, site_url);
    let links: BTreeMap<&String, &String> = stories.values().filter_map(|s| Some((&s.id, s.link.as_ref()?))).collect();
    let links = json!(links);
    let mut by_language: BTreeMap<String, HashMap<String, Story>> = BTreeMap::new();
    for (id, story) in stories.drain() {
        by_language.entry(story.lang.clone()).or_default().insert(id, story);
    }
    if by_language.is_empty() {
        by_language.insert(code.to_string(), HashMap::new());
    }
    let languages: Vec<String> = by_language.keys().cloned().collect();
    let mut written = BTreeMap::new();
    for (lang, stories) in by_language {
        written.extend(documents(&lang, stories, &sections, newsroom));
    }
    let state = json!({"base": client.base(), "read_at": read_at, "categories": fingerprint, "listed": listed,
        "languages": languages, "links": links});
    Ok(SiteRead { documents: written, site, languages, state, root, posts_read, stories: stories_count })
}

/// The site's categories as sections (slug, title, description) and the slugs posts name by id.
fn read_categories(listed: &[Value]) -> (Vec<Section>, Categories) {
    let slug = |c: &Value| Some(crate::links::decode_component(c.get("slug")?.as_str()?));
    let sections = listed
        .iter()
        .filter_map(|c| {
            Some(Section {
                slug: slug(c)?,
                title: text::plain(c.get("name")?.as_str()?),
                description: text::plain(c.get("description").and_then(Value::as_str).unwrap_or("")),
            })
        })
        .collect();
    let slugs = listed.iter().filter_map(|c| Some((c.get("id")?.as_u64()?, slug(c)?))).collect();
    (sections, Categories { slugs })
}

fn ids_of(listing: &Value) -> Vec<u64> {
    listing.as_array().into_iter().flatten().filter_map(|p| p.get("id")?.as_u64()).collect()
}

/// How posts become stories on one site.
struct Posts<'a> {
    categories: &'a Categories,
    site: &'a Url,
    /// The site's language, for a post that does not name its own.
    lang: &'a str,
}

impl Posts<'_> {
    /// Reads the posts `ids` (a hundred a request) into the stories.
    fn fetch(
        &self,
        client: &Client,
        ids: &[u64],
        stories: &mut HashMap<String, Story>,
        listed: &mut BTreeSet<u64>,
    ) -> Result<usize, String> {
        let mut read = 0;
        for chunk in ids.chunks(100) {
            let include = chunk.iter().map(u64::to_string).collect::<Vec<_>>().join(",");
            let posts = client.all(&format!("wp/v2/posts?per_page=100&include={include}&{EMBED}"))?;
            read += posts.len();
            self.apply(stories, listed, &posts);
        }
        Ok(read)
    }

    /// Posts read again: each replaces its story, or removes it when it is no story any more.
    fn apply(&self, stories: &mut HashMap<String, Story>, listed: &mut BTreeSet<u64>, posts: &[Value]) {
        for post in posts {
            let Some(id) = post.get("id").and_then(Value::as_u64) else { continue };
            listed.insert(id);
            match story(post, self.categories, self.site, self.lang) {
                Some(story) => stories.insert(story.id.clone(), story),
                None => stories.remove(&id.to_string()),
            };
        }
    }
}

/// The stories the last run wrote, from its documents in `out`, or None if any is missing (then
/// everything is read again).
fn previous_stories(out: &Path, last: &Last) -> Option<HashMap<String, Story>> {
    let mut stories = HashMap::new();
    for lang in &last.languages {
        previous_language(out, lang, &mut stories)?;
    }
    for story in stories.values_mut() {
        story.link = last.links.get(&story.id).cloned();
    }
    Some(stories)
}

/// A link in a story's body to another story on the WordPress site becomes a link to that
/// story's page on this site (`site_url`), so that readers stay here.
fn link_within_the_site(stories: &mut HashMap<String, Story>, site_url: &str) {
    let pages: HashMap<String, String> = stories
        .values()
        .filter_map(|s| {
            let slug = s.article.get("slug")?.as_str()?;
            let path = crate::route::article_path(&s.lang, &s.section, &s.id, slug);
            Some((s.link.clone()?, super::lists::absolute(site_url, &path)))
        })
        .collect();
    let retarget = |runs: &mut Vec<Value>| {
        for run in runs {
            let target = run.get("href").and_then(Value::as_str).and_then(|href| pages.get(&post::permalink(href)));
            if let Some(target) = target.cloned() {
                run["href"] = json!(target);
            }
        }
    };
    for story in stories.values_mut() {
        let Some(Value::Array(blocks)) = story.article.get_mut("body") else { continue };
        for block in blocks {
            if let Some(Value::Array(content)) = block.get_mut("content") {
                retarget(content);
            }
            if let Some(Value::Array(items)) = block.get_mut("items") {
                items.iter_mut().filter_map(Value::as_array_mut).for_each(retarget);
            }
        }
    }
}

fn previous_language(out: &Path, lang: &str, stories: &mut HashMap<String, Story>) -> Option<()> {
    let api = out.join(crate::config::DEFAULT_API_BASE).join(lang);
    let index: Value = serde_json::from_str(&std::fs::read_to_string(api.join("search-index.json")).ok()?).ok()?;
    for item in index.get("items")?.as_array()? {
        let id = item.get("id")?.as_str()?;
        let path = api.join("articles").join(format!("{id}.json"));
        let Value::Object(mut article) = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()? else {
            return None;
        };
        article.remove("related");
        let section = article.get("section")?.as_str()?.to_string();
        let published = clock::minutes(article.get("published_at")?.as_str()?)?;
        let story = Story { id: id.to_string(), lang: lang.to_string(), link: None, section, published, article };
        stories.insert(id.to_string(), story);
    }
    Some(())
}

/// A language's documents: each story's Article (with its related stories), the feeds, the
/// search index (every story) and the edition.
fn documents(
    code: &str,
    stories: HashMap<String, Story>,
    sections: &[Section],
    newsroom: &Newsroom,
) -> BTreeMap<String, String> {
    let mut stories: Vec<Story> = stories.into_values().collect();
    stories.sort_by(|a, b| b.published.cmp(&a.published).then_with(|| b.id.cmp(&a.id)));
    let summaries: Vec<Value> = stories.iter().map(|s| summary(&s.article)).collect();
    let mut by_section: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, story) in stories.iter().enumerate() {
        by_section.entry(story.section.clone()).or_default().push(i);
    }
    let mut documents = BTreeMap::new();
    for (i, story) in stories.iter().enumerate() {
        let mut article = story.article.clone();
        let related: Vec<Value> = by_section[&story.section]
            .iter()
            .filter(|j| **j > i)
            .take(RELATED)
            .map(|j| summaries[*j].clone())
            .collect();
        article.insert("related".into(), json!(related));
        documents.insert(format!("{code}/articles/{}.json", story.id), Value::Object(article).to_string());
    }
    let feed = |name: &str, items: Vec<&Value>, documents: &mut BTreeMap<String, String>| {
        let total = items.len().div_ceil(FEED_PAGE).max(1);
        for page in 1..=total {
            let items: Vec<&&Value> = items.iter().skip((page - 1) * FEED_PAGE).take(FEED_PAGE).collect();
            let document = json!({"page": page, "total_pages": total, "items": items});
            documents.insert(format!("{code}/feeds/{name}/{page}.json"), document.to_string());
        }
    };
    feed("latest", summaries.iter().collect(), &mut documents);
    for (section, indexes) in &by_section {
        feed(section, indexes.iter().map(|i| &summaries[*i]).collect(), &mut documents);
    }
    documents.insert(format!("{code}/search-index.json"), json!({"items": summaries}).to_string());
    let in_use = by_section.keys().cloned().collect();
    documents.insert(format!("{code}/edition.json"), newsroom.edition(code, sections, &in_use).to_string());
    documents
}

/// A story's Summary: the Article's own fields a feed shows.
fn summary(article: &Map<String, Value>) -> Value {
    let keys = ["id", "slug", "section", "title", "lead", "published_at", "image"];
    Value::Object(keys.iter().filter_map(|k| Some((k.to_string(), article.get(*k)?.clone()))).collect())
}

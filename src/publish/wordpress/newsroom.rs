//! What WordPress does not know and the newsroom may say in a small file of its own
//! (`--newsroom newsroom.json`, README "Publishing from WordPress"): its languages' labels and
//! names, social and app links, logo and sharing picture, each language's reuse notice and the
//! order of its sections. Every field is optional; without the file, publish works from WordPress
//! alone.
use super::text::plain;
use serde_json::{json, Map, Value};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

#[derive(Default)]
pub(super) struct Newsroom {
    /// The file's JSON object.
    fields: Map<String, Value>,
}

/// A section of an edition.
pub(super) struct Section {
    pub slug: String,
    pub title: String,
    pub description: String,
}

impl Newsroom {
    /// The file at `path`, or nothing said.
    pub fn read(path: Option<&Path>) -> Result<Newsroom, String> {
        let Some(path) = path else { return Ok(Newsroom::default()) };
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        match serde_json::from_str(&text) {
            Ok(Value::Object(fields)) => Ok(Newsroom { fields }),
            Ok(_) => Err(format!("{}: a JSON object was expected", path.display())),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// What the newsroom says of language `code`, keyed by language (`footer_notice`, `sections`).
    fn of_language(&self, key: &str, code: &str) -> Option<&Value> {
        self.fields.get(key).and_then(|v| v.get(code))
    }

    /// The languages the newsroom lists, each with its code.
    fn languages(&self) -> impl Iterator<Item = (&str, &Value)> {
        let listed = self.fields.get("languages").and_then(Value::as_array).into_iter().flatten();
        listed.filter_map(|l| Some((l.get("code")?.as_str()?, l)))
    }

    /// `codes` in the order the newsroom lists its languages, the others after them.
    pub fn ordered(&self, mut codes: Vec<String>) -> Vec<String> {
        let listed: Vec<&str> = self.languages().map(|(code, _)| code).collect();
        codes.sort_by_key(|code| listed.iter().position(|l| l == code).unwrap_or(listed.len()));
        codes
    }

    /// `site.json`: the name from the file, else from the first language's WordPress; the rest
    /// from the file.
    pub fn site(&self, codes: &[String], wordpress_root: &Value) -> Value {
        let name = self
            .fields
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| plain(wordpress_root.get("name").and_then(Value::as_str).unwrap_or("")).to_string());
        let said: HashMap<&str, &Value> = self.languages().collect();
        let languages: Vec<Value> = codes
            .iter()
            .map(|code| {
                said.get(code.as_str())
                    .map(|l| (*l).clone())
                    .unwrap_or_else(|| json!({"code": code, "label": code.to_uppercase(), "name": code}))
            })
            .collect();
        let mut site = json!({
            "name": if name.is_empty() { "News".to_string() } else { name },
            "default_language": codes.first(),
            "languages": languages,
            "social": self.fields.get("social").cloned().unwrap_or(json!([])),
            "apps": self.fields.get("apps").cloned().unwrap_or(json!([])),
        });
        for key in ["logo", "image", "icon"] {
            if let Some(value) = self.fields.get(key) {
                site[key] = value.clone();
            }
        }
        site
    }

    /// Language `code`'s edition: the sections its stories are in (`in_use`), first those the
    /// newsroom names in its order, then the others in WordPress's; "Uncategorized" only if named.
    pub fn edition(&self, code: &str, categories: &[Section], in_use: &BTreeSet<String>) -> Value {
        let named: Vec<&str> = self
            .of_language("sections", code)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let listed = |s: &&Section| in_use.contains(&s.slug) || named.contains(&s.slug.as_str());
        let mut sections: Vec<&Section> =
            named.iter().filter_map(|slug| categories.iter().find(|c| c.slug == *slug)).collect();
        sections.extend(
            categories
                .iter()
                .filter(listed)
                .filter(|c| !named.contains(&c.slug.as_str()) && c.slug != super::post::UNCATEGORIZED),
        );
        let sections: Vec<Value> =
            sections.iter().map(|s| json!({"slug": s.slug, "title": s.title, "description": s.description})).collect();
        let notice = self.of_language("footer_notice", code).and_then(Value::as_str).unwrap_or("");
        json!({"sections": sections, "footer_notice": notice})
    }
}

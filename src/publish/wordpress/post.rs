//! One WordPress post (as `/wp/v2/posts?_embed` gives it) as a contract v1 Article, field by
//! field as README's table says. Only a published, unprotected post is a story.
use super::body::blocks;
use super::clock::{minutes, with_offset};
use super::text::{excerpt, plain};
use crate::links::decode_component;
use serde_json::{json, Map, Value};
use url::Url;

/// A post as a story of one language, before its related stories are known.
pub(super) struct Story {
    pub id: String,
    /// Its language: Polylang's `lang` where the site has it, else the site's.
    pub lang: String,
    /// Its address on the WordPress site (`link`), where other posts link to it.
    pub link: Option<String>,
    pub section: String,
    /// For ordering: minutes since the epoch.
    pub published: i64,
    /// The Article's JSON without `related`.
    pub article: Map<String, Value>,
}

/// The categories of a site: their slugs by id.
pub(super) struct Categories {
    pub slugs: std::collections::HashMap<u64, String>,
}

impl Categories {
    /// A post's section: its first category other than "Uncategorized", else its first.
    fn primary(&self, ids: &[u64]) -> Option<String> {
        let known: Vec<&String> = ids.iter().filter_map(|id| self.slugs.get(id)).collect();
        known.iter().find(|slug| slug.as_str() != UNCATEGORIZED).or(known.first()).map(|s| s.to_string())
    }
}

/// WordPress's default category's slug: in no navigation unless the newsroom names it.
pub(super) const UNCATEGORIZED: &str = "uncategorized";

/// The story `post` is, if it is one: published, without a password, with a category the site
/// lists; `site` is the WordPress site's address, on which links and pictures resolve, and `lang`
/// its language, unless the post names its own (Polylang's `lang`).
pub(super) fn story(post: &Value, categories: &Categories, site: &Url, lang: &str) -> Option<Story> {
    let text = |key: &str| post.get(key).and_then(|v| v.get("rendered")).and_then(Value::as_str).unwrap_or("");
    let field = |key: &str| post.get(key).and_then(Value::as_str);
    let protected = post.get("content").and_then(|c| c.get("protected")).and_then(Value::as_bool) == Some(true);
    if field("status").is_some_and(|s| s != "publish") || field("type").is_some_and(|t| t != "post") || protected {
        return None;
    }
    let id = post.get("id")?.as_u64()?.to_string();
    let category_ids: Vec<u64> = post
        .get("categories")
        .and_then(Value::as_array)
        .map_or(vec![], |c| c.iter().filter_map(Value::as_u64).collect());
    let section = categories.primary(&category_ids)?;
    let (date, date_gmt) = (field("date")?, field("date_gmt")?);
    let published_at = with_offset(date, date_gmt)?;
    let mut article = Map::new();
    article.insert("id".into(), json!(id));
    article.insert("slug".into(), json!(decode_component(field("slug").unwrap_or(&id))));
    article.insert("section".into(), json!(section));
    article.insert("title".into(), json!(plain(text("title"))));
    article.insert("lead".into(), json!(excerpt(text("excerpt"))));
    article.insert("published_at".into(), json!(published_at));
    let updated = match (field("modified"), field("modified_gmt")) {
        (Some(local), Some(gmt)) if minutes(gmt) != minutes(date_gmt) => with_offset(local, gmt),
        _ => None,
    };
    article.insert("updated_at".into(), json!(updated));
    let embedded = post.get("_embedded");
    let author = embedded
        .and_then(|e| e.get("author"))
        .and_then(|a| a.get(0))
        .and_then(|a| a.get("name"))
        .and_then(Value::as_str)
        .map(plain)
        .filter(|name| !name.is_empty());
    article.insert("author".into(), author.map_or(Value::Null, |name| json!({"name": name})));
    let media = embedded.and_then(|e| e.get("wp:featuredmedia")).and_then(|m| m.get(0));
    article.insert("image".into(), media.and_then(|m| picture(m, site)).unwrap_or(Value::Null));
    article.insert("body".into(), json!(blocks(text("content"), site)));
    article.insert("tags".into(), json!(tags(embedded)));
    let lang = post.get("lang").and_then(Value::as_str).filter(|l| !l.is_empty()).unwrap_or(lang).to_string();
    article.insert("translations".into(), translations(post, &lang));
    let link = field("link").map(permalink);
    Some(Story { id, lang, link, section, published: minutes(date_gmt)?, article })
}

/// A WordPress address as links to it are compared: without a trailing `/` or a fragment.
pub(super) fn permalink(url: &str) -> String {
    url.split('#').next().unwrap_or(url).trim_end_matches('/').to_string()
}

/// Polylang's `translations` (`{"ru": 12, "en": 10}`, the post itself among them) as the
/// contract's, by id: publish links each at its address in its language.
fn translations(post: &Value, lang: &str) -> Value {
    let listed = post.get("translations").and_then(Value::as_object);
    let others = listed.into_iter().flatten().filter(|(code, _)| code.as_str() != lang);
    Value::Object(
        others
            .filter_map(|(code, id)| {
                let id = id.as_u64().map(|id| id.to_string()).or_else(|| id.as_str().map(str::to_string))?;
                Some((code.clone(), json!(id)))
            })
            .collect(),
    )
}

/// The featured picture, if WordPress knows its address and size.
fn picture(media: &Value, site: &Url) -> Option<Value> {
    let src = site.join(media.get("source_url")?.as_str()?).ok().filter(|u| matches!(u.scheme(), "http" | "https"))?;
    let details = media.get("media_details")?;
    let size = |key: &str| details.get(key).and_then(Value::as_u64).filter(|v| *v > 0);
    let (width, height) = (size("width")?, size("height")?);
    let alt = plain(media.get("alt_text").and_then(Value::as_str).unwrap_or(""));
    let caption = plain(media.get("caption").and_then(|c| c.get("rendered")).and_then(Value::as_str).unwrap_or(""));
    let mut image = json!({"src": src.to_string(), "alt": alt, "width": width, "height": height});
    if !caption.is_empty() {
        image["caption"] = json!(caption);
    }
    Some(image)
}

/// The names of the post's tags (`wp:term` holds its categories too).
fn tags(embedded: Option<&Value>) -> Vec<String> {
    let terms = embedded.and_then(|e| e.get("wp:term")).and_then(Value::as_array);
    terms
        .into_iter()
        .flatten()
        .filter_map(Value::as_array)
        .flatten()
        .filter(|term| term.get("taxonomy").and_then(Value::as_str) == Some("post_tag"))
        .filter_map(|term| term.get("name").and_then(Value::as_str).map(plain))
        .filter(|name| !name.is_empty())
        .collect()
}

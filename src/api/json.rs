//! Reading the contract's JSON: serde_json parses the text once into a [`Json`] tree, and each
//! contract type takes its fields out of it through [`Fields`].
//!
//! Why not `#[derive(Deserialize)]`: every derived type brings its own field matcher, map and
//! sequence visitors and error paths, monomorphised for the parser; without them a page downloads
//! 7–9 KB of brotli WebAssembly less. Building the tree first makes a large document slower to
//! read natively (a 7 MB, 20,000-story search index: 50 ms against 23 ms), but not in the browser:
//! from that index's arrival to the first results painted, 173–216 ms against 177 ms (`./x bench`);
//! articles and feed pages take well under a millisecond either way. And why not
//! `serde_json::Value`: its objects are B-trees with an allocated key per field (73 ms for that
//! index). [`Json`] keeps an object's fields in a `Vec` with keys borrowed from the text, and
//! texts are moved out of it, not copied.
//!
//! The rules are serde's: a required field that is missing or of the wrong type fails the
//! document; fields with defaults may be missing (or null); unknown fields are ignored. Where the
//! contract is lenient, [`Fields::lenient`] and [`Fields::lenient_list`] drop the broken element
//! alone.
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

/// A contract type that can be read from parsed JSON.
pub trait Decode: Sized {
    fn decode(value: Json) -> Result<Self, String>;
}

/// Parses `text` and reads a `T` from it; the error says where (line and column for bad JSON, the
/// field for a bad shape).
pub fn from_str<T: Decode>(text: &str) -> Result<T, String> {
    let value: Json = serde_json::from_str(text).map_err(|e| format!("line {} column {}", e.line(), e.column()))?;
    T::decode(value)
}

/// `text` as a JSON string, quoted and escaped: for JSON written out field by field (the head's
/// JSON-LD, the stored reading list), where a `serde_json::Value` would bring its maps and number
/// formatting into every page's WebAssembly.
pub fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

/// Parsed JSON, as much of it as the contract reads. Numbers are kept only when they are whole
/// and not negative, the only kind the contract has.
pub enum Json<'a> {
    Null,
    Bool(bool),
    Count(u64),
    OtherNumber,
    Text(String),
    List(Vec<Json<'a>>),
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("JSON")
    }
    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(b))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Json<'de>, E> {
        Ok(Json::Count(n))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Json<'de>, E> {
        Ok(Json::OtherNumber)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Json<'de>, E> {
        Ok(Json::OtherNumber)
    }
    fn visit_str<E>(self, s: &str) -> Result<Json<'de>, E> {
        Ok(Json::Text(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Json<'de>, E> {
        Ok(Json::Text(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let mut fields = Vec::with_capacity(8);
        while let Some((Key(key), value)) = map.next_entry()? {
            fields.push((key, value));
        }
        Ok(Json::Object(fields))
    }
}

/// An object's key, borrowed from the text unless it had escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_string())))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// The fields of one JSON object, each taken out as it is read.
pub struct Fields<'a>(Vec<(Cow<'a, str>, Json<'a>)>);

impl<'a> Fields<'a> {
    pub fn of(value: Json<'a>) -> Result<Self, String> {
        match value {
            Json::Object(fields) => Ok(Fields(fields)),
            _ => Err("expected an object".to_string()),
        }
    }

    /// The field's value, `None` if missing or null. (A contract object has a dozen fields at
    /// most: a scan is quicker than any map.)
    fn take(&mut self, key: &str) -> Option<Json<'a>> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.swap_remove(at).1).filter(|v| !matches!(v, Json::Null))
    }

    fn wrong(key: &str, what: &str) -> String {
        format!("`{key}` should be {what}")
    }

    pub fn string(&mut self, key: &str) -> Result<String, String> {
        self.opt_string(key)?.ok_or_else(|| format!("`{key}` is missing"))
    }

    pub fn opt_string(&mut self, key: &str) -> Result<Option<String>, String> {
        match self.take(key) {
            None => Ok(None),
            Some(Json::Text(s)) => Ok(Some(s)),
            Some(_) => Err(Self::wrong(key, "text")),
        }
    }

    /// A text that defaults to empty.
    pub fn string_or_empty(&mut self, key: &str) -> Result<String, String> {
        Ok(self.opt_string(key)?.unwrap_or_default())
    }

    pub fn opt_u64(&mut self, key: &str) -> Result<Option<u64>, String> {
        match self.take(key) {
            None => Ok(None),
            Some(Json::Count(n)) => Ok(Some(n)),
            Some(_) => Err(Self::wrong(key, "a whole number")),
        }
    }

    pub fn opt_u32(&mut self, key: &str) -> Result<Option<u32>, String> {
        self.opt_u64(key)?.map(|n| u32::try_from(n).map_err(|_| Self::wrong(key, "a smaller number"))).transpose()
    }

    pub fn u32(&mut self, key: &str) -> Result<u32, String> {
        self.opt_u32(key)?.ok_or_else(|| format!("`{key}` is missing"))
    }

    pub fn bool_or_false(&mut self, key: &str) -> Result<bool, String> {
        match self.take(key) {
            None => Ok(false),
            Some(Json::Bool(b)) => Ok(b),
            Some(_) => Err(Self::wrong(key, "true or false")),
        }
    }

    /// A list whose every element must decode.
    pub fn list<T: Decode>(&mut self, key: &str) -> Result<Vec<T>, String> {
        self.opt_list(key)?.ok_or_else(|| format!("`{key}` is missing"))
    }

    /// A list that defaults to empty; every element present must decode.
    pub fn list_or_empty<T: Decode>(&mut self, key: &str) -> Result<Vec<T>, String> {
        Ok(self.opt_list(key)?.unwrap_or_default())
    }

    fn opt_list<T: Decode>(&mut self, key: &str) -> Result<Option<Vec<T>>, String> {
        match self.take(key) {
            None => Ok(None),
            Some(Json::List(items)) => items
                .into_iter()
                .enumerate()
                .map(|(i, v)| T::decode(v).map_err(|e| format!("`{key}[{i}]`: {e}")))
                .collect::<Result<_, _>>()
                .map(Some),
            Some(_) => Err(Self::wrong(key, "a list")),
        }
    }

    /// A list whose broken elements are dropped one by one; the list itself may be missing.
    pub fn lenient_list<T: Decode>(&mut self, key: &str) -> Result<Vec<T>, String> {
        match self.take(key) {
            None => Ok(Vec::new()),
            Some(Json::List(items)) => Ok(items.into_iter().filter_map(|v| T::decode(v).ok()).collect()),
            Some(_) => Err(Self::wrong(key, "a list")),
        }
    }

    /// A value that is dropped, not fatal, when it is broken.
    pub fn lenient<T: Decode>(&mut self, key: &str) -> Option<T> {
        self.take(key).and_then(|v| T::decode(v).ok())
    }

    /// An object whose every value is a `T`, defaulting to empty.
    pub fn map<T: Decode>(&mut self, key: &str) -> Result<BTreeMap<String, T>, String> {
        match self.take(key) {
            None => Ok(BTreeMap::new()),
            Some(Json::Object(fields)) => fields
                .into_iter()
                .map(|(k, v)| {
                    let value = T::decode(v).map_err(|e| format!("`{key}.{k}`: {e}"))?;
                    Ok((k.into_owned(), value))
                })
                .collect(),
            Some(_) => Err(Self::wrong(key, "an object")),
        }
    }
}

impl Decode for String {
    fn decode(value: Json) -> Result<Self, String> {
        match value {
            Json::Text(s) => Ok(s),
            _ => Err("expected text".to_string()),
        }
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(value: Json) -> Result<Self, String> {
        match value {
            Json::List(items) => items.into_iter().map(T::decode).collect(),
            _ => Err("expected a list".to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `key` of the object in `text` with `read`.
    fn read<T>(text: &str, read: impl FnOnce(&mut Fields) -> T) -> T {
        read(&mut Fields::of(serde_json::from_str(text).unwrap()).unwrap())
    }

    const SAMPLE: &str = r#"{"s": "x", "n": 7, "neg": -1, "big": 5000000000, "f": 1.5, "b": true, "nul": null}"#;

    #[test]
    fn required_fields_must_be_there_and_of_their_type() {
        assert_eq!(read(SAMPLE, |f| f.string("s")).unwrap(), "x");
        assert_eq!(read(SAMPLE, |f| f.string("missing")).unwrap_err(), "`missing` is missing");
        assert_eq!(read(SAMPLE, |f| f.string("nul")).unwrap_err(), "`nul` is missing");
        assert_eq!(read(SAMPLE, |f| f.string("n")).unwrap_err(), "`n` should be text");
        assert_eq!(read(SAMPLE, |f| f.u32("n")).unwrap(), 7);
        for bad in ["neg", "f", "big", "s"] {
            assert!(read(SAMPLE, |f| f.u32(bad)).is_err(), "{bad}");
        }
        assert_eq!(read(SAMPLE, |f| f.opt_u64("big")).unwrap(), Some(5_000_000_000));
        assert!(read(SAMPLE, |f| f.bool_or_false("b")).unwrap());
        assert!(!read(SAMPLE, |f| f.bool_or_false("missing")).unwrap());
        assert!(read(SAMPLE, |f| f.bool_or_false("s")).is_err());
    }

    #[test]
    fn defaults_cover_missing_and_null_but_not_a_wrong_type() {
        let text = r#"{"nul": null, "n": 3, "list": "no"}"#;
        assert_eq!(read(text, |f| f.string_or_empty("missing")).unwrap(), "");
        assert_eq!(read(text, |f| f.string_or_empty("nul")).unwrap(), "");
        assert!(read(text, |f| f.string_or_empty("n")).is_err());
        assert!(read(text, |f| f.list_or_empty::<String>("missing")).unwrap().is_empty());
        assert!(read(text, |f| f.list_or_empty::<String>("list")).is_err());
        assert!(read(text, |f| f.map::<String>("n")).is_err());
    }

    #[test]
    fn strict_lists_fail_on_one_bad_element_and_lenient_ones_drop_it() {
        let text = r#"{"tags": ["a", 2, "c"], "ok": ["a"]}"#;
        assert_eq!(read(text, |f| f.list::<String>("tags")).unwrap_err(), "`tags[1]`: expected text");
        assert_eq!(read(text, |f| f.lenient_list::<String>("tags")).unwrap(), ["a", "c"]);
        assert_eq!(read(text, |f| f.list::<String>("ok")).unwrap(), ["a"]);
        assert_eq!(read(text, |f| f.lenient::<String>("tags")), None);
        assert_eq!(read(text, |f| f.lenient::<Vec<String>>("ok")), Some(vec!["a".to_string()]));
    }

    #[test]
    fn keys_with_escapes_and_texts_with_them_read_the_same() {
        let text = r#"{"ti\u0074le": "a\"b\u00e9", "title": "second"}"#;
        assert_eq!(read(text, |f| f.string("title")).unwrap(), "a\"bé", "the first of two equal keys");
        assert_eq!(read(text, |f| f.map::<String>("x")).unwrap(), BTreeMap::new());
    }

    #[test]
    fn bad_json_says_where() {
        assert_eq!(from_str::<String>("{\n  \"a\": }").unwrap_err(), "line 2 column 8");
        assert_eq!(from_str::<String>("\"text\"").unwrap(), "text");
        assert_eq!(from_str::<Vec<String>>("{}").unwrap_err(), "expected a list");
        assert!(from_str::<String>("\"a\" trailing").is_err());
    }
}

//! A JSON tree that borrows its strings: from JSON text (no copy of a string without escapes),
//! or built by the batch from a sheet's cells (keys are the column table's field names, values
//! the cells' own text). Reading a household through it costs no allocation per key or value,
//! where a `serde_json::Value` costs a `String` for each and a `BTreeMap` for each object.
//!
//! Objects keep their fields sorted by key with each key once, exactly as `serde_json::Map`
//! holds them (a repeated key keeps its last value), so every reader sees the same fields in the
//! same order whichever tree the input came in, and errors come out in the same order.
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Number, Value};
use std::borrow::Cow;
use std::fmt;

/// One JSON value.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Node<'a> {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    Object(Fields<'a>),
}

/// An object's fields, sorted by key, each key once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Fields<'a>(Vec<(Cow<'a, str>, Node<'a>)>);

impl<'a> Fields<'a> {
    pub fn new() -> Self {
        Fields(Vec::new())
    }

    pub fn with_capacity(n: usize) -> Self {
        Fields(Vec::with_capacity(n))
    }

    /// Fields in any order; a repeated key keeps its last value (as `serde_json::Map` does).
    pub fn from_pairs(mut pairs: Vec<(Cow<'a, str>, Node<'a>)>) -> Self {
        // Stable, so among equal keys the input order remains and the last one is kept below.
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        pairs.dedup_by(|later, kept| {
            if later.0 == kept.0 {
                std::mem::swap(&mut later.1, &mut kept.1);
                true
            } else {
                false
            }
        });
        Fields(pairs)
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        // Fields usually come in order (JSON written in key order, a batch row built so): append.
        match self.0.last() {
            None => Err(0),
            Some((last, _)) if last.as_ref() < key => Err(self.0.len()),
            _ => self.0.binary_search_by(|(k, _)| k.as_ref().cmp(key)),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        // A household's objects have a few dozen fields at most: comparing lengths first is
        // quicker than a binary search's string comparisons.
        if self.0.len() <= 32 {
            return self.0.iter().find(|(k, _)| k.len() == key.len() && k.as_ref() == key).map(|(_, v)| v);
        }
        self.find(key).ok().and_then(|i| self.0.get(i)).map(|(_, v)| v)
    }

    /// Sets a field, replacing its value if present (as `serde_json::Map::insert`).
    pub fn insert(&mut self, key: Cow<'a, str>, value: Node<'a>) {
        match self.find(&key) {
            Ok(i) => {
                if let Some(slot) = self.0.get_mut(i) {
                    slot.1 = value;
                }
            }
            Err(i) => self.0.insert(i, (key, value)),
        }
    }

    /// The object at `key`, made empty first if absent; `None` if `key` holds something else.
    pub fn object_at(&mut self, key: Cow<'a, str>) -> Option<&mut Fields<'a>> {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (key, Node::Object(Fields::new())));
                i
            }
        };
        match self.0.get_mut(i) {
            Some((_, Node::Object(f))) => Some(f),
            _ => None,
        }
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_ref())
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Node<'a>)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> Node<'a> {
    /// A view of a `serde_json::Value`, its strings borrowed.
    pub fn from_value(v: &'a Value) -> Node<'a> {
        match v {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(*b),
            Value::Number(n) => Node::Number(n.clone()),
            Value::String(s) => Node::String(Cow::Borrowed(s)),
            Value::Array(items) => Node::Array(items.iter().map(Node::from_value).collect()),
            // Already sorted, each key once.
            Value::Object(map) => Node::Object(Fields(map.iter().map(|(k, v)| (Cow::Borrowed(k.as_str()), Node::from_value(v))).collect())),
        }
    }

    /// The same value as a `serde_json::Value`.
    pub fn to_value(&self) -> Value {
        match self {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(*b),
            Node::Number(n) => Value::Number(n.clone()),
            Node::String(s) => Value::String(s.to_string()),
            Node::Array(items) => Value::Array(items.iter().map(Node::to_value).collect()),
            Node::Object(f) => Value::Object(f.iter().map(|(k, v)| (k.to_string(), v.to_value())).collect()),
        }
    }

    pub fn str(s: impl Into<Cow<'a, str>>) -> Node<'a> {
        Node::String(s.into())
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Node::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Node::Null)
    }

    /// A field of an object (`None` for anything else).
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        match self {
            Node::Object(f) => f.get(key),
            _ => None,
        }
    }
}

/// Reads any JSON value, borrowing strings from the text when they have no escapes. Accepts
/// exactly what `serde_json::Value` accepts (same parser), so syntax errors are the same too.
impl<'de> Deserialize<'de> for Node<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Node<'de>, E> {
        Ok(Node::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Node<'de>, E> {
        Ok(Node::Number(n.into()))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Node<'de>, E> {
        Ok(Node::Number(n.into()))
    }

    fn visit_f64<E>(self, x: f64) -> Result<Node<'de>, E> {
        // As `serde_json::Value` does: a float JSON cannot hold becomes null.
        Ok(Number::from_f64(x).map_or(Node::Null, Node::Number))
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Owned(s.to_string())))
    }

    fn visit_string<E>(self, s: String) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Owned(s)))
    }

    fn visit_none<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node<'de>, D::Error> {
        Deserialize::deserialize(d)
    }

    fn visit_unit<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
        let mut pairs = Vec::new();
        while let Some(Key(k)) = map.next_key()? {
            pairs.push((k, map.next_value()?));
        }
        Ok(Node::Object(Fields::from_pairs(pairs)))
    }
}

/// An object key, borrowed from the text when it has no escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string key")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_string())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s)))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_reads_like_a_value_and_borrows_its_strings() {
        let text = r#"{"b": [1, -2, 0.5, 1e300, "x\"y", null, true], "a": {"k": "v"}, "b": "last wins"}"#;
        let node: Node = serde_json::from_str(text).unwrap();
        let value: Value = serde_json::from_str(text).unwrap();
        assert_eq!(node.to_value(), value);
        assert_eq!(Node::from_value(&value), node);
        assert!(matches!(node.get("a").and_then(|a| a.get("k")), Some(Node::String(Cow::Borrowed("v")))));
        let Node::Object(f) = &node else { panic!() };
        assert_eq!(f.keys().collect::<Vec<_>>(), ["a", "b"]);
    }

    #[test]
    fn deep_nesting_is_refused_like_a_value() {
        let text = "[".repeat(200) + &"]".repeat(200);
        let a = serde_json::from_str::<Node>(&text).unwrap_err();
        let b = serde_json::from_str::<Value>(&text).unwrap_err();
        assert_eq!(a.to_string(), b.to_string());
    }
}

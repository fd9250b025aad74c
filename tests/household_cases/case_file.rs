//! Reading a household case file (tests/cases/household/*.toml, format in docs/household-case.md
//! “测试案例文件”): a named base household from `bases/`, then the case's own changes, so a
//! reviewer sees only what differs. Expanding yields the `jingning.household/1` input the engine
//! and the JSON Schema see.
//!
//! Mistakes in a case file are errors, never ignored: an unknown key, a base that does not exist,
//! a `remove` of a field the base does not have, an array index past the end.
use serde::Deserialize;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// The folder of case files; bases live in its `bases/` subfolder.
pub fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/household")
}

/// One case file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFile {
    pub description: String,
    pub base: String,
    /// For error cases: whether the JSON Schema alone already rejects the input (some checks need
    /// the engine: check digits, fields that must agree, dates relative to each other).
    pub schema_rejects: Option<bool>,
    /// Array path → `{ item = "<path>", times = n }`: the array becomes n copies of that item.
    #[serde(default)]
    pub repeat: toml::Table,
    /// Paths removed (the field left out: unknown to the engine).
    #[serde(default)]
    pub remove: Vec<String>,
    /// Path → value. A table value is merged into the object there (created if absent); any
    /// other value replaces. Index one past the end of an array appends.
    #[serde(default)]
    pub set: toml::Table,
    /// Evaluation options (`overrides`, …) as the engine's options JSON.
    pub options: Option<toml::Table>,
    /// Per measure code: a subset of that decision; `outcome` and `reason` always.
    #[serde(default)]
    pub expect: toml::Table,
    /// A subset of the whole result (`per_capita_net`, `params_used`, …).
    pub expect_result: Option<toml::Table>,
    /// For invalid input: JSON path → the message (or messages) reported there.
    pub expect_errors: Option<toml::Table>,
}

/// The changes a case (or a derived base) makes to its base, applied in this order: `repeat`,
/// `remove`, `set` (so removing a table and setting some of its fields replaces it).
#[derive(Clone, Copy)]
struct Changes<'a> {
    repeat: &'a toml::Table,
    remove: &'a [String],
    set: &'a toml::Table,
}

/// A base household: either written out in full (`[household]`) or another base plus changes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaseFile {
    #[allow(dead_code)] // for the reader of the file; checked to be there
    description: String,
    base: Option<String>,
    household: Option<toml::Table>,
    #[serde(default)]
    repeat: toml::Table,
    #[serde(default)]
    remove: Vec<String>,
    #[serde(default)]
    set: toml::Table,
}

pub fn read(path: &Path) -> Result<CaseFile, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The household input of a case: its base, expanded, with the case's changes applied.
pub fn expand(case: &CaseFile) -> Result<Value, String> {
    let mut input = base(&case.base, 0)?;
    apply(&mut input, Changes { repeat: &case.repeat, remove: &case.remove, set: &case.set })?;
    Ok(input)
}

fn base(name: &str, depth: usize) -> Result<Value, String> {
    if depth > 8 {
        return Err(format!("base {name}: bases derive from each other in a loop"));
    }
    let path = folder().join("bases").join(format!("{name}.toml"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("base {name} ({}): {e}", path.display()))?;
    let file: BaseFile = toml::from_str(&text).map_err(|e| format!("base {name}: {e}"))?;
    let mut household = match (&file.base, &file.household) {
        (None, Some(h)) => json(&toml::Value::Table(h.clone()))?,
        (Some(parent), None) => base(parent, depth + 1)?,
        _ => return Err(format!("base {name}: give either `household` or `base`, not both or neither")),
    };
    apply(&mut household, Changes { repeat: &file.repeat, remove: &file.remove, set: &file.set }).map_err(|e| format!("base {name}: {e}"))?;
    Ok(household)
}

fn apply(target: &mut Value, changes: Changes) -> Result<(), String> {
    for (path, spec) in changes.repeat {
        let spec = spec.as_table().ok_or_else(|| format!("repeat {path}: expected {{ item = \"…\", times = n }}"))?;
        let item = spec.get("item").and_then(toml::Value::as_str).ok_or_else(|| format!("repeat {path}: `item` (a path) missing"))?;
        let times = spec.get("times").and_then(toml::Value::as_integer).ok_or_else(|| format!("repeat {path}: `times` missing"))?;
        let times = usize::try_from(times).map_err(|_| format!("repeat {path}: times {times}"))?;
        let copy = get(target, &segments(item)?).ok_or_else(|| format!("repeat {path}: {item} not found"))?.clone();
        set(target, &segments(path)?, Value::Array(vec![copy; times]))?;
    }
    for path in changes.remove {
        remove(target, &segments(path)?).map_err(|e| format!("remove {path}: {e}"))?;
    }
    for (path, value) in changes.set {
        merge(target, &segments(path)?, value).map_err(|e| format!("set {path}: {e}"))?;
    }
    Ok(())
}

/// One step of a path: `members[1].name` is `members`, `1`, `name`.
#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Key(String),
    Index(usize),
}

fn segments(path: &str) -> Result<Vec<Seg>, String> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = part.find('[').map_or((part, ""), |i| part.split_at(i));
        if key.is_empty() && rest.is_empty() {
            return Err(format!("{path}: empty step"));
        }
        if !key.is_empty() {
            // A bare number (from a TOML table such as [set.members.1]) indexes an array.
            out.push(key.parse().map(Seg::Index).unwrap_or_else(|_| Seg::Key(key.to_string())));
        }
        while let Some(r) = rest.strip_prefix('[') {
            let (n, after) = r.split_once(']').ok_or_else(|| format!("{path}: unclosed ["))?;
            out.push(Seg::Index(n.parse().map_err(|_| format!("{path}: [{n}] is not an index"))?));
            rest = after;
        }
        if !rest.is_empty() {
            return Err(format!("{path}: unexpected {rest}"));
        }
    }
    Ok(out)
}

fn get<'a>(v: &'a Value, path: &[Seg]) -> Option<&'a Value> {
    path.iter().try_fold(v, |v, s| match s {
        Seg::Key(k) => v.get(k),
        Seg::Index(i) => v.get(i),
    })
}

/// The slot at `seg` in `v`, creating an empty object for a new key or one past an array's end.
fn slot<'a>(v: &'a mut Value, seg: &Seg) -> Result<&'a mut Value, String> {
    match (v, seg) {
        (Value::Object(m), Seg::Key(k)) => Ok(m.entry(k.clone()).or_insert_with(|| Value::Object(Map::new()))),
        (Value::Array(a), Seg::Index(i)) => {
            if *i == a.len() {
                a.push(Value::Object(Map::new()));
            }
            let len = a.len();
            a.get_mut(*i).ok_or_else(|| format!("index {i} past the end ({len} items)"))
        }
        (other, seg) => Err(format!("{seg:?} into {other}")),
    }
}

fn set(target: &mut Value, path: &[Seg], value: Value) -> Result<(), String> {
    let mut here = target;
    for seg in path {
        here = slot(here, seg)?;
    }
    *here = value;
    Ok(())
}

fn merge(target: &mut Value, path: &[Seg], value: &toml::Value) -> Result<(), String> {
    match value {
        toml::Value::Table(t) => {
            let mut here = &mut *target;
            for seg in path {
                here = slot(here, seg)?;
            }
            if !here.is_object() {
                *here = Value::Object(Map::new());
            }
            for (k, v) in t {
                merge(here, &segments(k)?, v)?;
            }
            Ok(())
        }
        other => set(target, path, json(other)?),
    }
}

fn remove(target: &mut Value, path: &[Seg]) -> Result<(), String> {
    let (last, parent) = path.split_last().ok_or("empty path")?;
    let parent = parent.iter().try_fold(target, |v, s| match s {
        Seg::Key(k) => v.get_mut(k),
        Seg::Index(i) => v.get_mut(i),
    });
    let removed = match (parent, last) {
        (Some(Value::Object(m)), Seg::Key(k)) => m.remove(k).is_some(),
        (Some(Value::Array(a)), Seg::Index(i)) if *i < a.len() => {
            a.remove(*i);
            true
        }
        _ => false,
    };
    if removed {
        Ok(())
    } else {
        Err("no such field in the base".into())
    }
}

/// TOML to JSON. Dates must be quoted strings, as in the JSON format (a bare TOML date is an
/// error here, not a silent conversion).
pub fn json(v: &toml::Value) -> Result<Value, String> {
    Ok(match v {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f).map(Value::Number).ok_or_else(|| format!("{f} is not a JSON number"))?,
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => return Err(format!("{d}: write dates as quoted strings, \"{d}\"")),
        toml::Value::Array(a) => Value::Array(a.iter().map(json).collect::<Result<_, _>>()?),
        toml::Value::Table(t) => Value::Object(t.iter().map(|(k, v)| Ok((k.clone(), json(v)?))).collect::<Result<_, String>>()?),
    })
}

/// Every case file, sorted by name.
pub fn all() -> Vec<(String, CaseFile)> {
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(folder()).expect("tests/cases/household").map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect();
    paths.sort();
    paths.into_iter().map(|p| (p.file_name().unwrap().to_string_lossy().to_string(), read(&p).unwrap_or_else(|e| panic!("{e}")))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes<'a>(set: &'a toml::Table, remove: &'a [String]) -> Changes<'a> {
        static NONE: std::sync::OnceLock<toml::Table> = std::sync::OnceLock::new();
        Changes { repeat: NONE.get_or_init(toml::Table::new), remove, set }
    }

    #[test]
    fn paths_split_into_keys_and_indexes() {
        let s = segments("members[1].disability.grade").unwrap();
        assert_eq!(s, [Seg::Key("members".into()), Seg::Index(1), Seg::Key("disability".into()), Seg::Key("grade".into())]);
        assert_eq!(segments("a[0][2]").unwrap(), [Seg::Key("a".into()), Seg::Index(0), Seg::Index(2)]);
        assert!(segments("members[x]").is_err());
        assert!(segments("members[1").is_err());
    }

    #[test]
    fn set_merges_tables_and_appends_one_past_the_end() {
        let mut v = serde_json::json!({ "assets": { "within_dibao_rules": true }, "members": [{ "name": "甲" }] });
        let set: toml::Table = toml::from_str(
            r#"assets = { vehicles = 2 }
"members[1]" = { name = "乙" }
"members[0].sex" = "male""#,
        )
        .unwrap();
        apply(&mut v, changes(&set, &[])).unwrap();
        assert_eq!(
            v,
            serde_json::json!({ "assets": { "within_dibao_rules": true, "vehicles": 2 }, "members": [{ "name": "甲", "sex": "male" }, { "name": "乙" }] })
        );
        let past: toml::Table = toml::from_str(r#""members[5]" = {}"#).unwrap();
        assert!(apply(&mut v, changes(&past, &[])).is_err());
    }

    #[test]
    fn removing_a_field_the_base_lacks_is_an_error() {
        let mut v = serde_json::json!({ "housing": "safe" });
        let none = toml::Table::new();
        assert!(apply(&mut v, changes(&none, &["housing".into()])).is_ok());
        assert!(apply(&mut v, changes(&none, &["housing".into()])).is_err());
    }

    #[test]
    fn bare_toml_dates_are_refused() {
        let t: toml::Table = toml::from_str("d = 2024-06-30").unwrap();
        assert!(json(&t["d"]).is_err());
    }
}

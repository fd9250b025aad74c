//! Matching an expected subset against a result, collecting every difference (not stopping at the
//! first), so a failing case file reads as a list of `where: expected … / actual …`.
use serde_json::Value;

pub struct Mismatch {
    pub at: String,
    pub expected: String,
    pub actual: String,
}

fn show(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `expected` must be contained in `actual`: objects by key, arrays element-wise (same length),
/// scalars equal. Two markers: `{ "$contains" = [a, b] }` matches an array having, for each of a,
/// b, some element that contains it (for lists whose order or length a case does not care about);
/// `null = ["ledger", …]` in an object asserts those fields are null (TOML has no null).
pub fn subset(expected: &Value, actual: &Value, at: &str, out: &mut Vec<Mismatch>) {
    let mut differ = |e: String, a: String| out.push(Mismatch { at: at.to_string(), expected: e, actual: a });
    if let Some(wanted) = expected.get("$contains").and_then(Value::as_array) {
        let Some(items) = actual.as_array() else { return differ(format!("an array containing {}", show(expected)), show(actual)) };
        for w in wanted {
            if !items.iter().any(|a| matches(w, a)) {
                differ(format!("an element containing {}", show(w)), show(actual));
            }
        }
        return;
    }
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                if let (true, Some(names)) = (k == "null", v.as_array()) {
                    for n in names {
                        let n = n.as_str().unwrap_or_default();
                        match a.get(n) {
                            Some(Value::Null) => {}
                            other => out.push(Mismatch { at: join(at, n), expected: "null".into(), actual: other.map_or("(absent)".into(), show) }),
                        }
                    }
                    continue;
                }
                match a.get(k) {
                    Some(av) => subset(v, av, &join(at, k), out),
                    None => out.push(Mismatch { at: join(at, k), expected: show(v), actual: "(absent)".into() }),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                subset(ev, av, &format!("{at}[{i}]"), out);
            }
        }
        (Value::Array(e), Value::Array(a)) => differ(format!("{} items", e.len()), format!("{} items: {}", a.len(), show(actual))),
        _ if expected == actual => {}
        _ => differ(show(expected), show(actual)),
    }
}

pub fn matches(expected: &Value, actual: &Value) -> bool {
    let mut out = Vec::new();
    subset(expected, actual, "", &mut out);
    out.is_empty()
}

fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

#[test]
fn the_markers_and_the_plain_subset_each_can_fail() {
    let actual = serde_json::json!({ "a": [1, 2], "b": null, "c": { "d": "x", "e": "y" } });
    assert!(matches(&serde_json::json!({ "a": { "$contains": [2] }, "null": ["b"], "c": { "d": "x" } }), &actual));
    assert!(!matches(&serde_json::json!({ "a": { "$contains": [3] } }), &actual));
    assert!(!matches(&serde_json::json!({ "null": ["c"] }), &actual));
    assert!(!matches(&serde_json::json!({ "a": [1] }), &actual));
    assert!(!matches(&serde_json::json!({ "c": { "d": "y" } }), &actual));
    assert!(!matches(&serde_json::json!({ "f": 1 }), &actual));
}

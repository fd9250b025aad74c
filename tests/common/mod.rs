//! Shared helpers for the case-file tests: reading a folder of case files and matching an
//! expected subset against a result.
#![allow(dead_code)]
use serde_json::Value;
use std::path::{Path, PathBuf};

/// `expected` must be contained in `actual`: objects by key, arrays element-wise (same length),
/// scalars equal. `{"$contains": [a, b]}` matches an array having, for each of a, b, some element
/// that contains it (for lists whose order or length a case does not care about).
pub fn assert_subset(expected: &Value, actual: &Value, path: &str) {
    if let Some(wanted) = expected.get("$contains").and_then(Value::as_array) {
        let items = actual.as_array().unwrap_or_else(|| panic!("{path}: not an array"));
        for w in wanted {
            let found = items.iter().any(|a| std::panic::catch_unwind(|| assert_subset(w, a, path)).is_ok());
            assert!(found, "{path}: no element contains {w} (actual {actual})");
        }
        return;
    }
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                let av = a.get(k).unwrap_or_else(|| panic!("{path}.{k}: missing in result"));
                assert_subset(v, av, &format!("{path}.{k}"));
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            assert_eq!(e.len(), a.len(), "{path}: length (actual {a:?})");
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                assert_subset(ev, av, &format!("{path}[{i}]"));
            }
        }
        _ => assert_eq!(expected, actual, "{path}"),
    }
}

/// Every `*.json` under `tests/cases/<folder>`, sorted, with its file name.
pub fn case_files(folder: &str) -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases").join(folder);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let v = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, v)
        })
        .collect()
}

/// The error paths a failed evaluation reported must include every expected one.
pub fn assert_error_paths(name: &str, expected: &Value, errors: &[jingning_policy::FieldError]) {
    let got: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    for p in expected.as_array().expect("expect_errors is an array") {
        assert!(got.contains(&p.as_str().unwrap()), "{name}: expected error at {p}, got {got:?}");
    }
    for e in errors {
        assert!(e.message.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{name}: message not in Chinese: {}", e.message);
    }
}

//! Case files for the household engine: tests/cases/household/*.toml, each a named base household
//! (bases/*.toml) plus only the fields that differ, and what the result must say — per measure its
//! `outcome` and exact `reason`, plus any other fields the case pins down; or, for invalid input,
//! the message at each JSON path. Format: docs/household-case.md “测试案例文件”.
//!
//! `BLESS=1 cargo test --test household_cases` rewrites the expected outcomes, reasons and error
//! messages from the current engine (every other expected field stays as written), so a change of
//! wording or outcome becomes a diff of the case files to review. Without it a difference fails
//! the test with a readable list per case.
#![cfg(not(target_arch = "wasm32"))]

mod case_file;
mod compare;

use case_file::CaseFile;
use compare::{subset, Mismatch};
use jingning_policy::household::evaluate_json;
use jingning_policy::Failure;
use serde_json::Value;

/// A text the engine owns and `BLESS=1` may rewrite: the table it sits in, its key, the new value.
struct Edit {
    table: Vec<String>,
    key: String,
    value: toml_edit::Item,
}

#[derive(Default)]
struct Checked {
    mismatches: Vec<Mismatch>,
    edits: Vec<Edit>,
}

impl Checked {
    fn differ(&mut self, at: impl Into<String>, expected: impl Into<String>, actual: impl Into<String>) {
        self.mismatches.push(Mismatch { at: at.into(), expected: expected.into(), actual: actual.into() });
    }

    /// An engine-owned text: a difference is an edit when blessing, a mismatch otherwise.
    fn text(&mut self, bless: bool, table: &[&str], key: &str, expected: Option<&Value>, actual: Value) {
        if expected == Some(&actual) {
            return;
        }
        if bless {
            let value = match &actual {
                Value::String(s) => toml_edit::value(s.as_str()),
                Value::Array(a) => toml_edit::value(a.iter().filter_map(Value::as_str).collect::<toml_edit::Array>()),
                other => panic!("not a text: {other}"),
            };
            self.edits.push(Edit { table: table.iter().map(|s| s.to_string()).collect(), key: key.to_string(), value });
        } else {
            let at = format!("{}.{key}", table[1..].join("."));
            let shown = |v: &Value| v.as_str().map_or_else(|| v.to_string(), str::to_string);
            self.differ(at.trim_start_matches('.'), expected.map_or("(not written: run BLESS=1)".into(), shown), shown(&actual));
        }
    }
}

fn check(case: &CaseFile, bless: bool) -> Checked {
    let mut c = Checked::default();
    let input = match case_file::expand(case) {
        Ok(v) => v,
        Err(e) => {
            c.differ("(case file)", "a valid case file", e);
            return c;
        }
    };
    let options = match case.options.as_ref().map(|o| case_file::json(&toml::Value::Table(o.clone()))).transpose() {
        Ok(o) => o.map(|o| o.to_string()).unwrap_or_default(),
        Err(e) => {
            c.differ("options", "valid options", e);
            return c;
        }
    };
    let expects_result = !case.expect.is_empty() || case.expect_result.is_some();
    match (expects_result, &case.expect_errors, evaluate_json(&input.to_string(), &options)) {
        (true, None, Ok(result)) => {
            let result = serde_json::to_value(&result).unwrap();
            for (code, want) in &case.expect {
                let Some(decision) = result["decisions"].as_array().unwrap().iter().find(|d| d["measure"] == code.as_str()) else {
                    c.differ(code.as_str(), "a decision with this measure code", "none");
                    continue;
                };
                let mut want = case_file::json(want).unwrap_or_else(|e| panic!("expect.{code}: {e}"));
                let Some(want) = want.as_object_mut() else { panic!("expect.{code} is not a table") };
                for key in ["outcome", "reason"] {
                    c.text(bless, &["expect", code], key, want.remove(key).as_ref(), decision[key].clone());
                }
                subset(&Value::Object(want.clone()), decision, code, &mut c.mismatches);
            }
            if let Some(want) = &case.expect_result {
                let want = case_file::json(&toml::Value::Table(want.clone())).unwrap_or_else(|e| panic!("expect_result: {e}"));
                subset(&want, &result, "", &mut c.mismatches);
            }
        }
        (false, Some(want), Err(Failure::Invalid { errors })) => {
            for (path, messages) in want {
                let got: Vec<Value> = errors.iter().filter(|e| &e.path == path).map(|e| Value::from(e.message.clone())).collect();
                if got.is_empty() {
                    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
                    c.differ(path.as_str(), "an error here", format!("errors only at {paths:?}"));
                    continue;
                }
                let actual = if got.len() == 1 { got[0].clone() } else { Value::Array(got) };
                c.text(bless, &["expect_errors"], path, case_file::json(messages).ok().as_ref(), actual);
            }
            for e in errors.iter().filter(|e| !e.message.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch))) {
                c.differ(e.path.as_str(), "a message in Chinese", e.message.as_str());
            }
        }
        (false, None, _) => c.differ("(case file)", "`expect`, `expect_result` or `expect_errors`", "none of them"),
        (true, Some(_), _) => c.differ("(case file)", "either a result or errors", "both expected"),
        (true, None, Err(e)) => c.differ("(result)", "a result", format!("{e:?}")),
        (false, Some(_), other) => c.differ("(result)", "errors", format!("{other:?}").chars().take(300).collect::<String>()),
    }
    c
}

/// Writes blessed texts into a case file, keeping its layout and comments.
fn bless(name: &str, edits: &[Edit]) {
    let path = case_file::folder().join(name);
    let mut doc: toml_edit::DocumentMut = std::fs::read_to_string(&path).unwrap().parse().unwrap();
    for e in edits {
        let mut item = doc.as_item_mut();
        for k in &e.table {
            let table = item.as_table_like_mut().unwrap_or_else(|| panic!("{name}: {k} is not in a table"));
            item = table.entry(k).or_insert_with(toml_edit::table);
        }
        let table = item.as_table_like_mut().unwrap_or_else(|| panic!("{name}: {} is not a table", e.table.join(".")));
        let inserted = table.insert(&e.key, e.value.clone()).is_none();
        // A new outcome or reason goes first, where a reader looks for it, not after the details.
        if let (true, Some(table)) = (inserted, item.as_table_mut()) {
            let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
            let mut entries: Vec<_> = keys.iter().filter_map(|k| table.remove_entry(k)).collect();
            entries.sort_by_key(|(k, _)| ["outcome", "reason"].iter().position(|x| *x == k.get()).unwrap_or(2));
            for (k, v) in entries {
                table.insert_formatted(&k, v);
            }
        }
    }
    std::fs::write(&path, doc.to_string()).unwrap();
}

#[test]
fn household_cases() {
    let blessing = std::env::var_os("BLESS").is_some_and(|v| v != "0");
    let cases = case_file::all();
    assert!(cases.len() >= 60, "only {} case files", cases.len());
    let mut report = Vec::new();
    for (name, case) in &cases {
        let checked = check(case, blessing);
        if !checked.edits.is_empty() {
            bless(name, &checked.edits);
        }
        if !checked.mismatches.is_empty() {
            let lines: Vec<String> =
                checked.mismatches.iter().map(|m| format!("   {}\n     - expected: {}\n     + actual:   {}", m.at, m.expected, m.actual)).collect();
            report.push(format!("── {name}（{}）\n{}", case.description, lines.join("\n")));
        }
    }
    assert!(
        report.is_empty(),
        "{} of {} case files differ from the engine:\n\n{}\n\nIf only outcomes, reasons or messages changed and the change is intended: \
         BLESS=1 cargo test --test household_cases, then review `git diff tests/cases/household`.",
        report.len(),
        cases.len(),
        report.join("\n\n")
    );
}

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/household-case.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::options().should_validate_formats(true).build(&schema).expect("schema compiles")
}

#[test]
fn every_expanded_case_input_is_checked_against_the_schema() {
    let validator = schema();
    for (name, case) in case_file::all() {
        let input = case_file::expand(&case).unwrap_or_else(|e| panic!("{name}: {e}"));
        let errors: Vec<String> = validator.iter_errors(&input).map(|e| format!("{}: {e}", e.instance_path)).collect();
        if case.schema_rejects.unwrap_or(false) {
            assert!(!errors.is_empty(), "{name}: the schema should reject this input");
        } else {
            assert!(errors.is_empty(), "{name}: schema errors {errors:?}");
        }
    }
}

#[test]
fn every_measure_expectation_names_its_outcome_and_reason() {
    // A table without them would pass on any wording; BLESS=1 writes them in.
    for (name, case) in case_file::all() {
        for (code, want) in &case.expect {
            for key in ["outcome", "reason"] {
                assert!(want.get(key).is_some_and(toml::Value::is_str), "{name}: expect.{code}.{key} missing (run BLESS=1)");
            }
        }
    }
}

#[test]
fn schema_enums_match_the_engine() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/household-case.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    for (key, options) in jingning_policy::case::choices() {
        if key == "income_item" {
            let props = schema["properties"]["incomes"]["oneOf"][0]["properties"].as_object().unwrap();
            let codes: Vec<&str> = options.iter().map(|o| o.code.as_str()).collect();
            assert_eq!(props.keys().map(String::as_str).collect::<Vec<_>>().len(), codes.len());
            assert!(codes.iter().all(|c| props.contains_key(*c)), "income items differ");
            continue;
        }
        let mut expected: Vec<Value> = options.iter().flat_map(|o| [Value::from(o.code.clone()), Value::from(o.label.clone())]).collect();
        expected.push(Value::Null);
        assert_eq!(schema["$defs"][key]["enum"], Value::Array(expected), "schema enum {key} is stale: regenerate with scripts/gen-household-schema.py");
    }
}

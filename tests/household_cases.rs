//! Case files for the household engine (tests/cases/household/*.json): `input` (a
//! `jingning.household/1` case), optional `options`, and `expect` — a subset of the result, with
//! `decisions` keyed by measure code — or `expect_errors`, the JSON paths that must be reported.
//! Every input is also checked against schemas/household-case.schema.json.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_error_paths, assert_subset, case_files};
use jingning_policy::household::evaluate_json;
use jingning_policy::Failure;
use serde_json::{Map, Value};

/// The result as JSON with `decisions` turned into an object keyed by `measure`.
fn keyed(result: &jingning_policy::household::HouseholdResult) -> Value {
    let mut v = serde_json::to_value(result).unwrap();
    let decisions: Map<String, Value> = v["decisions"].as_array().unwrap().iter().map(|d| (d["measure"].as_str().unwrap().to_string(), d.clone())).collect();
    v["decisions"] = Value::Object(decisions);
    v
}

fn run(name: &str, case: &Value) {
    let opts = case.get("options").map(|o| o.to_string()).unwrap_or_default();
    let result = evaluate_json(&case["input"].to_string(), &opts);
    match (case.get("expect"), case.get("expect_errors"), result) {
        (Some(expect), None, Ok(r)) => assert_subset(expect, &keyed(&r), name),
        (None, Some(paths), Err(Failure::Invalid { errors })) => assert_error_paths(name, paths, &errors),
        (_, _, other) => panic!("{name}: unexpected outcome {other:?}"),
    }
}

#[test]
fn household_cases() {
    let cases = case_files("household");
    assert!(cases.len() >= 60, "only {} case files", cases.len());
    let mut failures = Vec::new();
    for (name, case) in &cases {
        if let Err(e) = std::panic::catch_unwind(|| run(name, case)) {
            let msg = e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()));
            let msg = msg.unwrap_or_else(|| name.clone());
            failures.push(msg.chars().take(700).collect::<String>());
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n\n"));
}

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/household-case.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::options().should_validate_formats(true).build(&schema).expect("schema compiles")
}

#[test]
fn every_case_input_is_checked_against_the_schema() {
    let validator = schema();
    for (name, case) in case_files("household") {
        let errors: Vec<String> = validator.iter_errors(&case["input"]).map(|e| format!("{}: {e}", e.instance_path)).collect();
        let expect_rejected = case.get("schema_rejects").and_then(Value::as_bool).unwrap_or(false);
        if expect_rejected {
            assert!(!errors.is_empty(), "{name}: the schema should reject this input");
        } else {
            assert!(errors.is_empty(), "{name}: schema errors {errors:?}");
        }
    }
}

#[test]
fn schema_enums_match_the_engine() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/household-case.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    for (key, options) in jingning_policy::case::choices() {
        if key == "outcome" {
            continue; // a result vocabulary, not an input field
        }
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

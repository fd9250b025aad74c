//! Case files for the village engine (tests/cases/village/*.json): each holds `kind` ("assess" or
//! "rank"), `input`, optional `options`, and `expect` — a subset of the result that must match
//! exactly — or `expect_errors`: the JSON paths that must be reported. Every case's input (and any
//! user indicator system in its options) must also be valid against the published JSON Schemas,
//! unless the case is about invalid input.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{assert_subset, case_files};
use jingning_policy::village;
use jingning_policy::Failure;
use serde_json::Value;

fn schema(name: &str) -> jsonschema::Validator {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas").join(name);
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&doc).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn run(case: &Value) -> Result<Value, Failure> {
    let opts = case.get("options").map(|o| o.to_string()).unwrap_or_default();
    let input = case["input"].to_string();
    match case["kind"].as_str() {
        Some("rank") => village::rank_json(&input, &opts).map(|r| serde_json::to_value(r).unwrap()),
        _ => village::assess_json(&input, &opts).map(|r| serde_json::to_value(r).unwrap()),
    }
}

#[test]
fn village_cases() {
    let mut n = 0;
    for (name, case) in case_files("village") {
        match (case.get("expect"), case.get("expect_errors"), run(&case)) {
            (Some(expect), _, Ok(r)) => assert_subset(expect, &r, &name),
            (_, Some(paths), Err(Failure::Invalid { errors })) => {
                let got: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
                for p in paths.as_array().unwrap() {
                    assert!(got.contains(&p.as_str().unwrap()), "{name}: expected error at {p}, got {got:#?}");
                }
                assert!(errors.iter().all(|e| !e.message.is_empty()));
            }
            (_, _, other) => panic!("{name}: unexpected outcome {other:?}"),
        }
        n += 1;
    }
    assert!(n >= 30, "only {n} case files");
}

/// The schemas accept every valid case and reject the invalid ones, so the published format and
/// the engine agree.
#[test]
fn case_files_match_the_schemas() {
    let village_schema = schema("village-input.schema.json");
    let system_schema = schema("indicator-system.schema.json");
    for (name, case) in case_files("village") {
        let valid = case.get("expect").is_some();
        let villages: Vec<&Value> = match &case["input"] {
            Value::Array(items) => items.iter().collect(),
            Value::Object(o) if o.contains_key("villages") => o["villages"].as_array().unwrap().iter().collect(),
            one => vec![one],
        };
        let inputs_ok = villages.iter().all(|v| village_schema.is_valid(v));
        let system_ok = case.pointer("/options/indicator_system").is_none_or(|s| system_schema.is_valid(s));
        if valid {
            for v in &villages {
                let errors: Vec<String> = village_schema.iter_errors(v).map(|e| format!("{} {e}", e.instance_path)).collect();
                assert!(errors.is_empty(), "{name}: input not valid against the schema: {errors:?}");
            }
            if let Some(s) = case.pointer("/options/indicator_system") {
                let errors: Vec<String> = system_schema.iter_errors(s).map(|e| format!("{} {e}", e.instance_path)).collect();
                assert!(errors.is_empty(), "{name}: system not valid against the schema: {errors:?}");
            }
        } else if name != "rank-bad-input.json" {
            // Duplicate ids are beyond JSON Schema; every other invalid case breaks the schema too.
            assert!(!(inputs_ok && system_ok), "{name}: the schemas accept an input the engine rejects");
        }
    }
}

#[test]
fn default_system_matches_its_schema_and_round_trips() {
    let system = village::IndicatorSystem::builtin().unwrap();
    let json = serde_json::to_value(system).unwrap();
    let errors: Vec<String> = schema("indicator-system.schema.json").iter_errors(&json).map(|e| format!("{} {e}", e.instance_path)).collect();
    assert!(errors.is_empty(), "{errors:?}");
    // What defaultIndicatorSystem() returns is accepted back as a user system, unchanged.
    assert_eq!(&village::IndicatorSystem::from_json(&json).unwrap(), system);
}

#[test]
fn default_system_has_the_six_dimensions_and_the_seed_targets() {
    let s = village::IndicatorSystem::builtin().unwrap();
    let names: Vec<&str> = s.dimensions.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["巩固拓展脱贫攻坚成果", "产业兴旺", "生态宜居", "乡风文明", "治理有效", "生活富裕"]);
    let toilet = s.indicator("sanitary_toilet_rate").unwrap();
    assert_eq!(toilet.source.clause.as_deref(), Some("四(九)"));
    assert_eq!(toilet.target, village::system::Target::Number(rust_decimal::Decimal::from(95)));
    for id in ["lighting_full_coverage", "broadband_100m", "poverty_income_growth", "monitored_support_coverage", "poverty_asset_ledger"] {
        assert_eq!(s.indicator(id).unwrap().basis, village::system::Basis::County, "{id}");
    }
    // Vetoes only with a basis: the one default veto (规模性返贫) says it is a design assumption;
    // 监测户帮扶 is scored, not a veto (the seed makes it no veto).
    let vetoes: Vec<&str> = s.indicators.iter().filter(|i| i.veto).map(|i| i.id.as_str()).collect();
    assert_eq!(vetoes, ["large_scale_return_to_poverty"]);
    assert_eq!(s.indicators[0].source.kind, village::system::SourceKind::DesignAssumption);
    // County statistics carry no weight on a village's card.
    for id in ["engel_coefficient", "education_culture_spending_share", "greening_rate", "manure_utilisation_rate"] {
        let i = s.indicator(id).unwrap();
        assert_eq!((i.scope, i.weight), (village::system::Scope::County, rust_decimal::Decimal::ZERO), "{id}");
    }
    assert_eq!(s.indicator("lighting_full_coverage").unwrap().due_year, Some(2024));
}

/// The documentation's table of the default system names every indicator of the built-in file.
#[test]
fn docs_list_every_default_indicator() {
    let doc = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/village-assessment.md")).unwrap();
    for ind in &village::IndicatorSystem::builtin().unwrap().indicators {
        assert!(doc.contains(&format!("`{}`", ind.id)), "docs/village-assessment.md lacks {}", ind.id);
        assert!(doc.contains(&ind.name), "docs/village-assessment.md lacks {}", ind.name);
    }
}

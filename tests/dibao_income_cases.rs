//! Case files for the 低保收入速算 (tests/cases/dibao-income/*.json): each holds `input`,
//! optional `options`, and `expect` — a subset of the result that must match exactly, or
//! `expect_errors`: the JSON paths that must be reported.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::assert_subset;
use jingning_policy::household::dibao_income;
use jingning_policy::Failure;
use serde_json::Value;

#[test]
fn dibao_income_cases() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/dibao-income");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let case: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let opts = case.get("options").map(|o| o.to_string()).unwrap_or_default();
        let result = dibao_income::check_json(&case["input"].to_string(), &opts);
        match (case.get("expect"), case.get("expect_errors"), result) {
            (Some(expect), _, Ok(r)) => assert_subset(expect, &serde_json::to_value(&r).unwrap(), &name),
            (_, Some(paths), Err(Failure::Invalid { errors })) => {
                let got: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
                for p in paths.as_array().unwrap() {
                    assert!(got.contains(&p.as_str().unwrap()), "{name}: expected error at {p}, got {got:?}");
                }
            }
            (_, _, other) => panic!("{name}: unexpected outcome {other:?}"),
        }
        n += 1;
    }
    assert!(n >= 4, "only {n} case files");
}

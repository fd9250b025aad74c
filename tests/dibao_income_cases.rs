//! Case files for the 低保收入速算 (tests/cases/dibao-income/*.json): each holds `input`,
//! optional `options`, and `expect` — a subset of the result that must match exactly, or
//! `expect_errors`: the JSON paths that must be reported.
#![cfg(not(target_arch = "wasm32"))]

use jingning_policy::household::dibao_income;
use jingning_policy::Failure;
mod common;

use common::{assert_error_paths, assert_subset, case_files};

#[test]
fn dibao_income_cases() {
    let mut n = 0;
    for (name, case) in case_files("dibao-income") {
        let opts = case.get("options").map(|o| o.to_string()).unwrap_or_default();
        let result = dibao_income::check_json(&case["input"].to_string(), &opts);
        match (case.get("expect"), case.get("expect_errors"), result) {
            (Some(expect), _, Ok(r)) => assert_subset(expect, &serde_json::to_value(&r).unwrap(), &name),
            (_, Some(paths), Err(Failure::Invalid { errors })) => assert_error_paths(&name, paths, &errors),
            (_, _, other) => panic!("{name}: unexpected outcome {other:?}"),
        }
        n += 1;
    }
    assert!(n >= 4, "only {n} case files");
}

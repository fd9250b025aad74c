//! Snapshots of what the engine says about the example households: every decision's outcome,
//! reason, per-member findings and itemised findings, as a reviewer reads them. A change of
//! wording anywhere in a result shows up as a snapshot diff to accept or reject:
//! `cargo insta review` (needs `cargo install cargo-insta`), or without it
//! `INSTA_UPDATE=always cargo test --test household_snapshots` and `git diff tests/snapshots`.
#![cfg(not(target_arch = "wasm32"))]

use jingning_policy::household::evaluate_json;
use serde_json::Value;
use std::fmt::Write;

fn text(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

/// The result as plain text: one block per decision, in the engine's order.
fn render(result: &Value) -> String {
    let mut out = String::new();
    // No fingerprint: it changes with the engine version, and the snapshot is about the wording.
    let _ = writeln!(out, "核查日期 {} · 家庭人口 {}", text(&result["assessment_date"]), result["household_size"]);
    for d in result["decisions"].as_array().unwrap() {
        let category = d["category_label"].as_str().map(|c| format!("（{c}）")).unwrap_or_default();
        let amount = d["amount"].as_str().map(|a| format!(" ¥{a} {}", text(&d["amount_unit"]))).unwrap_or_default();
        let _ = writeln!(out, "\n[{}] {}：{}{category}{amount}", text(&d["measure"]), text(&d["title"]), text(&d["outcome"]));
        let _ = writeln!(out, "  理由：{}", text(&d["reason"]));
        for m in d["members"].as_array().into_iter().flatten() {
            let grounds: Vec<&str> = m["grounds"].as_array().into_iter().flatten().map(text).collect();
            let amount = m["amount"].as_str().map(|a| format!(" ¥{a}")).unwrap_or_default();
            let _ = writeln!(out, "  成员 {} {}：{}{amount}；{}", m["index"], text(&m["name"]), text(&m["outcome"]), text(&m["reason"]));
            if !grounds.is_empty() {
                let _ = writeln!(out, "    依据：{}", grounds.join("、"));
            }
        }
        for f in d["findings"].as_array().into_iter().flatten() {
            let mark = match f["met"].as_bool() {
                Some(true) => "✓",
                Some(false) => "✗",
                None => "?",
            };
            let _ = writeln!(out, "  {mark} {}（{}）{}", text(&f["label"]), text(&f["code"]), text(&f["note"]));
        }
        for m in d["missing"].as_array().into_iter().flatten() {
            let _ = writeln!(out, "  缺：{} {}", text(&m["label"]), text(&m["path"]));
        }
    }
    let unverified: Vec<&str> = result["unverified"].as_array().into_iter().flatten().map(text).collect();
    let _ = writeln!(out, "\n未核实参数：{}", unverified.join("、"));
    out
}

fn snapshot(name: &str, file: &str) {
    let input = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
    let result = serde_json::to_value(evaluate_json(&input, "").unwrap_or_else(|e| panic!("{file}: {e:?}"))).unwrap();
    insta::with_settings!({ description => file, omit_expression => true }, {
        insta::assert_snapshot!(name, render(&result));
    });
}

#[test]
fn five_person_example() {
    snapshot("household-5", "examples/household-5.json");
}

#[test]
fn three_generations_page_fixture() {
    snapshot("household-three-generations", "tests/e2e/fixtures/household-three-generations.json");
}

#[test]
fn elderly_alone_without_supporter() {
    // The contradiction issue 12 starts from: found eligible for 特困, yet told by 医保资助 it is
    // "不属资助对象". Pinned here so the fix shows as a diff of this snapshot.
    let case = serde_json::json!({
        "schema": "jingning.household/1", "assessment_date": "2024-06-30", "household_type": "ordinary",
        "status": { "dibao": false, "tekun": false, "monitored": false, "returned_to_poverty": false },
        "members": [{ "name": "王秀兰", "relation": "head", "birth_date": "1952-05-01", "sex": "female", "labour_capacity": "none",
                      "has_disability": false, "serious_illness": false, "chronic_illness": false, "schooling": "finished",
                      "medical_insurance": true, "pension_insurance": false, "supporter": "none", "medical_out_of_pocket": "0" }],
        "incomes": { "wage": "0" }, "employment_costs": "0", "last_year_total_income": "0",
        "assets": { "within_dibao_rules": true }, "housing": "safe", "drinking_water": "safe", "food_clothing_secure": true, "risks": []
    });
    let result = serde_json::to_value(evaluate_json(&case.to_string(), "").unwrap()).unwrap();
    insta::with_settings!({ description => "72 岁独居、无收入、无法定义务人", omit_expression => true }, {
        insta::assert_snapshot!("elderly-alone-no-supporter", render(&result));
    });
}

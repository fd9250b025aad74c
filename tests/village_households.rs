//! Village scorecards built from a township's household 台账 (`batch::village_households`), on the
//! 20-village fixture written by `scripts/gen-township-ledger.py`: four households per village,
//! whose pattern follows the village's number (see the script), so each expectation below is
//! stated by hand. Also the village sheet's 全县平均 column, entered once, and the county view.
#![cfg(all(not(target_arch = "wasm32"), feature = "sheet"))]

use jingning_policy::batch::read::{read_file, Sheet};
use jingning_policy::batch::village_households::{evaluate, DerivedVillage, HouseholdVillages};
use jingning_policy::batch::{village, BatchOptions};
use jingning_policy::village::input::VillageOptions;
use serde_json::{json, Value};

fn sheet(name: &str) -> Sheet {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/batch").join(name);
    read_file(&std::fs::read(&path).unwrap(), name).unwrap()
}

fn options() -> BatchOptions {
    BatchOptions::from_text(r#"{ "assessment_date": "2024-06-30" }"#).unwrap()
}

fn run(with_sheet: bool) -> HouseholdVillages {
    let ledger = sheet("township-20-villages.csv");
    let villages = sheet("township-20-villages-indicators.csv");
    let v = with_sheet.then_some((villages.headers.as_slice(), villages.rows.as_slice()));
    evaluate(&ledger.headers, &ledger.rows, &options(), &VillageOptions::default(), v).unwrap()
}

fn village<'a>(r: &'a HouseholdVillages, name: &str) -> &'a DerivedVillage {
    r.villages.iter().find(|v| v.village == name).unwrap()
}

/// `(value, households behind the shortfall)` of one derived indicator.
fn value(v: &DerivedVillage, indicator: &str) -> (Option<String>, Vec<String>) {
    let x = v.values.iter().find(|x| x.indicator == indicator).unwrap();
    (x.value.clone(), x.gaps.clone())
}

fn some(x: &str, gaps: &[&str]) -> (Option<String>, Vec<String>) {
    (Some(x.to_string()), gaps.iter().map(|g| g.to_string()).collect())
}

#[test]
fn every_village_of_the_ledger_gets_its_household_indicators_with_the_households_behind_them() {
    let r = run(false);
    assert_eq!((r.households, r.villages.len()), (80, 20));
    assert!(r.unassigned.is_empty());
    // 城川村 (1): nothing to flag.
    let v = village(&r, "城川村");
    assert_eq!(value(v, "monitored_support_coverage"), some("100", &[]));
    assert_eq!(value(v, "basic_needs_secured_rate"), some("100", &[]));
    assert_eq!(value(v, "dropout_count"), some("0", &[]));
    assert_eq!(value(v, "assistance_coverage"), some("100", &[]));
    // 吴庙村 (3): a 13-year-old out of school (厌学), and a 低保-eligible household not on 低保.
    let v = village(&r, "吴庙村");
    assert_eq!(value(v, "dropout_count"), some("1", &["H03-4"]));
    assert_eq!(value(v, "basic_needs_secured_rate"), some("75", &["H03-4"]));
    assert_eq!(value(v, "assistance_coverage"), some("0", &["H03-3"]));
    // 新店村 (4): one of its two monitored households has no 帮扶措施.
    assert_eq!(value(village(&r, "新店村"), "monitored_support_coverage"), some("50", &["H04-2"]));
    // 八里村 (5): a C级危房; 原安村 (7): 水量不足.
    assert_eq!(value(village(&r, "八里村"), "basic_needs_secured_rate"), some("75", &["H05-4"]));
    assert_eq!(value(village(&r, "原安村"), "basic_needs_secured_rate"), some("75", &["H07-4"]));
    // 威戎村 (9): an income collapse, not monitored yet and not on 低保.
    let v = village(&r, "威戎村");
    assert_eq!(v.monitoring_gaps, ["H09-4"]);
    assert_eq!(value(v, "assistance_coverage"), some("0", &["H09-3", "H09-4"]));
}

#[test]
fn with_the_ledger_alone_each_scorecard_holds_the_derived_values_and_says_how_little_is_assessed() {
    let r = run(false);
    assert_eq!(r.ranking.rows.len(), 20);
    let assessments = r.ranking.assessments.as_ref().unwrap();
    let a = assessments.iter().find(|a| a.village_name == "新店村").unwrap();
    let ind = a.indicators.iter().find(|i| i.id == "monitored_support_coverage").unwrap();
    assert_eq!(serde_json::to_value(ind.value).unwrap(), json!("50"));
    // Four indicators (10 + 5 + 4 + 4 = 23 of the 96 weight due in 2021) are not enough for a grade.
    assert_eq!((a.graded, a.grade.as_str()), (false, "未定级"));
    assert_eq!(a.coverage.label, "已评 23/96 权重（另有 4 未到期）");
    assert!(r.villages.iter().all(|v| v.values.iter().all(|x| x.filled == x.value.is_some())));
}

#[test]
fn with_the_village_sheet_the_ledger_fills_its_blanks_and_twenty_villages_rank_with_a_county_view() {
    let r = run(true);
    let rows = &r.ranking.rows;
    assert_eq!(rows.len(), 20);
    assert!(rows.iter().all(|x| x.graded && x.coverage == "已评 100/100 权重"), "{rows:#?}");
    // Sorted by rank; equal totals would share one.
    assert!(rows.windows(2).all(|w| w[0].rank <= w[1].rank && w[0].total >= w[1].total));
    assert_eq!(rows.iter().find(|x| x.village_name == "双岘村").unwrap().five_type_label, None);
    assert_eq!(rows.iter().find(|x| x.village_name == "甘沟村").unwrap().five_type_label.as_deref(), Some("特色保护型"));
    // The derived value reached the scorecard: 新店村's 监测帮扶 is 50 %, scored 0 of 10.
    let a = r.ranking.assessments.as_ref().unwrap().iter().find(|a| a.village_name == "新店村").unwrap();
    let ind = a.indicators.iter().find(|i| i.id == "monitored_support_coverage").unwrap();
    assert_eq!((serde_json::to_value(ind.value).unwrap(), ind.points.to_string()), (json!("50"), "0.00".to_string()));
    // The county view: per township and overall, counts compared only for the file's villages.
    let county = serde_json::to_value(&r.ranking.county).unwrap();
    let target = |id: &str| county["targets"].as_array().unwrap().iter().find(|t| t["id"] == id).unwrap().clone();
    assert_eq!(target("five_types_classified")["value"], json!("19"));
    assert_eq!(target("clean_villages")["value"], json!("5"));
    assert_eq!(target("demonstration_province")["village_ids"], json!(["620826100001"]));
    assert!(target("engel_county")["status"].as_str().unwrap().contains("未提供全县统计数"));
    assert!(county["coverage_note"].as_str().unwrap().contains("本文件 20 个村，全县 333 个行政村"));
    let towns: Vec<(&str, u64)> =
        county["townships"].as_array().unwrap().iter().map(|t| (t["township"].as_str().unwrap(), t["villages"].as_u64().unwrap())).collect();
    assert_eq!(towns, [("城川镇", 10), ("威戎镇", 10)]);
}

#[test]
fn a_county_average_entered_once_in_the_sheet_serves_every_village() {
    let r = run(true);
    for a in r.ranking.assessments.as_ref().unwrap() {
        let g = a.indicators.iter().find(|i| i.id == "poverty_income_growth").unwrap();
        assert_eq!(g.county_average.map(|x| x.to_string()).as_deref(), Some("10"), "{}", a.village_name);
    }
    // 城川村 grows 9 % against 10 %: one point below, score (−1 − −5)/5 = 0.8.
    let a = r.ranking.assessments.as_ref().unwrap().iter().find(|a| a.village_name == "城川村").unwrap();
    let g = a.indicators.iter().find(|i| i.id == "poverty_income_growth").unwrap();
    assert_eq!(g.score.map(|x| x.to_string()).as_deref(), Some("0.8000"));
}

#[test]
fn two_different_county_averages_in_one_sheet_are_an_error_of_the_later_row() {
    let csv = "村庄编号,村名,脱贫人口人均纯收入增速,全县平均：脱贫人口人均纯收入增速\n1,甲村,9,10\n2,乙村,9,\n3,丙村,9,11\n";
    let s = read_file(csv.as_bytes(), "v.csv").unwrap();
    let b = village::evaluate(&s.headers, &s.rows, &VillageOptions::default()).unwrap();
    assert_eq!(b.errors.len(), 1);
    assert_eq!((b.errors[0].row, b.errors[0].column.as_str()), (4, "全县平均：脱贫人口人均纯收入增速"));
    assert!(b.errors[0].message.contains("全县平均值应全表一致"), "{}", b.errors[0].message);
    assert_eq!(b.ranking.unwrap().count, 2, "甲村 and 乙村 (which takes 甲村's average) are ranked");
}

#[test]
fn the_cli_builds_the_scorecards_from_the_ledger_and_writes_the_sheet_back() {
    let out = std::env::temp_dir().join(format!("jingning-vh-{}.csv", std::process::id()));
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_jingning"))
        .args([
            "batch-villages",
            "tests/batch/township-20-villages-indicators.csv",
            "--households",
            "tests/batch/township-20-villages.csv",
            "--date",
            "2024-06-30",
        ])
        .arg("--out")
        .arg(&out)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["ranking"]["rows"].as_array().unwrap().len(), 20);
    let v = r["villages"].as_array().unwrap().iter().find(|v| v["village"] == "威戎村").unwrap();
    assert_eq!(v["monitoring_gaps"], json!(["H09-4"]));
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.lines().next().unwrap().contains("【考核】名次"));
    assert_eq!(written.lines().count(), 21);
}

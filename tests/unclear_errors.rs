//! Messages that once named no field or the wrong fix (issue 15): each now names the field and
//! what to do.
#![cfg(all(not(target_arch = "wasm32"), feature = "sheet"))]

use jingning_policy::batch::read::read_file;
use jingning_policy::batch::{BatchOptions, Session};

const CASE: &str = include_str!("../examples/household-5.json");

fn batch_errors(csv: &str) -> Vec<String> {
    let sheet = read_file(csv.as_bytes(), "台账.csv").unwrap();
    let mut s = Session::new(sheet.headers, sheet.rows, BatchOptions::from_text(r#"{"assessment_date":"2024-06-30"}"#).unwrap()).unwrap();
    s.run();
    s.households.iter().flat_map(|h| h.errors.iter().map(|e| format!("{} {}", e.column, e.message))).collect()
}

#[test]
fn a_case_saved_by_windows_notepad_with_a_byte_order_mark_is_read() {
    let with_bom = format!("\u{FEFF}{CASE}");
    let plain = jingning_policy::household::evaluate_json(CASE, "").unwrap();
    let r = jingning_policy::household::evaluate_json(&with_bom, "\u{FEFF}{}").unwrap();
    assert_eq!(serde_json::to_value(&r).unwrap(), serde_json::to_value(&plain).unwrap());
}

#[test]
fn json_nested_too_deep_says_so() {
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let err = jingning_policy::household::evaluate_json(&deep, "").unwrap_err().describe();
    assert!(err.contains("嵌套层数过多"), "{err}");
}

#[test]
fn a_village_with_a_blank_id_names_the_field() {
    let v = r#"{"schema":"jingning.village-input/1","id":" ","name":"","values":{}}"#;
    let err = jingning_policy::village::assess_json(v, "").unwrap_err().describe();
    assert!(err.contains("$.id: 「村庄编号」不能为空") && err.contains("$.name: 「村名」不能为空"), "{err}");
}

#[test]
fn an_id_number_excel_showed_as_1_10105e17_is_said_to_be_stored_as_a_number() {
    let errors = batch_errors("户编号,姓名,与户主关系,身份证号,劳动能力\nA,张三,户主,1.10105E+17,全劳力\n");
    assert_eq!(errors, ["身份证号 「身份证号」被表格存成了数字，末几位已经丢失；请把该列设为“文本”格式后重新填写"]);
}

#[test]
fn a_date_whose_day_does_not_exist_says_the_day_not_the_format() {
    let errors = batch_errors("户编号,姓名,与户主关系,出生日期,劳动能力\nA,张三,户主,2024/2/30,全劳力\nB,李四,户主,1980/13/01,全劳力\n");
    assert_eq!(
        errors,
        ["出生日期 「出生日期」日期不存在（2024 年 2 月没有 30 日），收到 2024/2/30", "出生日期 「出生日期」日期不存在（没有 13 月），收到 1980/13/01"]
    );
    // In a case file, a real date with slashes is told its ISO form.
    let case = CASE.replacen("\"2024-06-30\"", "\"2024/6/30\"", 1);
    let err = jingning_policy::household::evaluate_json(&case, "").unwrap_err().describe();
    assert!(err.contains("格式应为 YYYY-MM-DD（即 2024-06-30），收到 2024/6/30"), "{err}");
}

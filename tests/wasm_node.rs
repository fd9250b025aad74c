//! The JS binding, run as wasm in Node (`make test-wasm-node`): values cross the boundary intact,
//! money stays exact, and bad input is thrown as a structured Chinese error instead of a panic.
#![cfg(all(target_arch = "wasm32", feature = "wasm"))]

use jingning_policy::wasm;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

fn js(v: serde_json::Value) -> JsValue {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap()
}

fn get(v: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(v.clone(), |acc, k| js_sys::Reflect::get(&acc, &JsValue::from_str(k)).unwrap())
}

use serde::Serialize;

#[wasm_bindgen_test]
fn dibao_income_counts_only_what_the_policy_counts() {
    let input = js(serde_json::json!({
        "assessment_date": "2024-06-30",
        "household_size": 3,
        // A JS number and decimal strings: both exact.
        "incomes": { "wage": 9000.1, "basic_pension": "1200", "scholarship": "500.55" },
        "employment_costs": "1200"
    }));
    let r = wasm::check_dibao_income(input, JsValue::UNDEFINED).expect("evaluates");
    assert_eq!(get(&r, &["ledger", "total_net"]).as_string().unwrap(), "10700.65");
    assert_eq!(get(&r, &["ledger", "total_dibao"]).as_string().unwrap(), "7800.1");
    assert_eq!(get(&r, &["ledger", "per_capita_dibao"]).as_string().unwrap(), "2600.03");
    assert_eq!(get(&r, &["below_standard"]).as_bool(), Some(true));
    assert_eq!(get(&r, &["citations"]).is_object(), true);
}

#[wasm_bindgen_test]
fn json_text_is_accepted_too() {
    let text = r#"{"assessment_date":"2024-01-01","household_size":1,"incomes":{"wage":"6000"}}"#;
    let r = wasm::check_dibao_income(JsValue::from_str(text), JsValue::NULL).unwrap();
    assert_eq!(get(&r, &["below_standard"]).as_bool(), Some(false));
}

#[wasm_bindgen_test]
fn bad_input_throws_every_error_with_its_path() {
    let input = js(serde_json::json!({
        "assessment_date": "2024-02-30",
        "household_size": 0,
        "incomes": { "wage": "-5", "bonus": "1" }
    }));
    let err = wasm::check_dibao_income(input, JsValue::UNDEFINED).unwrap_err();
    assert_eq!(get(&err, &["kind"]).as_string().unwrap(), "invalid");
    let errors: Vec<jingning_policy::FieldError> = Vec::new();
    let _ = errors;
    let list = js_sys::Array::from(&get(&err, &["errors"]));
    let paths: Vec<String> = list.iter().map(|e| get(&e, &["path"]).as_string().unwrap()).collect();
    assert!(paths.contains(&"$.assessment_date".to_string()), "{paths:?}");
    assert!(paths.contains(&"$.household_size".to_string()));
    assert!(paths.contains(&"$.incomes.wage".to_string()));
    assert!(paths.contains(&"$.incomes.bonus".to_string()));
    let message = get(&err, &["message"]).as_string().unwrap();
    assert!(message.contains("日期不存在"), "{message}");
}

#[wasm_bindgen_test]
fn overrides_replace_the_standard_and_are_reported() {
    let input = js(serde_json::json!({"assessment_date": "2024-06-30", "household_size": 2, "incomes": {"wage": "11000"}}));
    let opts = js(serde_json::json!({"overrides": {"dibao.standard_annual": "5600"}}));
    let r = wasm::check_dibao_income(input, opts).unwrap();
    assert_eq!(get(&r, &["below_standard"]).as_bool(), Some(true));
    assert_eq!(get(&r, &["standard"]).as_string().unwrap(), "5600");
    let used = js_sys::Array::from(&get(&r, &["params_used"]));
    assert_eq!(get(&used.get(0), &["overridden"]).as_bool(), Some(true));
}

#[wasm_bindgen_test]
fn clauses_come_from_the_seed() {
    let c = wasm::clause("五(十二)").unwrap();
    assert_eq!(get(&c, &["title"]).as_string().unwrap(), "分层分类实施社会救助");
    assert!(wasm::clause("九(九十)").unwrap().is_undefined());
}

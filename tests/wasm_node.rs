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

fn household_case() -> serde_json::Value {
    serde_json::json!({
        "schema": "jingning.household/1",
        "assessment_date": "2024-06-30",
        "household_type": "脱贫户",
        "status": {"dibao": false, "tekun": false, "monitored": false, "returned_to_poverty": false},
        "members": [
            {"name": "甲", "relation": "head", "id_number": "34052419800101001X", "labour_capacity": "全劳力"},
            {"name": "乙", "relation": "spouse", "birth_date": "1982-01-01", "labour_capacity": "half"}
        ],
        // A JS number with a fraction: taken exactly.
        "incomes": {"wage": 15599.98, "basic_pension": "1200"},
        "last_year_total_income": "16000",
        "assets": {"within_dibao_rules": true}
    })
}

fn decision(r: &JsValue, measure: &str) -> JsValue {
    let list = js_sys::Array::from(&get(r, &["decisions"]));
    list.iter().find(|d| get(d, &["measure"]).as_string().as_deref() == Some(measure)).expect("measure present")
}

#[wasm_bindgen_test]
fn evaluate_household_returns_every_measure_with_exact_money() {
    let r = wasm::evaluate_household(js(household_case()), JsValue::UNDEFINED).expect("evaluates");
    assert_eq!(get(&r, &["schema"]).as_string().unwrap(), "jingning.household/1");
    assert_eq!(js_sys::Array::from(&get(&r, &["decisions"])).length(), 12);
    // (15599.98 + 1200) / 2 = 8399.99 ≥ 7800 → not below the 2024 line.
    assert_eq!(get(&r, &["per_capita_net"]).as_string().unwrap(), "8399.99");
    assert_eq!(get(&r, &["per_capita_dibao"]).as_string().unwrap(), "7799.99");
    let m = decision(&r, "monitoring");
    assert_eq!(get(&m, &["outcome"]).as_string().unwrap(), "cannot_decide");
    let t = js_sys::Array::from(&get(&m, &["thresholds"])).get(0);
    assert_eq!(get(&t, &["threshold"]).as_string().unwrap(), "7800");
    assert_eq!(get(&r, &["fingerprint"]).as_string().unwrap().len(), 12);
}

#[wasm_bindgen_test]
fn evaluate_household_throws_paths_for_bad_members() {
    let mut c = household_case();
    c["members"][0]["id_number"] = "340524198001010011".into();
    c["members"][1]["labour_capacity"] = "strong".into();
    c["incomes"]["wage"] = (-3).into();
    let err = wasm::evaluate_household(js(c), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(get(&err, &["kind"]).as_string().unwrap(), "invalid");
    let list = js_sys::Array::from(&get(&err, &["errors"]));
    let paths: Vec<String> = list.iter().map(|e| get(&e, &["path"]).as_string().unwrap()).collect();
    for p in ["$.members[0].id_number", "$.members[1].labour_capacity", "$.incomes.wage"] {
        assert!(paths.contains(&p.to_string()), "{paths:?}");
    }
}

#[wasm_bindgen_test]
fn evaluate_household_accepts_json_text_and_overrides() {
    let text = household_case().to_string();
    let opts = js(serde_json::json!({"overrides": {"monitoring.income_threshold": "9000"}}));
    let r = wasm::evaluate_household(JsValue::from_str(&text), opts).unwrap();
    assert_eq!(get(&decision(&r, "monitoring"), &["outcome"]).as_string().unwrap(), "applies");
    assert_eq!(get(&decision(&r, "monitoring"), &["category"]).as_string().unwrap(), "unstable");
}

#[wasm_bindgen_test]
fn parse_id_number_fills_the_form_or_explains() {
    let ok = wasm::parse_id_number("11010519491231002X", Some("2024-12-31".into())).unwrap();
    assert_eq!(get(&ok, &["valid"]).as_bool(), Some(true));
    assert_eq!(get(&ok, &["birth_date"]).as_string().unwrap(), "1949-12-31");
    assert_eq!(get(&ok, &["sex"]).as_string().unwrap(), "female");
    assert_eq!(get(&ok, &["age"]).as_f64(), Some(75.0));
    let card = wasm::parse_id_number("11010519491231002X12", None).unwrap();
    assert_eq!(get(&card, &["valid"]).as_bool(), Some(true));
    assert!(get(&card, &["age"]).is_null());
    let bad = wasm::parse_id_number("110105194912310021", None).unwrap();
    assert_eq!(get(&bad, &["valid"]).as_bool(), Some(false));
    assert!(get(&bad, &["error"]).as_string().unwrap().contains("校验码"));
}

#[wasm_bindgen_test]
fn household_choices_come_from_the_engine() {
    let c = wasm::household_choices().unwrap();
    let labour = js_sys::Array::from(&get(&c, &["labour_capacity"]));
    assert_eq!(labour.length(), 4);
    assert_eq!(get(&labour.get(0), &["code"]).as_string().unwrap(), "full");
    assert_eq!(get(&labour.get(0), &["label"]).as_string().unwrap(), "全劳力");
    assert!(js_sys::Array::from(&get(&c, &["risk"])).length() == 9);
}

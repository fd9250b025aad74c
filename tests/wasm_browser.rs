//! The JS binding in headless Chromium (`make test-wasm-chrome`): the same module the page loads
//! evaluates in a real browser and its results can be written into the DOM.
#![cfg(all(target_arch = "wasm32", feature = "wasm"))]

use jingning_policy::wasm;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(k)).unwrap()
}

#[wasm_bindgen_test]
fn evaluates_in_the_browser() {
    let text = r#"{"assessment_date":"2024-06-30","household_size":4,
                   "incomes":{"wage":"12000","social_assistance":"3000","family_planning":"960"}}"#;
    let r = wasm::check_dibao_income(JsValue::from_str(text), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&r, "below_standard").as_bool(), Some(true));
    let ledger = get(&r, "ledger");
    assert_eq!(get(&ledger, "total_net").as_string().unwrap(), "15960");
    assert_eq!(get(&ledger, "total_dibao").as_string().unwrap(), "12000");
    // The browser global exists: this really runs in a page, not in Node.
    let window = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("document")).unwrap();
    assert!(window.is_object());
}

#[wasm_bindgen_test]
fn builtin_parameters_load_in_the_browser() {
    let set = wasm::builtin_params().unwrap();
    let params = get(&set, "params");
    let standard = get(&params, "dibao.standard_annual");
    assert_eq!(get(&standard, "label").as_string().unwrap(), "农村低保标准");
}

#[wasm_bindgen_test]
fn village_assessment_runs_in_the_browser() {
    let system = wasm::default_indicator_system().unwrap();
    assert_eq!(js_sys::Array::from(&get(&system, "dimensions")).length(), 6);
    // Only one value given: the rest are missing and reported, never silently dropped.
    let text = r#"{"schema":"jingning.village-input/1","id":"1","name":"样例村","values":{"sanitary_toilet_rate":"95"}}"#;
    let r = wasm::assess_village(JsValue::from_str(text), JsValue::UNDEFINED).unwrap();
    // Scored over the weight assessed (8 of the 96 due), and too little of it for a grade.
    assert_eq!(get(&r, "total").as_string().unwrap(), "100.00");
    assert_eq!(get(&r, "grade").as_string().unwrap(), "未定级");
    assert_eq!(get(&r, "missing_rule").as_string().unwrap(), "exclude");
    assert_eq!(js_sys::Array::from(&get(&r, "missing")).length(), 21);
    let ranking = wasm::rank_villages(JsValue::from_str(&format!("{{\"villages\":[{text}]}}")), JsValue::UNDEFINED).unwrap();
    let row = js_sys::Array::from(&get(&ranking, "rows")).get(0);
    assert_eq!(get(&row, "rank").as_f64(), Some(1.0));
}

/// Issue 15: in the page's module a cyclic object, one nested 4,000 deep or an object whose
/// getter throws once left every later call failing until reload; now each is a named error and
/// the next call works.
#[wasm_bindgen_test]
fn hostile_objects_are_named_errors_and_the_engine_keeps_working() {
    let cyclic = js_sys::Object::new();
    js_sys::Reflect::set(&cyclic, &"self".into(), &cyclic).unwrap();
    let mut deep: JsValue = js_sys::Object::new().into();
    for _ in 0..4000 {
        let o = js_sys::Object::new();
        js_sys::Reflect::set(&o, &"a".into(), &deep).unwrap();
        deep = o.into();
    }
    let getter = js_sys::Object::new();
    let desc = js_sys::Object::new();
    js_sys::Reflect::set(&desc, &"get".into(), &js_sys::Function::new_no_args("throw new Error('getter')")).unwrap();
    // Enumerable, or JSON.stringify would skip it and never call the getter.
    js_sys::Reflect::set(&desc, &"enumerable".into(), &JsValue::TRUE).unwrap();
    js_sys::Object::define_property(&getter, &"incomes".into(), &desc);
    for v in [JsValue::from(cyclic), deep, getter.into()] {
        for _ in 0..100 {
            let err = wasm::validate_indicator_system(v.clone()).unwrap_err();
            assert_eq!(get(&err, "kind").as_string().unwrap(), "invalid");
            let message = get(&err, "message").as_string().unwrap();
            assert!(message.contains("无法作为 JSON 数据读取") || message.contains("嵌套"), "{message}");
            assert!(wasm::check_dibao_income(v.clone(), JsValue::UNDEFINED).is_err());
            assert!(wasm::params_in_force("2024-06-30".into(), v.clone()).is_err());
        }
    }
    let id = wasm::parse_id_number(JsValue::from_f64(110105194912310020.0), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&id, "valid").as_bool(), Some(false));
    let text = r#"{"assessment_date":"2024-06-30","household_size":1,"incomes":{"wage":"100"}}"#;
    let r = wasm::check_dibao_income(JsValue::from_str(text), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&r, "below_standard").as_bool(), Some(true));
}

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
    assert!(get(&r, &["citations"]).is_object());
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
    let c = wasm::clause("五(十二)".into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&c, &["title"]).as_string().unwrap(), "分层分类实施社会救助");
    assert_eq!(get(&c, &["document", "short"]).as_string().unwrap(), "实施意见");
    assert!(wasm::clause("九(九十)".into(), JsValue::UNDEFINED).unwrap().is_undefined());
}

#[wasm_bindgen_test]
fn passages_of_national_rules_come_with_their_document() {
    let c = wasm::clause("未成年人".into(), "mca-2021-43".into()).unwrap();
    assert_eq!(get(&c, &["document", "number"]).as_string().unwrap(), "民发〔2021〕43号");
    assert!(get(&c, &["text"]).as_string().unwrap().contains("可继续享有救助供养待遇至18周岁"));
    // Passage names are per document: the seed has no clause of that name.
    assert!(wasm::clause("未成年人".into(), JsValue::UNDEFINED).unwrap().is_undefined());
    let docs = js_sys::Array::from(&wasm::documents().unwrap());
    assert_eq!(get(&docs.get(0), &["id"]).as_string().unwrap(), "seed-2021");
    assert!(docs.length() >= 5);
}

// ---------------------------------------------------------------- village assessment

fn perfect_village(id: &str) -> serde_json::Value {
    let system = wasm::default_indicator_system().unwrap();
    let list = js_sys::Array::from(&get(&system, &["indicators"]));
    let mut values = serde_json::Map::new();
    for ind in list.iter() {
        let id = get(&ind, &["id"]).as_string().unwrap();
        let target = get(&ind, &["target"]);
        let value = match target.as_bool() {
            Some(b) => serde_json::json!(b),
            None => serde_json::json!(target.as_string().unwrap()),
        };
        values.insert(id, value);
    }
    // Indicators compared with a county average: give the village the county average.
    values.insert("poverty_income_growth".into(), serde_json::json!("9.5"));
    values.insert("income_vs_county".into(), serde_json::json!("12000"));
    serde_json::json!({ "schema": "jingning.village-input/1", "id": id, "name": "样例村", "values": values,
        "county_averages": { "poverty_income_growth": "9.5", "income_vs_county": "12000" } })
}

#[wasm_bindgen_test]
fn village_at_every_target_scores_exactly_100() {
    let r = wasm::assess_village(js(perfect_village("a")), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&r, &["total"]).as_string().unwrap(), "100.00");
    assert_eq!(get(&r, &["grade"]).as_string().unwrap(), "优秀");
    assert_eq!(get(&r, &["classification", "class"]).as_string().unwrap(), "lead");
    assert_eq!(js_sys::Array::from(&get(&r, &["shortfalls"])).length(), 0);
}

#[wasm_bindgen_test]
fn one_hundredth_below_the_toilet_target_loses_exactly_one_hundredth() {
    let mut v = perfect_village("a");
    v["values"]["sanitary_toilet_rate"] = serde_json::json!(94.99); // a JS number, taken exactly
    let r = wasm::assess_village(js(v), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&r, &["total"]).as_string().unwrap(), "99.99");
    let first = js_sys::Array::from(&get(&r, &["shortfalls"])).get(0);
    assert_eq!(get(&first, &["regain"]).as_string().unwrap(), "0.01");
}

#[wasm_bindgen_test]
fn only_a_veto_with_a_basis_fixes_the_grade() {
    // 监测户帮扶 at 99.99 % loses a hundredth: the seed makes it no veto.
    let mut v = perfect_village("a");
    v["values"]["monitored_support_coverage"] = serde_json::json!("99.99");
    let r = wasm::assess_village(js(v), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&r, &["total"]).as_string().unwrap(), "99.99");
    assert_eq!(get(&r, &["grade"]).as_string().unwrap(), "优秀");
    // 规模性返贫 is the default's one veto, and says it is a design assumption.
    let mut v = perfect_village("a");
    v["values"]["large_scale_return_to_poverty"] = serde_json::json!(true);
    let r = wasm::assess_village(js(v), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&r, &["total"]).as_string().unwrap(), "100.00");
    assert_eq!(get(&r, &["grade"]).as_string().unwrap(), "不合格");
    let veto = js_sys::Array::from(&get(&r, &["vetoes"])).get(0);
    assert!(get(&veto, &["basis"]).as_string().unwrap().contains("设计假设"));
}

#[wasm_bindgen_test]
fn ranking_shares_ranks_between_ties() {
    let mut b = perfect_village("b");
    b["values"]["household_waste_treated"] = serde_json::json!(false);
    let mut c = perfect_village("c");
    c["values"]["cooperative_or_family_farm"] = serde_json::json!(false);
    let list = js(serde_json::json!([b, perfect_village("a"), c]));
    let r = wasm::rank_villages(list, JsValue::UNDEFINED).unwrap();
    let rows = js_sys::Array::from(&get(&r, &["rows"]));
    let ranks: Vec<f64> = rows.iter().map(|row| get(&row, &["rank"]).as_f64().unwrap()).collect();
    assert_eq!(ranks, [1.0, 2.0, 2.0]);
}

#[wasm_bindgen_test]
fn a_bad_user_system_throws_every_error_with_its_path() {
    let mut system: serde_json::Value = serde_wasm_bindgen::from_value(wasm::default_indicator_system().unwrap()).unwrap();
    system["indicators"][8]["weight"] = serde_json::json!("6.5");
    system["indicators"][9]["method"]["kind"] = serde_json::json!("guess");
    let err = wasm::validate_indicator_system(js(system)).unwrap_err();
    assert_eq!(get(&err, &["kind"]).as_string().unwrap(), "invalid");
    let paths: Vec<String> = js_sys::Array::from(&get(&err, &["errors"])).iter().map(|e| get(&e, &["path"]).as_string().unwrap()).collect();
    assert!(paths.contains(&"$.indicators".to_string()), "{paths:?}");
    assert!(paths.contains(&"$.indicators[9].method.kind".to_string()), "{paths:?}");
}

#[wasm_bindgen_test]
fn garbage_village_input_throws_instead_of_panicking() {
    for bad in ["[]", "{\"values\": 5}", "null", "\"x\""] {
        let err = wasm::assess_village(JsValue::from_str(bad), JsValue::UNDEFINED).unwrap_err();
        assert_eq!(get(&err, &["kind"]).as_string().unwrap(), "invalid", "{bad}");
    }
    // The module is still alive.
    assert!(wasm::assess_village(js(perfect_village("a")), JsValue::UNDEFINED).is_ok());
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
        "assets": {"within_dibao_rules": true},
        // A declared risk: under a raised line the household is then a monitoring object.
        "risks": ["因务工就业不稳"]
    })
}

fn decision(r: &JsValue, measure: &str) -> JsValue {
    let list = js_sys::Array::from(&get(r, &["decisions"]));
    list.iter().find(|d| get(d, &["measure"]).as_string().as_deref() == Some(measure)).expect("measure present")
}

#[wasm_bindgen_test]
fn evaluate_household_returns_every_measure_with_exact_money() {
    let r = wasm::evaluate_household(js(household_case()), js(serde_json::json!({"detail": "full"}))).expect("evaluates");
    assert_eq!(get(&r, &["schema"]).as_string().unwrap(), "jingning.household/1");
    assert_eq!(js_sys::Array::from(&get(&r, &["decisions"])).length() as usize, jingning_policy::household::measures::MEASURES.len());
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
fn the_wasm_build_gives_the_same_fingerprint_as_the_native_one() {
    // EXAMPLE_FINGERPRINT in tests/household_props.rs (32-bit wasm, 64-bit native).
    let r = wasm::evaluate_household(include_str!("../examples/household-5.json").into(), JsValue::UNDEFINED).expect("evaluates");
    assert_eq!(get(&r, &["fingerprint"]).as_string().unwrap(), "45e69005f097");
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

/// Keys of a JS object, sorted.
fn keys(v: &JsValue) -> Vec<String> {
    let mut k: Vec<String> = js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>()).iter().filter_map(|k| k.as_string()).collect();
    k.sort();
    k
}

#[wasm_bindgen_test]
fn the_default_result_is_compact_and_names_its_texts_by_id() {
    let r = wasm::evaluate_household(include_str!("../examples/household-5.json").into(), JsValue::UNDEFINED).unwrap();
    // Field for field with the CompactHouseholdResult declaration (src/household/compact.rs).
    let mut expected = vec![
        "assessment_date",
        "decisions",
        "detail",
        "engine_version",
        "fingerprint",
        "household_size",
        "missing",
        "params_used",
        "per_capita_dibao",
        "per_capita_net",
        "rigid_expenses",
        "schema",
        "unverified",
    ];
    expected.sort();
    assert_eq!(keys(&r), expected);
    assert_eq!(get(&r, &["detail"]).as_string().unwrap(), "compact");
    assert_eq!(get(&r, &["params_used", "dibao.standard_annual"]).as_string().unwrap(), "5000");
    let help = decision(&r, "help_plan");
    let allowed = [
        "amount",
        "amount_unit",
        "category",
        "category_label",
        "citations",
        "measure",
        "members",
        "missing",
        "once_recognised",
        "outcome",
        "provisional",
        "reason",
    ];
    for d in js_sys::Array::from(&get(&r, &["decisions"])).iter() {
        assert!(keys(&d).iter().all(|k| allowed.contains(&k.as_str())), "{:?}", keys(&d));
    }
    let cat = wasm::catalogue().unwrap();
    let cited = js_sys::Array::from(&get(&help, &["citations"]));
    let all = js_sys::Array::from(&get(&cat, &["citations"]));
    for id in cited.iter() {
        assert!(all.iter().any(|c| get(&c, &["id"]) == id), "{id:?} not in the catalogue");
    }
    assert!(get(&cat, &["params", "params", "dibao.standard_annual", "label"]).is_string());
}

#[wasm_bindgen_test]
fn many_households_in_one_call_keep_their_order_and_their_own_errors() {
    let mut bad = household_case();
    bad["members"][1]["labour_capacity"] = "strong".into();
    let list = serde_json::json!([household_case(), bad, serde_json::from_str::<serde_json::Value>(include_str!("../examples/household-5.json")).unwrap()]);
    let out = js_sys::Array::from(&wasm::evaluate_households(js(list.clone()), js(serde_json::json!({"detail": "full"}))).unwrap());
    assert_eq!(out.length(), 3);
    assert_eq!(get(&out.get(0), &["detail"]).as_string().unwrap(), "full");
    assert_eq!(get(&out.get(0), &["per_capita_net"]).as_string().unwrap(), "8399.99");
    assert_eq!(get(&out.get(1), &["error", "kind"]).as_string().unwrap(), "invalid");
    let path = get(&js_sys::Array::from(&get(&out.get(1), &["error", "errors"])).get(0), &["path"]);
    assert_eq!(path.as_string().unwrap(), "$[1].members[1].labour_capacity");
    assert_eq!(get(&out.get(2), &["fingerprint"]).as_string().unwrap(), "45e69005f097");
    // The same list as JSON text, compact by default: each item the very object evaluateHousehold
    // gives (the list crosses as one JSON text, one household as objects), the failure in its place.
    let text = js_sys::Array::from(&wasm::evaluate_households(JsValue::from_str(&list.to_string()), JsValue::UNDEFINED).unwrap());
    assert_eq!(get(&text.get(2), &["detail"]).as_string().unwrap(), "compact");
    let stringify = |v: &JsValue| String::from(js_sys::JSON::stringify(v).unwrap());
    for i in [0u32, 2] {
        let one = wasm::evaluate_household(js(list[i as usize].clone()), JsValue::UNDEFINED).unwrap();
        assert_eq!(stringify(&text.get(i)), stringify(&one), "household {i}");
    }
    assert_eq!(stringify(&get(&text.get(1), &["error"])), stringify(&get(&out.get(1), &["error"])));
    let full_one = wasm::evaluate_household(js(list[2].clone()), js(serde_json::json!({"detail": "full"}))).unwrap();
    assert_eq!(stringify(&out.get(2)), stringify(&full_one));
    // A list whose results are more than one text holds (32 MB) comes back whole and in order:
    // 120,000 households that cannot be evaluated (each a few hundred bytes of errors) around one that can.
    let mut many = vec![serde_json::json!({}); 120_000];
    many[60_000] = household_case();
    let long = js_sys::Array::from(&wasm::evaluate_households(JsValue::from_str(&serde_json::Value::from(many).to_string()), JsValue::UNDEFINED).unwrap());
    assert_eq!(long.length(), 120_000);
    assert_eq!(get(&long.get(60_000), &["per_capita_net"]).as_string().unwrap(), "8399.99");
    let last = js_sys::Array::from(&get(&long.get(119_999), &["error", "errors"]));
    assert!(get(&last.get(0), &["path"]).as_string().unwrap().starts_with("$[119999]"));
    // Not a list, or bad options: thrown, as by evaluateHousehold.
    assert!(wasm::evaluate_households(js(household_case()), JsValue::UNDEFINED).is_err());
    let err = wasm::evaluate_households(js(list), js(serde_json::json!({"detail": "all"}))).unwrap_err();
    assert_eq!(get(&js_sys::Array::from(&get(&err, &["errors"])).get(0), &["path"]).as_string().unwrap(), "$.detail");
}

#[wasm_bindgen_test]
fn household_sweep_covers_the_range_for_every_measure_or_names_the_mistake() {
    let r = wasm::household_sweep(js(household_case()), "$.incomes.wage".into(), "0".into(), "60000".into(), JsValue::UNDEFINED).unwrap();
    let measures = js_sys::Array::from(&get(&r, &["measures"]));
    let decisions = js_sys::Array::from(&get(&wasm::evaluate_household(js(household_case()), JsValue::UNDEFINED).unwrap(), &["decisions"]));
    assert_eq!(measures.length(), decisions.length());
    for m in measures.iter() {
        let segments = js_sys::Array::from(&get(&m, &["segments"]));
        assert_eq!(get(&segments.get(0), &["from"]).as_string().as_deref(), Some("0.00"));
        assert_eq!(get(&segments.get(segments.length() - 1), &["to"]).as_string().as_deref(), Some("60000.00"));
    }
    let err = wasm::household_sweep(js(household_case()), "$.incomes.wage".into(), "100".into(), "50".into(), JsValue::UNDEFINED).expect_err("an empty range");
    assert!(get(&err, &["message"]).as_string().unwrap().contains("区间终点"));
    assert_eq!(get(&err, &["kind"]).as_string().as_deref(), Some("invalid"));
}

#[wasm_bindgen_test]
fn parse_id_number_fills_the_form_or_explains() {
    let ok = wasm::parse_id_number("11010519491231002X".into(), "2024-12-31".into()).unwrap();
    assert_eq!(get(&ok, &["valid"]).as_bool(), Some(true));
    assert_eq!(get(&ok, &["birth_date"]).as_string().unwrap(), "1949-12-31");
    assert_eq!(get(&ok, &["sex"]).as_string().unwrap(), "female");
    assert_eq!(get(&ok, &["age"]).as_f64(), Some(75.0));
    let card = wasm::parse_id_number("11010519491231002X12".into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(get(&card, &["valid"]).as_bool(), Some(true));
    assert!(get(&card, &["age"]).is_null());
    let bad = wasm::parse_id_number("110105194912310021".into(), JsValue::UNDEFINED).unwrap();
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
    // Nine risk kinds and the answer "checked: none", last.
    let risk = js_sys::Array::from(&get(&c, &["risk"]));
    assert_eq!(risk.length(), 10);
    assert_eq!(get(&risk.get(9), &["code"]).as_string().unwrap(), "none");
    assert_eq!(get(&risk.get(9), &["label"]).as_string().unwrap(), "已核实无风险");
}

// ---------------------------------------------------------------------------------------------
// Hostile values (issue 15): every exported function is called with values a careless or hostile
// caller can pass, and afterwards a normal case must still evaluate — a trap would have left the
// instance dead ("memory access out of bounds") for every later call.

/// `{ self: <itself> }`.
fn cyclic() -> JsValue {
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"self".into(), &o).unwrap();
    o.into()
}

/// An object nested `depth` deep: `{ a: { a: … } }`.
fn nested(depth: usize) -> JsValue {
    let mut v: JsValue = js_sys::Object::new().into();
    for _ in 0..depth {
        let o = js_sys::Object::new();
        js_sys::Reflect::set(&o, &"a".into(), &v).unwrap();
        v = o.into();
    }
    v
}

/// A household-looking object whose `members` getter throws.
fn throwing_getter() -> JsValue {
    let o = js(household_case());
    let desc = js_sys::Object::new();
    js_sys::Reflect::set(&desc, &"get".into(), &js_sys::Function::new_no_args("throw new Error('getter')")).unwrap();
    js_sys::Object::define_property(o.unchecked_ref::<js_sys::Object>(), &"members".into(), &desc);
    o
}

fn hostile_values() -> Vec<(&'static str, JsValue)> {
    vec![
        ("cyclic", cyclic()),
        ("4000 deep", nested(4000)),
        ("throwing getter", throwing_getter()),
        ("number", JsValue::from_f64(110105194912310020.0)),
        ("NaN", JsValue::from_f64(f64::NAN)),
        ("Infinity", JsValue::from_f64(f64::INFINITY)),
        ("BigInt", js_sys::BigInt::from(5).into()),
        ("function", js_sys::Function::new_no_args("return 1").into()),
        ("symbol", js_sys::Symbol::for_("x").into()),
        ("huge text", JsValue::from(js_sys::JsString::from("x").repeat(17 * 1024 * 1024))),
        ("array", js_sys::Array::new().into()),
        ("true", JsValue::TRUE),
    ]
}

use wasm_bindgen::JsCast;

#[wasm_bindgen_test]
fn hostile_values_never_kill_the_engine() {
    let good = js(household_case());
    for (name, v) in hostile_values() {
        // Whatever comes back (a named error, or a result for the few values that are fine) —
        // what must not happen is a trap.
        let _ = wasm::evaluate_household(v.clone(), JsValue::UNDEFINED);
        let _ = wasm::evaluate_household(good.clone(), v.clone());
        let _ = wasm::evaluate_households(v.clone(), JsValue::UNDEFINED);
        let _ = wasm::evaluate_households(js_sys::Array::of2(&v, &good).into(), JsValue::UNDEFINED);
        let _ = wasm::evaluate_households(js_sys::Array::of1(&good).into(), v.clone());
        let _ = wasm::check_dibao_income(v.clone(), JsValue::UNDEFINED);
        let _ = wasm::check_dibao_income(JsValue::from_str(r#"{"assessment_date":"2024-01-01","household_size":1,"incomes":{}}"#), v.clone());
        let _ = wasm::assess_village(v.clone(), JsValue::UNDEFINED);
        let _ = wasm::assess_village(js(perfect_village("a")), v.clone());
        let _ = wasm::rank_villages(v.clone(), JsValue::UNDEFINED);
        let _ = wasm::rank_villages(js(serde_json::json!([perfect_village("a")])), v.clone());
        let _ = wasm::validate_indicator_system(v.clone());
        let _ = wasm::validate_params(v.clone());
        let _ = wasm::params_in_force(v.clone(), JsValue::UNDEFINED);
        let _ = wasm::params_in_force("2024-06-30".into(), v.clone());
        let _ = wasm::clause(v.clone(), v.clone());
        let _ = wasm::household_sweep(v.clone(), "$.incomes.wage".into(), "0".into(), "100".into(), JsValue::UNDEFINED);
        let _ = wasm::household_sweep(good.clone(), v.clone(), v.clone(), v.clone(), v.clone());
        let id = wasm::parse_id_number(v.clone(), v.clone()).unwrap_or_else(|_| panic!("parseIdNumber threw on {name}"));
        assert_eq!(get(&id, &["valid"]).as_bool(), Some(false), "{name}");
    }
    // A few hundred throwing getters in a row (the page once died after about that many).
    for _ in 0..300 {
        assert!(wasm::evaluate_household(throwing_getter(), JsValue::UNDEFINED).is_err());
    }
    let r = wasm::evaluate_household(good, JsValue::UNDEFINED).expect("the engine still works");
    assert!(r.is_object());
    assert!(wasm::household_choices().is_ok() && wasm::income_items().is_ok() && wasm::clauses().is_ok() && wasm::builtin_params().is_ok());
}

#[wasm_bindgen_test]
fn hostile_values_are_named_errors() {
    let message = |r: Result<JsValue, JsValue>| get(&r.expect_err("refused"), &["message"]).as_string().unwrap();
    let m = message(wasm::evaluate_household(cyclic(), JsValue::UNDEFINED));
    assert!(m.starts_with("$: 农户信息无法作为 JSON 数据读取：其中有循环引用"), "{m}");
    let m = message(wasm::evaluate_household(throwing_getter(), JsValue::UNDEFINED));
    assert!(m.contains("读取时出错的属性") && m.contains("getter"), "{m}");
    let m = message(wasm::validate_indicator_system(nested(4000)));
    assert!(m.contains("嵌套"), "{m}");
    let m = message(wasm::evaluate_household(JsValue::from(js_sys::JsString::from("x").repeat(17 * 1024 * 1024)), JsValue::UNDEFINED));
    assert!(m.contains("农户信息过大"), "{m}");
    let m = message(wasm::params_in_force(JsValue::from_f64(20240630.0), JsValue::UNDEFINED));
    assert!(m.contains("「核查日期」应为文本，收到 number"), "{m}");
    let id = wasm::parse_id_number(JsValue::from_f64(110105194912310020.0), JsValue::UNDEFINED).unwrap();
    assert!(get(&id, &["error"]).as_string().unwrap().contains("作为数字传入时末几位已经丢失"));
}

#[wasm_bindgen_test]
fn nan_and_infinite_money_are_named_errors_not_blanks() {
    let input = js_sys::Object::new();
    js_sys::Reflect::set(&input, &"assessment_date".into(), &"2024-06-30".into()).unwrap();
    js_sys::Reflect::set(&input, &"household_size".into(), &JsValue::from_f64(3.0)).unwrap();
    let incomes = js_sys::Object::new();
    js_sys::Reflect::set(&incomes, &"wage".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    js_sys::Reflect::set(&incomes, &"business_net".into(), &JsValue::from_f64(f64::NEG_INFINITY)).unwrap();
    js_sys::Reflect::set(&input, &"incomes".into(), &incomes).unwrap();
    js_sys::Reflect::set(&input, &"employment_costs".into(), &JsValue::from_f64(f64::INFINITY)).unwrap();
    let err = wasm::check_dibao_income(input.into(), JsValue::UNDEFINED).unwrap_err();
    let list = js_sys::Array::from(&get(&err, &["errors"]));
    let shown: Vec<String> =
        list.iter().map(|e| format!("{} {}", get(&e, &["path"]).as_string().unwrap(), get(&e, &["message"]).as_string().unwrap())).collect();
    assert!(shown.iter().any(|e| e.starts_with("$.incomes.wage ") && e.contains("不是有效的数（收到 NaN）")), "{shown:?}");
    assert!(shown.iter().any(|e| e.starts_with("$.incomes.business_net ") && e.contains("-Infinity")), "{shown:?}");
    assert!(shown.iter().any(|e| e.starts_with("$.employment_costs ") && e.contains("Infinity")), "{shown:?}");
    // An override of NaN is refused by its parameter too, not ignored.
    let opts = js_sys::Object::new();
    let ov = js_sys::Object::new();
    js_sys::Reflect::set(&ov, &"dibao.standard_annual".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    js_sys::Reflect::set(&opts, &"overrides".into(), &ov).unwrap();
    let err = wasm::evaluate_household(js(household_case()), opts.into()).unwrap_err();
    assert!(get(&err, &["message"]).as_string().unwrap().contains("NaN"));
}

//! Properties of the household engine over generated input: no input panics; raising counted
//! income never makes a household newly eligible for 低保; member order never changes a result.
#![cfg(not(target_arch = "wasm32"))]

use jingning_policy::household::{evaluate, evaluate_json, HouseholdResult};
use jingning_policy::params::Options;
use proptest::prelude::*;
use serde_json::{json, Value};

const KEYS: &[&str] = &[
    "schema",
    "assessment_date",
    "members",
    "incomes",
    "status",
    "wage",
    "birth_date",
    "id_number",
    "disability",
    "grade",
    "labour_capacity",
    "medical_out_of_pocket",
    "housing",
    "assets",
    "expenses",
    "risks",
    "x",
];

/// Arbitrary JSON, biased towards the case format's own field names.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        "[0-9X.-]{0,22}".prop_map(Value::from),
        Just(json!("jingning.household/1")),
        Just(json!("2024-02-29")),
        Just(json!("99999999999.99")),
        ".{0,8}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

fn labour() -> impl Strategy<Value = Value> {
    prop::sample::select(vec!["full", "half", "weak", "none"]).prop_map(Value::from)
}

fn yes_no_unknown() -> impl Strategy<Value = Value> {
    prop_oneof![Just(Value::Null), any::<bool>().prop_map(Value::from)]
}

fn money(max: u32) -> impl Strategy<Value = Value> {
    (0..=max, 0u32..100).prop_map(|(y, f)| Value::from(format!("{y}.{f:02}")))
}

fn member(i: usize) -> impl Strategy<Value = Value> {
    (
        1930i32..2021,
        labour(),
        prop::option::of((prop::sample::select(vec!["physical", "visual", "intellectual", "mental", "hearing"]), 1u8..=4)),
        yes_no_unknown(),
        yes_no_unknown(),
        prop::sample::select(vec!["primary", "junior", "finished", "out_of_school", "not_school_age"]),
        money(40000),
        prop::sample::select(vec!["none", "unable", "able"]),
        (yes_no_unknown(), yes_no_unknown(), yes_no_unknown()),
    )
        .prop_map(move |(year, labour, dis, ill, orphan, school, med, sup, (mi, pi, fp))| {
            json!({
                "name": format!("成员{i}"), "birth_date": format!("{year}-03-15"), "labour_capacity": labour,
                "has_disability": dis.is_some(),
                "disability": dis.map(|(k, g)| json!({"kind": k, "grade": g})),
                "serious_illness": ill, "orphan": orphan, "schooling": school, "out_of_school_reason": "work",
                "medical_out_of_pocket": med, "supporter": sup, "medical_insurance": mi, "pension_insurance": pi,
                "family_planning_two_certificates": fp
            })
        })
}

/// A valid case with 1–5 members and varied incomes, statuses and conditions.
fn valid_case() -> impl Strategy<Value = Value> {
    let members = (1usize..=5).prop_flat_map(|n| (0..n).map(member).collect::<Vec<_>>());
    (
        members,
        (money(60000), money(20000), money(5000), money(5000)),
        (money(8000), money(80000)),
        (yes_no_unknown(), yes_no_unknown(), yes_no_unknown(), yes_no_unknown()),
        prop::sample::select(vec!["safe", "grade_c", "grade_d"]),
        prop::sample::select(vec!["2021-07-01", "2022-06-30", "2023-06-30", "2024-06-30", "2025-03-01"]),
        prop::sample::select(vec!["poverty_exited", "ordinary"]),
        yes_no_unknown(),
    )
        .prop_map(|(members, (wage, business, pension, assistance), (costs, last), (dibao, tekun, monitored, returned), housing, date, ht, property)| {
            json!({
                "schema": "jingning.household/1", "assessment_date": date, "household_type": ht,
                "status": {"dibao": dibao, "dibao_class": "class2", "tekun": tekun, "monitored": monitored,
                           "monitored_since": "2021-01-01", "measures_taken": ["industry"], "income_stable_months": 7,
                           "original_risk_eliminated": true, "new_risk": false, "returned_to_poverty": returned},
                "members": members,
                "incomes": {"wage": wage, "business_net": business, "basic_pension": pension, "social_assistance": assistance},
                "employment_costs": costs, "last_year_total_income": last,
                "expenses": {"education": "0", "disability_rehab": "0", "disaster_loss": "0", "accident_loss": "0"},
                "assets": {"within_dibao_rules": property}, "housing": housing, "drinking_water": "safe",
                "food_clothing_secure": true
            })
        })
}

fn eval(v: &Value) -> HouseholdResult {
    evaluate_json(&v.to_string(), "").unwrap_or_else(|e| panic!("valid case rejected: {e}\n{v}"))
}

fn outcome(r: &HouseholdResult, measure: &str) -> String {
    let d = r.decisions.iter().find(|d| d.measure == measure).expect("measure present");
    format!("{:?}", d.outcome)
}

/// A decision with member indices and per-member detail reduced to an order-free summary.
fn order_free(r: &HouseholdResult) -> Vec<String> {
    r.decisions
        .iter()
        .map(|d| {
            let mut members: Vec<String> = d.members.iter().map(|m| format!("{:?}|{:?}|{:?}|{:?}", m.name, m.outcome, m.grounds, m.amount)).collect();
            members.sort();
            let mut thresholds: Vec<String> = d.thresholds.iter().map(|t| format!("{t:?}")).collect();
            thresholds.sort();
            let mut findings: Vec<String> = d.findings.iter().map(|f| format!("{}|{:?}", f.code, f.met)).collect();
            findings.sort();
            format!("{}|{:?}|{:?}|{:?}|{:?}|{members:?}|{thresholds:?}|{findings:?}|{}", d.measure, d.outcome, d.category, d.amount, d.figures, d.missing.len())
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_json_never_panics(v in any_json()) {
        let _ = evaluate_json(&v.to_string(), "");
        let _ = evaluate_json(&v.to_string(), &v.to_string());
    }

    #[test]
    fn mutated_valid_cases_never_panic(case in valid_case(), junk in any_json(), key in prop::sample::select(KEYS), m in 0usize..5) {
        let mut c = case.clone();
        c[key] = junk.clone();
        let _ = evaluate_json(&c.to_string(), "");
        let mut c = case;
        if let Some(member) = c["members"].get_mut(m) {
            member[key] = junk;
        }
        let _ = evaluate_json(&c.to_string(), "");
    }

    #[test]
    fn more_counted_income_never_makes_a_household_newly_eligible_for_dibao(case in valid_case(), extra in 1u32..30000) {
        let before = eval(&case);
        let mut richer = case.clone();
        let w = richer["incomes"]["wage"].as_str().unwrap().parse::<rust_decimal::Decimal>().unwrap();
        richer["incomes"]["wage"] = Value::from((w + rust_decimal::Decimal::from(extra)).to_string());
        let after = eval(&richer);
        // 低保 in any form: the whole household, or 单人户 (moot while the whole household
        // qualifies, so the two are read together) — or 特困, which takes precedence over 低保 (so a
        // household that stops being 特困 with more income may fall back to 低保). A recorded 低保户
        // whose income rises enters the 渐退期: still 低保, but on the way out, not newly eligible.
        let phase_out = |r: &HouseholdResult| r.decisions.iter().any(|d| d.measure == "dibao" && d.category == Some("phase_out"));
        let any_dibao = |r: &HouseholdResult| {
            (outcome(r, "dibao") == "Applies" && !phase_out(r)) || outcome(r, "dibao_single_person") == "Applies" || outcome(r, "tekun") == "Applies"
        };
        if !any_dibao(&before) {
            prop_assert!(!any_dibao(&after), "became eligible for 低保 with more income");
        }
        if outcome(&before, "tekun") != "Applies" {
            prop_assert_ne!(outcome(&after, "tekun"), "Applies");
        }
        prop_assert!(after.per_capita_dibao >= before.per_capita_dibao);
    }

    #[test]
    fn member_order_never_changes_a_result(case in valid_case(), seed in any::<u64>()) {
        let mut shuffled = case.clone();
        let members = shuffled["members"].as_array_mut().unwrap();
        // A deterministic permutation from the seed.
        let n = members.len();
        for i in (1..n).rev() {
            let j = (seed.rotate_left(i as u32) % (i as u64 + 1)) as usize;
            members.swap(i, j);
        }
        let a = eval(&case);
        let b = eval(&shuffled);
        prop_assert_eq!(order_free(&a), order_free(&b));
        prop_assert_eq!(a.per_capita_net, b.per_capita_net);
        prop_assert_eq!(a.unverified, b.unverified);
    }
}

#[test]
fn the_same_case_gives_the_same_fingerprint_and_a_changed_parameter_a_different_one() {
    let text = include_str!("../examples/household-5.json");
    let case = jingning_policy::case::from_json(text).unwrap();
    let a = evaluate(&case, &Options::default()).unwrap();
    let b = evaluate(&case, &Options::default()).unwrap();
    assert_eq!(a.fingerprint, b.fingerprint);
    assert_eq!(a.fingerprint.as_str().len(), 12);
    let mut opts = Options::default();
    opts.overrides.insert("dibao.standard_annual".into(), 6000.into());
    assert_ne!(evaluate(&case, &opts).unwrap().fingerprint, a.fingerprint);
}

/// The fingerprint of examples/household-5.json. `tests/wasm_node.rs` checks the wasm build gives
/// the same one (a printed sheet must match whether it came from the page or the CLI). It changes
/// with the engine version and the built-in parameters: then update both tests.
pub const EXAMPLE_FINGERPRINT: &str = "45e69005f097";

#[test]
fn the_example_case_has_the_fingerprint_the_wasm_build_also_gives() {
    let case = jingning_policy::case::from_json(include_str!("../examples/household-5.json")).unwrap();
    assert_eq!(evaluate(&case, &Options::default()).unwrap().fingerprint, EXAMPLE_FINGERPRINT);
}

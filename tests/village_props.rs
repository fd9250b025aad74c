//! Properties of the village engine over generated villages: a better value never lowers a score,
//! the total is exactly the sum of the weighted parts (under either missing-value rule), and no
//! input — however malformed — panics.
#![cfg(not(target_arch = "wasm32"))]

use jingning_policy::village::{self, system::Direction, IndicatorSystem, VillageOptions};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

fn system() -> &'static IndicatorSystem {
    IndicatorSystem::builtin().unwrap()
}

/// A value for each indicator (`None` = missing), drawn from the indicator's plausible range.
fn values() -> impl Strategy<Value = Vec<Option<(bool, i64)>>> {
    let n = system().indicators.len();
    prop::collection::vec(prop::option::weighted(0.85, (any::<bool>(), 0i64..=10_000)), n)
}

/// Village JSON: numbers are hundredths (0.00–100.00) so they fit every unit's range.
fn village(vals: &[Option<(bool, i64)>]) -> Value {
    let mut map = Map::new();
    for (ind, v) in system().indicators.iter().zip(vals) {
        if let Some((b, n)) = v {
            let value = if ind.takes_yes_no() { json!(b) } else { json!(Decimal::new(*n, 2).to_string()) };
            map.insert(ind.id.clone(), value);
        }
    }
    json!({ "schema": "jingning.village-input/1", "id": "v", "name": "村", "values": map,
            "county_averages": { "poverty_income_growth": "8", "income_vs_county": "20" } })
}

fn options(exclude: bool) -> VillageOptions {
    let mut sys = system().clone();
    if exclude {
        sys.missing_rule = village::system::MissingRule::Exclude;
    }
    VillageOptions { system: Some(sys), ..Default::default() }
}

fn assess(v: &Value, opts: &VillageOptions) -> village::VillageAssessment {
    let sys = opts.system().unwrap();
    let input = village::VillageInput::from_json(v, sys).unwrap();
    village::assess(&input, sys, opts).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn total_is_exactly_the_sum_of_the_parts(vals in values(), exclude in any::<bool>()) {
        let a = assess(&village(&vals), &options(exclude));
        let parts: Decimal = a.indicators.iter().map(|r| r.points).sum();
        let dims: Decimal = a.dimensions.iter().map(|d| d.points).sum();
        prop_assert_eq!(a.total, parts);
        prop_assert_eq!(a.total, dims);
        prop_assert!(a.total >= Decimal::ZERO && a.total <= Decimal::ONE_HUNDRED);
        let weights: Decimal = a.indicators.iter().map(|r| r.effective_weight).sum();
        if a.indicators.iter().any(|r| r.score.is_some() && !r.weight.is_zero()) {
            prop_assert_eq!(weights, Decimal::ONE_HUNDRED);
        }
        for r in &a.indicators {
            prop_assert!(r.points <= r.effective_weight);
            prop_assert_eq!(r.points + r.lost, r.effective_weight);
        }
        let regain: Decimal = a.shortfalls.iter().map(|s| s.regain).sum();
        prop_assert_eq!(a.total + regain, weights);
        prop_assert!(a.shortfalls.windows(2).all(|w| w[0].regain >= w[1].regain));
    }

    #[test]
    fn a_better_value_never_lowers_a_score(vals in values(), k in 0usize..25, step in 1i64..=5000, exclude in any::<bool>()) {
        let ind = &system().indicators[k % system().indicators.len()];
        let mut better = vals.clone();
        let improved = match (better[k % vals.len()], ind.takes_yes_no()) {
            (Some((_, n)), false) => {
                let n2 = if ind.direction == Direction::Higher { (n + step).min(10_000) } else { (n - step).max(0) };
                Some((false, n2))
            }
            // For yes/no, "better" is the target value.
            (_, true) => Some((matches!(ind.target, village::system::Target::Yes(true)), 0)),
            (None, false) => None,
        };
        prop_assume!(improved.is_some());
        better[k % vals.len()] = improved;
        let opts = options(exclude);
        let before = assess(&village(&vals), &opts);
        let after = assess(&village(&better), &opts);
        let (b, a) = (&before.indicators[k % vals.len()], &after.indicators[k % vals.len()]);
        if let (Some(sb), Some(sa)) = (b.score, a.score) {
            prop_assert!(sa >= sb, "{}: score {} -> {}", ind.id, sb, sa);
            prop_assert!(a.points >= b.points);
        }
        if !exclude && b.score.is_some() {
            // Same weights: nothing else moved, so the total cannot fall either.
            prop_assert!(after.total >= before.total);
        }
        if before.vetoes.iter().all(|v| v.indicator != ind.id) {
            prop_assert!(after.vetoes.iter().all(|v| v.indicator != ind.id));
        }
    }
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
        "[a-z_]{0,12}".prop_map(Value::String),
        prop::sample::select(vec!["1e30", "-0", "99999999999999999999999999999", "0.0000000001", "是", "95"]).prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop::sample::select(vec![
                    "schema",
                    "id",
                    "name",
                    "values",
                    "county_averages",
                    "villages",
                    "sanitary_toilet_rate",
                    "poverty_income_growth",
                    "collective_income",
                    "lighting_full_coverage",
                    "indicators",
                    "weight",
                    "target",
                    "method",
                    "kind",
                    "floor",
                    "steps",
                    "at",
                    "score",
                    "grades",
                    "min",
                ]),
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_input_panics(input in any_json(), opts in any_json()) {
        let _ = village::assess_json(&input.to_string(), &opts.to_string());
        let _ = village::rank_json(&input.to_string(), "");
        let _ = IndicatorSystem::from_json(&input);
    }

    #[test]
    fn extreme_values_never_panic(vals in prop::collection::vec(any::<i64>(), 25), avg in any::<i64>(), scale in 0u32..=28) {
        let mut map = Map::new();
        for (ind, n) in system().indicators.iter().zip(&vals) {
            map.insert(ind.id.clone(), json!(Decimal::new(*n, scale).to_string()));
        }
        let avg = Decimal::new(avg, scale).to_string();
        let v = json!({ "schema": "jingning.village-input/1", "id": "v", "name": "村", "values": map,
                        "county_averages": { "poverty_income_growth": avg, "income_vs_county": avg } });
        let _ = village::assess_json(&v.to_string(), "");
    }

    #[test]
    fn mutated_systems_are_validated_not_panicked(k in 0usize..25, field in prop::sample::select(vec!["weight", "target", "floor", "direction", "dimension"]), value in any_json()) {
        let mut sys = serde_json::to_value(system()).unwrap();
        let ind = &mut sys["indicators"][k];
        if field == "floor" { ind["method"]["floor"] = value; } else { ind[field] = value; }
        if let Ok(s) = IndicatorSystem::from_json(&sys) {
            let v = village(&vec![Some((true, 5000)); 25]);
            let opts = VillageOptions { system: Some(s), ..Default::default() };
            let _ = village::assess_json(&v.to_string(), "").unwrap();
            let sys = opts.system().unwrap();
            if let Ok(input) = village::VillageInput::from_json(&v, sys) {
                let _ = village::assess(&input, sys, &opts);
            }
        }
    }
}

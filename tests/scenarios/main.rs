//! The trainer's scenario library (data/scenarios/*.toml) doubles as tests: every scenario's
//! household must still get the verdicts the scenario teaches, cite the clause it names, and its
//! income slider must show flips that are exact to the fen. The library must cover the rules a
//! county trainer teaches (issue 17).
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)] // the expectation fields and helpers the household_cases test uses
#[path = "../household_cases/case_file.rs"]
mod case_file;
mod scenario_file;

use jingning_policy::household::{evaluate, sweep};
use jingning_policy::params::Options;
use jingning_policy::{case, policy};
use rust_decimal::Decimal;
use serde_json::Value;

fn evaluate_value(input: &Value, options: &Options) -> Value {
    let case = case::from_value(input).unwrap_or_else(|e| panic!("{e:?}"));
    serde_json::to_value(evaluate(&case, options).unwrap_or_else(|e| panic!("{e:?}"))).unwrap()
}

fn options(v: &Value) -> Options {
    Options::from_json(v).unwrap_or_else(|e| panic!("{e:?}"))
}

fn decision<'a>(result: &'a Value, measure: &str) -> &'a Value {
    result["decisions"].as_array().unwrap().iter().find(|d| d["measure"] == measure).unwrap_or_else(|| panic!("no decision {measure}"))
}

#[test]
fn every_scenario_still_gets_the_verdicts_it_teaches() {
    let scenarios = scenario_file::all().unwrap();
    assert!(scenarios.len() >= 20, "only {} scenarios", scenarios.len());
    let mut problems = Vec::new();
    for (id, s) in &scenarios {
        let (input, opts) = s.household().unwrap_or_else(|e| panic!("{id}: {e}"));
        let result = evaluate_value(&input, &options(&opts));
        let verdicts = s.verdicts().unwrap_or_else(|e| panic!("{id}: {e}"));
        assert!(!verdicts.is_empty(), "{id}: teaches no verdict");
        for v in &verdicts {
            let d = decision(&result, &v.measure);
            if d["outcome"] != v.outcome.as_str() {
                problems.push(format!("{id}: {} should be {}, the engine says {} ({})", v.measure, v.outcome, d["outcome"], d["reason"]));
            }
            if let Some(c) = &v.category {
                if d["category"] != c.as_str() {
                    problems.push(format!("{id}: {} category should be {c}, the engine says {}", v.measure, d["category"]));
                }
            }
        }
        // The clause named is in the catalogue, and a decision the scenario teaches rests on it.
        let doc = s.document.as_deref().unwrap_or(policy::seed().id);
        if policy::clause_in(doc, &s.clause).is_none() {
            problems.push(format!("{id}: clause {} of {doc} is not in the policy catalogue", s.clause));
        }
        let cited: Vec<String> = verdicts
            .iter()
            .flat_map(|v| decision(&result, &v.measure)["citations"].as_array().unwrap().clone())
            .map(|c| format!("{}:{}", c["document"]["id"].as_str().unwrap(), c["clause"].as_str().unwrap()))
            .collect();
        if !cited.contains(&format!("{doc}:{}", s.clause)) {
            problems.push(format!("{id}: no verdict it teaches cites {doc}:{}; they cite {cited:?}", s.clause));
        }
        // What the page receives (examples/trainer_scenarios.rs): every text it shows is there.
        let page = s.to_page(id).unwrap_or_else(|e| panic!("{id}: {e}"));
        for key in ["title", "topic", "story", "lesson", "clause"] {
            if page[key].as_str().is_none_or(|t| t.trim().is_empty()) {
                problems.push(format!("{id}: `{key}` is empty"));
            }
        }
        if page["household"] != input {
            problems.push(format!("{id}: the page's household differs from the one tested"));
        }
        if !s.story.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) || s.story.trim().chars().count() < 20 {
            problems.push(format!("{id}: the story should be a few sentences in Chinese"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_library_covers_the_rules_a_trainer_teaches() {
    let scenarios = scenario_file::all().unwrap();
    let topics: Vec<&str> = scenarios.iter().map(|(_, s)| s.topic.as_str()).collect();
    for wanted in [
        "低保收入不计入项目",
        "就业成本扣减",
        "单人户施保",
        "突发严重困难户",
        "未成年人特困",
        "风险消除",
        "医保资助档次",
        "特困优先",
        "低保渐退",
        "控辍保学",
        "养老保险代缴",
        "危房改造",
        "小额信贷",
        "监测对象类别",
        "低保边缘",
    ] {
        assert!(topics.contains(&wanted), "no scenario on {wanted}; topics: {topics:?}");
    }
    // One rule each: no two scenarios tell the same household.
    let mut cases: Vec<&str> = scenarios.iter().map(|(_, s)| s.case.as_str()).collect();
    cases.sort();
    let n = cases.len();
    cases.dedup();
    assert_eq!(cases.len(), n, "two scenarios share a household");
}

/// The slider's flips are where the engine's outcome changes, to the fen: one fen before a flip
/// the measure still has the previous outcome, at the flip the new one.
#[test]
fn slider_flips_are_exact_to_the_fen() {
    let fen = Decimal::new(1, 2);
    for (id, s) in scenario_file::all().unwrap() {
        let (input, opts) = s.household().unwrap();
        let opts = options(&opts);
        let (from, to): (Decimal, Decimal) = (s.slider.from.parse().unwrap(), s.slider.to.parse().unwrap());
        let current: Decimal = pointer(&input, &s.slider.path).as_str().unwrap_or_else(|| panic!("{id}: slider path not a money field")).parse().unwrap();
        assert!(from <= current && current <= to, "{id}: current {current} outside the slider {from}..{to}");
        let sw = sweep(&input, &opts, &s.slider.path, from, to).unwrap_or_else(|e| panic!("{id}: {e:?}"));
        let at = |x: Decimal| {
            let mut v = input.clone();
            *pointer_mut(&mut v, &s.slider.path) = Value::String(x.to_string());
            evaluate_value(&v, &opts)
        };
        for m in &sw.measures {
            assert_eq!(m.segments.first().unwrap().from, from);
            assert_eq!(m.segments.last().unwrap().to, to);
            for pair in m.segments.windows(2) {
                let (before, after) = (&pair[0], &pair[1]);
                assert_eq!(before.to + fen, after.from, "{id} {}: segments not contiguous", m.measure);
                assert_ne!(before.outcome, after.outcome, "{id} {}: two segments of one outcome", m.measure);
                let out = |r: &Value| decision(r, m.measure)["outcome"].clone();
                let json = |o| serde_json::to_value(o).unwrap();
                assert_eq!(out(&at(before.to)), json(before.outcome), "{id} {} at {}", m.measure, before.to);
                assert_eq!(out(&at(after.from)), json(after.outcome), "{id} {} at {}", m.measure, after.from);
            }
        }
    }
}

/// A case the arithmetic can be checked by hand: a family of three, employment costs 2000, the
/// 低保 standard a placeholder 5000: 低保 applies while (wage − 2000) ÷ 3 < 5000, that is below a
/// wage of 17000.00, and stops there.
#[test]
fn dibao_flips_at_the_wage_where_the_per_capita_reaches_the_standard() {
    let s = scenario_file::all().unwrap().into_iter().find(|(id, _)| id.ends_with("employment-cost")).expect("the employment-cost scenario").1;
    let (input, opts) = s.household().unwrap();
    let sw = sweep(&input, &options(&opts), "$.incomes.wage", Decimal::ZERO, Decimal::from(40000)).unwrap();
    let dibao = sw.measures.iter().find(|m| m.measure == "dibao").unwrap();
    let flip = dibao.segments.iter().find(|seg| seg.outcome == jingning_policy::explain::Outcome::DoesNotApply).expect("a flip to 不符合");
    assert_eq!(flip.from, Decimal::new(1_700_000, 2));
}

#[test]
fn a_sweep_refuses_what_it_cannot_do() {
    let (_, s) = scenario_file::all().unwrap().into_iter().next().unwrap();
    let (input, _) = s.household().unwrap();
    let o = Options::default();
    let d = |x: &str| x.parse::<Decimal>().unwrap();
    for (path, from, to) in [
        ("$.incomes.wage", "100", "50"),
        ("$.incomes.wage", "-1", "50"),
        ("$.incomes.wage", "0", "0.001"),
        ("incomes.wage", "0", "100"),
        ("$.members", "0", "100"),
        ("$.members[40].medical_out_of_pocket", "0", "100"),
    ] {
        let err = sweep(&input, &o, path, d(from), d(to)).expect_err(path);
        let text = err.describe();
        assert!(text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{path}: {text}");
    }
}

fn pointer<'a>(v: &'a Value, path: &str) -> &'a Value {
    v.pointer(&to_pointer(path)).unwrap_or(&Value::Null)
}

fn pointer_mut<'a>(v: &'a mut Value, path: &str) -> &'a mut Value {
    v.pointer_mut(&to_pointer(path)).unwrap()
}

/// `$.members[0].x` → `/members/0/x`.
fn to_pointer(path: &str) -> String {
    path.trim_start_matches('$').replace('[', ".").replace(']', "").replace('.', "/")
}

//! Ranking many villages (a township, or the county's 333): competition ranks with ties
//! (1, 2, 2, 4), per-dimension leaders and laggards, and counts by grade and class.
//!
//! Order: villages without a veto before vetoed ones (a veto fixes the grade whatever the score,
//! so a vetoed village must not outrank one that passed), then by total, highest first. Villages
//! with the same veto status and the same total share a rank; they are listed in input order.
use super::assess::{assess, DimensionScore, SystemRef, VillageAssessment, UNGRADED};
use super::county::{county_view, CountyView};
use super::input::{VillageInput, VillageOptions, MAX_VILLAGES};
use super::system::FiveType;
use super::system::VillageClass;
use crate::decode::{parse_json, Choice, Decoder};
use crate::error::Failure;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct RankRow {
    /// Competition rank: ties share the rank, the next rank skips (1, 2, 2, 4).
    pub rank: u32,
    pub village_id: String,
    pub village_name: String,
    pub township: Option<String>,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub total: Decimal,
    pub grade: String,
    pub graded: bool,
    /// "已评 82/100 权重".
    pub coverage: String,
    pub vetoed: bool,
    pub class: VillageClass,
    pub class_label: String,
    /// 五类村庄 as recorded, or null.
    pub five_type_label: Option<String>,
    pub dimensions: Vec<DimensionScore>,
    /// How many indicator values were missing.
    pub missing_count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct VillageRate {
    pub village_id: String,
    pub village_name: String,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub rate: Decimal,
}

/// One dimension across all villages: who leads and who lags (all villages tied at the best and
/// at the worst rate).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct DimensionStanding {
    pub id: String,
    pub name: String,
    pub leaders: Vec<VillageRate>,
    pub laggards: Vec<VillageRate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Count {
    /// Grade name, or class code.
    pub key: String,
    pub label: String,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Ranking {
    pub engine_version: String,
    pub system: SystemRef,
    pub count: usize,
    /// The ordering rule in Chinese.
    pub ranking_rule: String,
    pub rows: Vec<RankRow>,
    pub dimensions: Vec<DimensionStanding>,
    pub grades: Vec<Count>,
    pub classes: Vec<Count>,
    /// 五类村庄 as recorded, and how many villages have none.
    pub five_types: Vec<Count>,
    /// The seed's county targets against what these villages show, per township and overall.
    pub county: CountyView,
    /// Every village's full assessment, in input order (only with `include_assessments`).
    pub assessments: Option<Vec<VillageAssessment>>,
}

const RULE: &str = "无否决项且已定级的村在前，其次是已评权重不足、暂不定级的村，有否决项的村在最后；同一组内按总分从高到低；组别与总分都相同者并列同一名次，下一名次顺延（1, 2, 2, 4）";

/// Reads a JSON array of villages, or `{ "villages": [...] }`, reporting every error.
pub fn read_villages(v: &Value, opts: &VillageOptions) -> Result<Vec<VillageInput>, Failure> {
    let system = opts.system()?;
    let mut d = Decoder::new();
    let (items, base): (&Vec<Value>, &str) = match v {
        Value::Array(items) => (items, "$"),
        Value::Object(map) => {
            for key in map.keys().filter(|k| *k != "villages") {
                d.error(format!("$.{key}"), format!("未知字段「{key}」（应为 {{\"villages\": [...]}}）"));
            }
            match map.get("villages") {
                Some(Value::Array(items)) => (items, "$.villages"),
                _ => {
                    d.error("$.villages", "缺少必填字段「村庄列表」（数组）");
                    return d.finish(None);
                }
            }
        }
        _ => {
            d.error("$", "村庄列表应为 JSON 数组或 {\"villages\": [...]}");
            return d.finish(None);
        }
    };
    if items.len() > MAX_VILLAGES {
        d.error(base, format!("最多 {MAX_VILLAGES} 个村，收到 {} 个", items.len()));
        return d.finish(None);
    }
    let mut out = Vec::with_capacity(items.len());
    let mut ids = BTreeSet::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("{base}[{i}]");
        if let Some(village) = VillageInput::read(&mut d, &path, item, system) {
            if !ids.insert(village.id.clone()) {
                d.error(format!("{path}.id"), format!("村庄编号「{}」重复", village.id));
            }
            out.push(village);
        }
    }
    d.finish(Some(out))
}

pub fn rank_json(input: &str, options: &str) -> Result<Ranking, Failure> {
    let opts = if options.trim().is_empty() { VillageOptions::default() } else { VillageOptions::from_json(&parse_json(options)?)? };
    let villages = read_villages(&parse_json(input)?, &opts)?;
    rank(&villages, &opts)
}

pub fn rank(villages: &[VillageInput], opts: &VillageOptions) -> Result<Ranking, Failure> {
    let system = opts.system()?;
    let assessments: Vec<VillageAssessment> = villages.iter().map(|v| assess(v, system, opts)).collect::<Result<_, _>>()?;

    let mut order: Vec<usize> = (0..assessments.len()).collect();
    // A withheld grade rests on too little data to outrank a graded village; a veto fixes the
    // grade whatever the score.
    let group = |a: &VillageAssessment| {
        if a.vetoed {
            2
        } else if a.graded {
            0
        } else {
            1
        }
    };
    let key = |k: usize| (group(&assessments[k]), std::cmp::Reverse(assessments[k].total));
    order.sort_by_key(|&k| key(k));
    let mut rows = Vec::with_capacity(order.len());
    let mut rank = 0u32;
    for (pos, &k) in order.iter().enumerate() {
        if pos == 0 || key(order[pos - 1]) != key(k) {
            rank = pos as u32 + 1;
        }
        let a = &assessments[k];
        rows.push(RankRow {
            rank,
            village_id: a.village_id.clone(),
            village_name: a.village_name.clone(),
            township: a.township.clone(),
            total: a.total,
            grade: a.grade.clone(),
            graded: a.graded,
            coverage: a.coverage.label.clone(),
            vetoed: a.vetoed,
            class: a.classification.class,
            class_label: a.classification.label.clone(),
            five_type_label: a.five_type_label.clone(),
            dimensions: a.dimensions.clone(),
            missing_count: a.missing.len(),
        });
    }

    let dimensions = system
        .dimensions
        .iter()
        .enumerate()
        .map(|(k, dim)| {
            let rates: Vec<VillageRate> = rows
                .iter()
                .filter_map(|r| {
                    r.dimensions.get(k).and_then(|d| d.rate).map(|rate| VillageRate {
                        village_id: r.village_id.clone(),
                        village_name: r.village_name.clone(),
                        rate,
                    })
                })
                .collect();
            let best = rates.iter().map(|r| r.rate).max();
            let worst = rates.iter().map(|r| r.rate).min();
            let at = |x: Option<Decimal>| rates.iter().filter(|r| Some(r.rate) == x).cloned().collect::<Vec<_>>();
            DimensionStanding { id: dim.id.clone(), name: dim.name.clone(), leaders: at(best), laggards: at(worst) }
        })
        .collect();

    let mut grades: Vec<Count> = system
        .grades
        .iter()
        .map(|g| Count { key: g.grade.clone(), label: g.grade.clone(), count: rows.iter().filter(|r| r.graded && r.grade == g.grade).count() })
        .collect();
    grades.push(Count { key: UNGRADED.into(), label: format!("{UNGRADED}（已评权重不足）"), count: rows.iter().filter(|r| !r.graded).count() });
    let mut five_types: Vec<Count> = FiveType::OPTIONS
        .iter()
        .map(|(f, code, label)| Count {
            key: code.to_string(),
            label: label.to_string(),
            count: assessments.iter().filter(|a| a.five_type == Some(*f)).count(),
        })
        .collect();
    five_types.push(Count { key: "none".into(), label: "未填写".into(), count: assessments.iter().filter(|a| a.five_type.is_none()).count() });
    let county = county_view(system, &assessments, opts);
    let classes = VillageClass::OPTIONS
        .iter()
        .map(|(c, code, label)| Count { key: code.to_string(), label: label.to_string(), count: rows.iter().filter(|r| r.class == *c).count() })
        .collect();

    Ok(Ranking {
        engine_version: crate::ENGINE_VERSION.to_string(),
        system: SystemRef { id: system.id.clone(), name: system.name.clone(), year: system.year, builtin: opts.system.is_none() },
        count: rows.len(),
        ranking_rule: RULE.to_string(),
        rows,
        dimensions,
        grades,
        classes,
        five_types,
        county,
        assessments: opts.include_assessments.then_some(assessments),
    })
}

//! The county view: the seed's county-level targets (户厕 95 %, 80 省级清洁村庄, 示范村 2 / 15 / 30,
//! 333 villages classed, 村社亮化 by 2024, the county statistics) set against what the villages of
//! a file show, for each township and for the file as a whole.
//!
//! A file rarely holds all 333 villages, so every figure says how many villages it rests on and
//! which (their ids), and a count target says it is compared with the file's villages only. The
//! targets are data in the indicator system (`county_targets`), each with its clause.
use super::assess::VillageAssessment;
use super::input::{IndicatorValue, VillageOptions};
use super::system::{CountyTarget, Direction, IndicatorSystem, Metric, Source};
use crate::decode::Choice;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// Villages of the county (四(八) “全县333个行政村”): a file with fewer covers only part of it.
pub const COUNTY_VILLAGES: usize = 333;

/// Label for villages without a township.
const NO_TOWNSHIP: &str = "（未填乡镇）";

/// One figure: a target measured over some villages.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Measured {
    /// Null when no village (or no county statistic) supplies it.
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub value: Option<Decimal>,
    /// Villages the figure rests on.
    pub counted: usize,
    /// Their ids (for counts: the villages counted), to go back to them.
    pub village_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct TargetView {
    pub id: String,
    pub name: String,
    pub metric: Metric,
    pub metric_label: String,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub target: Decimal,
    pub direction: Direction,
    pub unit: String,
    pub year: i32,
    #[serde(flatten)]
    pub measured: Measured,
    /// Whether the data meets the target; null when there is no figure.
    pub reached: Option<bool>,
    /// The comparison in one Chinese sentence.
    pub status: String,
    pub source: Source,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct TownshipView {
    pub township: String,
    pub villages: usize,
    /// Mean total of its graded villages, 2 places; null when none is graded.
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub mean_total: Option<Decimal>,
    /// One per county target, in the system's order (`id` → figure).
    pub figures: Vec<TownshipFigure>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct TownshipFigure {
    pub target: String,
    #[serde(flatten)]
    pub measured: Measured,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct CountyView {
    /// Villages in the file.
    pub villages: usize,
    /// What the file covers, in one sentence ("本文件 20 个村，全县 333 个村 …").
    pub coverage_note: String,
    pub targets: Vec<TargetView>,
    pub townships: Vec<TownshipView>,
}

fn round2(x: Decimal) -> Decimal {
    let mut y = x.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    y.rescale(2);
    y
}

fn value_of(a: &VillageAssessment, indicator: &str) -> Option<IndicatorValue> {
    a.indicators.iter().find(|r| r.id == indicator).and_then(|r| r.value)
}

/// Measures one target over some villages (a county statistic comes from the options).
fn measure(t: &CountyTarget, villages: &[&VillageAssessment], opts: &VillageOptions) -> Measured {
    let ind = t.indicator.as_deref().unwrap_or_default();
    let ids = |pick: &dyn Fn(&VillageAssessment) -> bool| -> Vec<String> { villages.iter().filter(|a| pick(a)).map(|a| a.village_id.clone()).collect() };
    let count = |pick: &dyn Fn(&VillageAssessment) -> bool| {
        let v = ids(pick);
        Measured { value: Some(Decimal::from(v.len())), counted: villages.len(), village_ids: v }
    };
    match t.metric {
        Metric::MeanValue => {
            let nums: Vec<(String, Decimal)> = villages
                .iter()
                .filter_map(|a| match value_of(a, ind) {
                    Some(IndicatorValue::Number(x)) => Some((a.village_id.clone(), x)),
                    _ => None,
                })
                .collect();
            let sum: Option<Decimal> = nums.iter().try_fold(Decimal::ZERO, |s, (_, x)| s.checked_add(*x));
            let value = match (sum, nums.len()) {
                (Some(s), n) if n > 0 => s.checked_div(Decimal::from(n)).map(round2),
                _ => None,
            };
            Measured { value, counted: nums.len(), village_ids: nums.into_iter().map(|(id, _)| id).collect() }
        }
        Metric::ShareYes => {
            let known: Vec<(String, bool)> = villages
                .iter()
                .filter_map(|a| match value_of(a, ind) {
                    Some(IndicatorValue::Yes(b)) => Some((a.village_id.clone(), b)),
                    _ => None,
                })
                .collect();
            let yes = known.iter().filter(|(_, b)| *b).count();
            let value = (!known.is_empty()).then(|| round2(Decimal::from(yes * 100) / Decimal::from(known.len())));
            Measured { value, counted: known.len(), village_ids: known.into_iter().filter(|(_, b)| *b).map(|(id, _)| id).collect() }
        }
        Metric::CountCleanVillage => count(&|a| a.provincial_clean_village == Some(true)),
        Metric::CountDemonstration => count(&|a| a.demonstration.is_some() && a.demonstration == t.level),
        Metric::CountFiveType => count(&|a| a.five_type.is_some()),
        Metric::CountyStatistic => Measured { value: opts.county_statistics.get(ind).copied(), counted: 0, village_ids: Vec::new() },
    }
}

fn status(t: &CountyTarget, m: &Measured, villages: usize) -> (Option<bool>, String) {
    let show = |x: Decimal| super::scoring::show(x, &t.unit);
    let Some(v) = m.value else {
        let why = match t.metric {
            Metric::CountyStatistic => "未提供全县统计数（在选项 county_statistics 中给出）".to_string(),
            _ => "没有村填写这一项".to_string(),
        };
        return (None, format!("{}：{why}，无法比较（目标 {}，{} 年）", t.name, show(t.target), t.year));
    };
    let reached = match t.direction {
        Direction::Lower => v <= t.target,
        Direction::Higher => v >= t.target,
    };
    let word = if reached { "已达到" } else { "未达到" };
    let text = match t.metric {
        Metric::CountCleanVillage | Metric::CountDemonstration | Metric::CountFiveType if villages < COUNTY_VILLAGES => format!(
            "{}：本文件 {villages} 个村中有 {}，全县目标 {}（{} 年）；文件只含全县 {COUNTY_VILLAGES} 个村的一部分，{word}目标仅就本文件而言",
            t.name,
            show(v),
            show(t.target),
            t.year
        ),
        Metric::CountyStatistic => format!("{}：全县 {}，目标 {}（{} 年），{word}", t.name, show(v), show(t.target), t.year),
        _ => format!("{}：{} 个村的数值为 {}，目标 {}（{} 年），{word}", t.name, m.counted, show(v), show(t.target), t.year),
    };
    (Some(reached), text)
}

/// The county view of assessed villages (in input order).
pub fn county_view(system: &IndicatorSystem, assessments: &[VillageAssessment], opts: &VillageOptions) -> CountyView {
    let all: Vec<&VillageAssessment> = assessments.iter().collect();
    let targets = system
        .county_targets
        .iter()
        .map(|t| {
            let measured = measure(t, &all, opts);
            let (reached, status) = status(t, &measured, all.len());
            TargetView {
                id: t.id.clone(),
                name: t.name.clone(),
                metric: t.metric,
                metric_label: t.metric.label().to_string(),
                target: t.target,
                direction: t.direction,
                unit: t.unit.clone(),
                year: t.year,
                measured,
                reached,
                status,
                source: t.source.clone(),
                note: t.note.clone(),
            }
        })
        .collect();
    let mut names: Vec<String> = Vec::new();
    for a in assessments {
        let n = a.township.clone().unwrap_or_else(|| NO_TOWNSHIP.to_string());
        if !names.contains(&n) {
            names.push(n);
        }
    }
    let townships = names
        .into_iter()
        .map(|name| {
            let of: Vec<&VillageAssessment> = assessments.iter().filter(|a| a.township.as_deref().unwrap_or(NO_TOWNSHIP) == name).collect();
            let graded: Vec<Decimal> = of.iter().filter(|a| a.graded).map(|a| a.total).collect();
            let mean_total = (!graded.is_empty()).then(|| round2(graded.iter().copied().sum::<Decimal>() / Decimal::from(graded.len())));
            let figures = system
                .county_targets
                .iter()
                .filter(|t| t.metric != Metric::CountyStatistic)
                .map(|t| TownshipFigure { target: t.id.clone(), measured: measure(t, &of, opts) })
                .collect();
            TownshipView { township: name, villages: of.len(), mean_total, figures }
        })
        .collect();
    let n = assessments.len();
    let coverage_note = if n < COUNTY_VILLAGES {
        format!("本文件 {n} 个村，全县 {COUNTY_VILLAGES} 个行政村：数量类目标（清洁村庄、示范村、五类村庄划分）只就本文件的村统计，不代表全县完成情况")
    } else {
        format!("本文件 {n} 个村（全县 {COUNTY_VILLAGES} 个行政村）")
    };
    CountyView { villages: n, coverage_note, targets, townships }
}

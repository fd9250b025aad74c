//! One village's assessment: every indicator from value to score to weighted points, the total,
//! the dimension scores, vetoes, grade, shortfalls, missing values and the 三类村庄 suggestion.
//!
//! Rounding, chosen so the total is exactly the sum of the parts shown:
//! * an indicator's points are `effective weight × score`, truncated to 0.01 (never rounded up,
//!   so no part exceeds its weight and a better value never loses a point);
//! * a dimension's points and the total are plain sums of those parts, never rounded again;
//! * with the `exclude` missing-value rule the weights of the indicators that have values are
//!   scaled to sum to 100 and apportioned to 0.01 by the largest-remainder method, so the
//!   effective weights still add up to exactly 100.00.
use super::classify::{classify, ClassSuggestion};
use super::input::{IndicatorValue, VillageInput, VillageOptions};
use super::scoring::{self, SCORE_DP};
use super::system::{Basis, DemonstrationLevel, FiveType, Indicator, IndicatorSystem, MethodKind, MissingRule, Scope, Source, SourceKind, Target};
use crate::decode::{parse_json, Choice, Decoder};
use crate::error::Failure;
use crate::explain::Missing;
use crate::policy::{anchor, Citation};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// Decimal places of points.
pub const POINTS_DP: u32 = 2;

/// What happened to one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "snake_case")]
pub enum IndicatorStatus {
    /// Has a value and was scored.
    Scored,
    /// A veto-only indicator with a value: checked, no points.
    Checked,
    /// No value; scored 0 (`missing_rule` zero).
    MissingZero,
    /// No value; left out and its weight shared out (`missing_rule` exclude).
    MissingExcluded,
    /// The target is due later (`due_year`) and not reached yet: not assessed this year.
    NotDue,
    /// A township or county statistic: not scored per village (see the county view).
    NotVillageLevel,
}

/// One indicator, value → score → weighted points.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct IndicatorResult {
    pub id: String,
    pub name: String,
    pub dimension: String,
    pub unit: String,
    pub method: MethodKind,
    /// The method in Chinese.
    pub method_label: String,
    #[cfg_attr(feature = "wasm", tsify(type = "boolean | string | null"))]
    pub value: Option<IndicatorValue>,
    #[cfg_attr(feature = "wasm", tsify(type = "boolean | string"))]
    pub target: Target,
    /// County average used (ratio indicators).
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub county_average: Option<Decimal>,
    /// Value ÷ county average, 4 places (ratio indicators).
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub ratio: Option<Decimal>,
    /// 0–1, 4 places; null when missing.
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub score: Option<Decimal>,
    /// Target met; null when missing.
    pub reached: Option<bool>,
    /// Weight in the system (points out of 100).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub weight: Decimal,
    /// Weight actually applied (differs from `weight` only under the exclude rule).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub effective_weight: Decimal,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub points: Decimal,
    /// `effective_weight − points`: what reaching the target would win back.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub lost: Decimal,
    pub status: IndicatorStatus,
    pub veto: bool,
    /// Value → score → points in one Chinese sentence.
    pub explanation: String,
    pub basis: Basis,
    pub source: Source,
    pub year: i32,
    /// The target is due by this year.
    pub due_year: Option<i32>,
    pub scope: Scope,
    /// The target in words ("不低于全县平均", "不低于 95%").
    pub target_words: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct DimensionScore {
    pub id: String,
    pub name: String,
    /// Sum of its indicators' points.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub points: Decimal,
    /// Sum of its indicators' effective weights.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub max_points: Decimal,
    /// points ÷ max_points × 100, truncated to 0.01; null when every indicator was excluded.
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub rate: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct VetoReason {
    pub indicator: String,
    pub name: String,
    pub reason: String,
    /// Why this is a veto, in one sentence: the clause, or "设计假设：…".
    pub basis: String,
    pub source: Source,
}

/// How much of the village-level weight was assessed ("已评 82/100 权重").
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Coverage {
    /// Weight of the indicators with a value (system weights, out of 100).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub assessed: Decimal,
    /// Weight not due this year (`due_year` later, not reached).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub not_due: Decimal,
    /// assessed ÷ (100 − not_due) × 100, truncated to 0.01.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub rate: Decimal,
    /// The system's threshold for a grade.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub min: Decimal,
    /// "已评 82/100 权重".
    pub label: String,
}

/// An indicator losing points, and what reaching its target would win back.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Shortfall {
    pub indicator: String,
    pub name: String,
    pub dimension: String,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub points: Decimal,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub max_points: Decimal,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub regain: Decimal,
    /// The value has not been supplied (it lost points by the zero rule).
    pub missing: bool,
    pub advice: String,
}

/// An indicator without a value, and what the missing-value rule did with it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct MissingValue {
    #[serde(flatten)]
    pub field: Missing,
    pub indicator: String,
    pub rule: MissingRule,
    pub effect: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct SystemRef {
    pub id: String,
    pub name: String,
    pub year: i32,
    /// Whether this is the built-in default or a user-supplied system.
    pub builtin: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct VillageAssessment {
    pub engine_version: String,
    pub system: SystemRef,
    pub village_id: String,
    pub village_name: String,
    pub township: Option<String>,
    pub year: Option<i32>,
    /// 0–100, exactly the sum of `indicators[].points` (and of `dimensions[].points`).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub total: Decimal,
    /// The grade, or `未定级` when too little weight was assessed (`graded` false).
    pub grade: String,
    pub graded: bool,
    /// Why this grade, in one sentence.
    pub grade_reason: String,
    pub coverage: Coverage,
    /// The year the village is assessed for (its `year`, else the system's), which decides
    /// whether a target with a `due_year` is due.
    pub assessment_year: i32,
    pub five_type: Option<FiveType>,
    /// 五类村庄 in Chinese (recorded by the county, not computed), or null.
    pub five_type_label: Option<String>,
    pub demonstration: Option<DemonstrationLevel>,
    pub provincial_clean_village: Option<bool>,
    pub vetoed: bool,
    pub vetoes: Vec<VetoReason>,
    pub dimensions: Vec<DimensionScore>,
    pub indicators: Vec<IndicatorResult>,
    /// Indicators losing points, most points to win back first.
    pub shortfalls: Vec<Shortfall>,
    pub missing_rule: MissingRule,
    /// The missing-value rule in Chinese, always shown.
    pub missing_rule_label: String,
    pub missing: Vec<MissingValue>,
    pub classification: ClassSuggestion,
    pub citations: Vec<&'static Citation>,
}

/// Truncated to `dp` places and always shown with `dp` places ("8.00", "0.7142").
fn trunc(x: Decimal, dp: u32) -> Decimal {
    let mut y = x.round_dp_with_strategy(dp, RoundingStrategy::ToZero);
    y.rescale(dp);
    y
}

/// Assesses JSON input with JSON options (`{ indicator_system?, county_averages? }`).
pub fn assess_json(input: &str, options: &str) -> Result<VillageAssessment, Failure> {
    let opts = if options.trim().is_empty() { VillageOptions::default() } else { VillageOptions::from_json(&parse_json(options)?)? };
    let system = opts.system()?;
    let village = VillageInput::from_json(&parse_json(input)?, system)?;
    assess(&village, system, &opts)
}

/// Effective weights in hundredths of a point, indicator order: the weights of the `included`
/// indicators scaled to 10000 hundredths by largest remainder (unchanged when they already sum to
/// 100).
fn effective_weights(system: &IndicatorSystem, included: &[bool]) -> Vec<i64> {
    let units: Vec<i64> = system.indicators.iter().map(|i| (i.weight * Decimal::ONE_HUNDRED).trunc().try_into().unwrap_or(0i64)).collect();
    let kept: Vec<i64> = units.iter().zip(included).map(|(u, p)| if *p { *u } else { 0 }).collect();
    let sum: i64 = kept.iter().sum();
    if sum == 0 {
        return kept;
    }
    const FULL: i64 = 10_000;
    let mut base: Vec<i64> = kept.iter().map(|u| u * FULL / sum).collect();
    let leftover = FULL - base.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..kept.len()).filter(|&k| kept[k] > 0).collect();
    // Largest remainder first; ties go to the earlier indicator, so the result is deterministic.
    order.sort_by_key(|&k| (std::cmp::Reverse(kept[k] * FULL % sum), k));
    for &k in order.iter().take(leftover.max(0) as usize) {
        base[k] += 1;
    }
    base
}

/// The 是/否 or numeric value meets the target outright (used to decide whether a target that is
/// not due yet is already reached).
fn reached_early(ind: &Indicator, value: Option<IndicatorValue>, avg: Option<Decimal>) -> bool {
    value.and_then(|x| scoring::score(ind, x, avg).ok()).is_some_and(|s| s.reached)
}

pub fn assess(v: &VillageInput, system: &IndicatorSystem, opts: &VillageOptions) -> Result<VillageAssessment, Failure> {
    let reference = |ind: &Indicator| -> Option<Decimal> {
        if !ind.uses_county_average() {
            return None;
        }
        v.county_averages.get(&ind.id).or_else(|| opts.county_averages.get(&ind.id)).copied()
    };
    // A ratio needs an average above zero; a difference in points is defined for any average.
    let average_ok = |ind: &Indicator| match ind.method.kind {
        MethodKind::RatioToCountyAverage => reference(ind).is_some_and(|a| a > Decimal::ZERO),
        MethodKind::DifferenceToCountyAverage => reference(ind).is_some(),
        _ => true,
    };
    let year = v.year.unwrap_or(system.year);
    // Before its due year a target counts only once reached: a county goal "力争3年内" is not a
    // 2021 failure.
    let not_due: Vec<bool> = system
        .indicators
        .iter()
        .map(|ind| ind.due_year.is_some_and(|due| year < due) && !reached_early(ind, v.values.get(&ind.id).copied(), reference(ind)))
        .collect();
    let village_level = |ind: &Indicator| ind.scope == Scope::Village;
    let present: Vec<bool> =
        system.indicators.iter().zip(&not_due).map(|(ind, nd)| village_level(ind) && !nd && v.values.contains_key(&ind.id) && average_ok(ind)).collect();
    let included: Vec<bool> = match system.missing_rule {
        MissingRule::Exclude => present.clone(),
        MissingRule::Zero => system.indicators.iter().zip(&not_due).map(|(ind, nd)| village_level(ind) && !nd).collect(),
    };
    let weights = effective_weights(system, &included);

    let mut indicators = Vec::with_capacity(system.indicators.len());
    let mut missing = Vec::new();
    let mut vetoes = Vec::new();
    for ((ind, &has), &w) in system.indicators.iter().zip(&present).zip(&weights) {
        let eff = Decimal::new(w, 2);
        let value = v.values.get(&ind.id).copied();
        let avg = reference(ind);
        let path = format!("{}.values.{}", v.path, ind.id);
        let k = indicators.len();
        let (score, reached, ratio, status, explanation) = if !village_level(ind) {
            let shown = value.map(|x| format!("（填写的值 {} 不计分）", scoring::show_value(x, &ind.unit))).unwrap_or_default();
            (None, None, None, IndicatorStatus::NotVillageLevel, format!("{}统计指标，村里无法单独提供，不按村计分{shown}；目标见全县视图", ind.scope.label()))
        } else if not_due[k] {
            let due = ind.due_year.unwrap_or(year);
            let shown = value.map(|x| format!("现为 {}，", scoring::show_value(x, &ind.unit))).unwrap_or_default();
            (
                None,
                None,
                None,
                IndicatorStatus::NotDue,
                format!("{shown}目标「{}」于 {due} 年前实现，{year} 年尚未到期：不计分、不扣分（达到后计分）", ind.target_words()),
            )
        } else if has {
            let value = value.ok_or_else(|| Failure::calc("内部错误：有值指标缺少值"))?;
            let s = scoring::score(ind, value, avg)?;
            let points = trunc(eff * s.score, POINTS_DP);
            let status = if ind.method.kind == MethodKind::Veto { IndicatorStatus::Checked } else { IndicatorStatus::Scored };
            let expl = if status == IndicatorStatus::Checked {
                s.working.clone()
            } else {
                format!("{}；权重 {} × 得分率 {} = {} 分", s.working, eff, trunc(s.score, SCORE_DP), points)
            };
            if ind.veto && !s.reached {
                vetoes.push(VetoReason {
                    indicator: ind.id.clone(),
                    name: ind.name.clone(),
                    reason: format!("{}：{}，未达到要求，按否决项处理，等级定为{}", ind.name, s.working, system.veto_grade),
                    basis: veto_basis(&ind.source),
                    source: ind.source.clone(),
                });
            }
            (Some(trunc(s.score, SCORE_DP)), Some(s.reached), s.ratio.map(|r| trunc(r, SCORE_DP)), status, expl)
        } else {
            let what = if value.is_some() { format!("{}（缺全县平均值）", ind.name) } else { ind.name.clone() };
            let label_path = if value.is_some() { format!("{}.county_averages.{}", v.path, ind.id) } else { path };
            let (status, effect) = match system.missing_rule {
                rule if ind.method.kind == MethodKind::Veto => (
                    if rule == MissingRule::Zero { IndicatorStatus::MissingZero } else { IndicatorStatus::MissingExcluded },
                    format!("否决项「{}」未填写，无法判断是否触发否决", ind.name),
                ),
                MissingRule::Zero => (IndicatorStatus::MissingZero, format!("{what}未填写，按缺失值规则计 0 分（满分 {eff}）")),
                MissingRule::Exclude => {
                    (IndicatorStatus::MissingExcluded, format!("{what}未填写，按缺失值规则不计入，其权重 {} 按比例分配给其他有值的指标", ind.weight))
                }
            };
            missing.push(MissingValue { field: Missing::new(label_path, what), indicator: ind.id.clone(), rule: system.missing_rule, effect: effect.clone() });
            (None, None, None, status, effect)
        };
        let points = match score {
            Some(s) => trunc(eff * s, POINTS_DP),
            None => trunc(Decimal::ZERO, POINTS_DP),
        };
        indicators.push(IndicatorResult {
            id: ind.id.clone(),
            name: ind.name.clone(),
            dimension: ind.dimension.clone(),
            unit: ind.unit.clone(),
            method: ind.method.kind,
            method_label: ind.method.kind.label().to_string(),
            value,
            target: ind.target,
            county_average: avg,
            ratio,
            score,
            reached,
            weight: ind.weight,
            effective_weight: eff,
            points,
            lost: eff - points,
            status,
            veto: ind.veto,
            explanation,
            basis: ind.basis,
            source: ind.source.clone(),
            year: ind.year,
            due_year: ind.due_year,
            scope: ind.scope,
            target_words: ind.target_words(),
        });
    }
    let weight_of = |pick: &dyn Fn(usize) -> bool| -> Decimal { system.indicators.iter().enumerate().filter(|(k, _)| pick(*k)).map(|(_, i)| i.weight).sum() };
    let assessed = weight_of(&|k| present[k]);
    let not_due_weight = weight_of(&|k| not_due[k] && village_level(&system.indicators[k]));
    let due = Decimal::ONE_HUNDRED - not_due_weight;
    let rate = if due > Decimal::ZERO { trunc(assessed * Decimal::ONE_HUNDRED / due, POINTS_DP) } else { trunc(Decimal::ZERO, POINTS_DP) };
    let coverage = Coverage {
        assessed: assessed.normalize(),
        not_due: not_due_weight.normalize(),
        rate,
        min: system.min_coverage,
        label: if not_due_weight.is_zero() {
            format!("已评 {}/100 权重", assessed.normalize())
        } else {
            format!("已评 {}/{} 权重（另有 {} 未到期）", assessed.normalize(), due.normalize(), not_due_weight.normalize())
        },
    };

    let dimensions: Vec<DimensionScore> = system
        .dimensions
        .iter()
        .map(|dim| {
            let of = || indicators.iter().filter(|r| r.dimension == dim.id);
            let points = trunc(of().map(|r| r.points).sum(), POINTS_DP);
            let max_points = trunc(of().map(|r| r.effective_weight).sum(), POINTS_DP);
            let rate = (!max_points.is_zero()).then(|| trunc(points * Decimal::ONE_HUNDRED / max_points, POINTS_DP));
            DimensionScore { id: dim.id.clone(), name: dim.name.clone(), points, max_points, rate }
        })
        .collect();
    let total: Decimal = trunc(indicators.iter().map(|r| r.points).sum(), POINTS_DP);

    let vetoed = !vetoes.is_empty();
    let graded = vetoed || coverage.rate >= system.min_coverage;
    let (grade, grade_reason) = if vetoed {
        let names = vetoes.iter().map(|x| x.name.as_str()).collect::<Vec<_>>().join("、");
        (system.veto_grade.clone(), format!("否决项未达到要求（{names}），不论总分（{total}）等级定为{}", system.veto_grade))
    } else if !graded {
        (
            UNGRADED.to_string(),
            format!("{}，已评权重占应评的 {}%，低于定级所需的 {}%：暂不定级，请补齐缺失值", coverage.label, coverage.rate, system.min_coverage),
        )
    } else {
        let g = system.grades.iter().find(|g| total >= g.min).or(system.grades.last());
        match g {
            Some(g) if system.missing_rule == MissingRule::Exclude && coverage.rate < Decimal::ONE_HUNDRED => {
                (g.grade.clone(), format!("按已评权重折算的总分 {total} 不低于「{}」等级线 {}（{}）", g.grade, g.min.normalize(), coverage.label))
            }
            Some(g) => (g.grade.clone(), format!("总分 {total} 不低于「{}」等级线 {}", g.grade, g.min.normalize())),
            None => (String::new(), "指标体系没有等级".to_string()),
        }
    };

    let mut shortfalls: Vec<Shortfall> = indicators
        .iter()
        .filter(|r| r.lost > Decimal::ZERO)
        .map(|r| {
            let missing = r.score.is_none();
            let advice = if missing {
                format!("补填「{}」并达到目标可得回 {} 分", r.name, r.lost)
            } else {
                format!("「{}」达到目标{}可得回 {} 分", r.name, target_text(r), r.lost)
            };
            Shortfall {
                indicator: r.id.clone(),
                name: r.name.clone(),
                dimension: r.dimension.clone(),
                points: r.points,
                max_points: r.effective_weight,
                regain: r.lost,
                missing,
                advice,
            }
        })
        .collect();
    // Stable sort: equal regains keep the system's indicator order.
    shortfalls.sort_by_key(|s| std::cmp::Reverse(s.regain));

    let classification = classify(system, total, vetoed, &dimensions);
    let mut citations = vec![anchor::VILLAGE_ASSESSMENT.cite(), anchor::VILLAGE_THREE_CLASSES.cite()];
    citations.dedup();

    Ok(VillageAssessment {
        engine_version: crate::ENGINE_VERSION.to_string(),
        system: SystemRef { id: system.id.clone(), name: system.name.clone(), year: system.year, builtin: opts.system.is_none() },
        village_id: v.id.clone(),
        village_name: v.name.clone(),
        township: v.township.clone(),
        year: v.year,
        total,
        grade,
        graded,
        grade_reason,
        coverage,
        assessment_year: year,
        five_type: v.five_type,
        five_type_label: v.five_type.map(|f| f.label().to_string()),
        demonstration: v.demonstration,
        provincial_clean_village: v.provincial_clean_village,
        vetoed,
        vetoes,
        dimensions,
        indicators,
        shortfalls,
        missing_rule: system.missing_rule,
        missing_rule_label: system.missing_rule.label().to_string(),
        missing,
        classification,
        citations,
    })
}

/// The grade shown when too little weight was assessed.
pub const UNGRADED: &str = "未定级";

/// Why an indicator is a veto: its clause, or the design assumption said as such.
fn veto_basis(source: &Source) -> String {
    match source.kind {
        SourceKind::Seed => format!("否决依据：实施意见 {}“{}”", source.clause.as_deref().unwrap_or_default(), source.excerpt.as_deref().unwrap_or_default()),
        SourceKind::NationalPlan => format!("否决依据：{}", source.document.as_deref().unwrap_or_default()),
        SourceKind::DesignAssumption => {
            format!("否决为设计假设（未找到把它定为否决项的文件）：{}", source.note.as_deref().unwrap_or_default())
        }
    }
}

fn target_text(r: &IndicatorResult) -> String {
    match r.target {
        Target::Yes(true) => "（是）".into(),
        Target::Yes(false) => "（否）".into(),
        Target::Number(_) if matches!(r.method, MethodKind::RatioToCountyAverage | MethodKind::DifferenceToCountyAverage) => format!("（{}）", r.target_words),
        Target::Number(t) => format!("（{}）", scoring::show(t, &r.unit)),
    }
}

/// Reads one village document against the system in `opts` (used by the CLI and the binding).
pub fn read_village(v: &serde_json::Value, opts: &VillageOptions) -> Result<VillageInput, Failure> {
    let system = opts.system()?;
    let mut d = Decoder::new();
    let village = VillageInput::read(&mut d, "$", v, system);
    d.finish(village)
}

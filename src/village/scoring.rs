//! The scoring methods: one indicator value → a score between 0 and 1, and whether the target is
//! reached, with the working in one Chinese sentence.
//!
//! Scores are truncated to 4 decimal places ([`SCORE_DP`]) so the sentence shows exactly the
//! figure the points are computed from; truncation (not rounding) keeps a score from reaching 1
//! before the target is reached, and keeps scoring monotone: a better value never scores less.
use super::input::IndicatorValue;
use super::system::{Direction, Indicator, MethodKind, Target};
use crate::decode::Choice;
use crate::error::Failure;
use rust_decimal::{Decimal, RoundingStrategy};

/// Decimal places of a score (0.0000–1.0000).
pub const SCORE_DP: u32 = 4;

#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// 0–1, truncated to [`SCORE_DP`] places; 0 for veto-only indicators.
    pub score: Decimal,
    /// The value meets the target.
    pub reached: bool,
    /// For ratio-to-county-average: value ÷ county average; for difference-to-county-average: value
    /// − county average, in percentage points.
    pub ratio: Option<Decimal>,
    /// How the score was found.
    pub working: String,
}

/// Truncated to `dp` places, always shown with `dp` places ("0.5000").
fn trunc(x: Decimal, dp: u32) -> Decimal {
    let mut y = x.round_dp_with_strategy(dp, RoundingStrategy::ToZero);
    y.rescale(dp);
    y
}

/// A number as staff write it, with its unit (`95%`, `10 万元`).
pub fn show(x: Decimal, unit: &str) -> String {
    let n = x.normalize();
    match unit {
        "%" => format!("{n}%"),
        "" => n.to_string(),
        u => format!("{n} {u}"),
    }
}

pub fn show_value(v: IndicatorValue, unit: &str) -> String {
    match v {
        IndicatorValue::Yes(true) => "是".into(),
        IndicatorValue::Yes(false) => "否".into(),
        IndicatorValue::Number(x) => show(x, unit),
    }
}

/// `a` is at least as good as `b` in this direction.
fn at_least(direction: Direction, a: Decimal, b: Decimal) -> bool {
    match direction {
        Direction::Higher => a >= b,
        Direction::Lower => a <= b,
    }
}

/// Linear score of `x` between `floor` (0) and `target` (1), clamped.
fn linear(direction: Direction, x: Decimal, floor: Decimal, target: Decimal) -> Result<Decimal, Failure> {
    if at_least(direction, x, target) {
        return Ok(trunc(Decimal::ONE, SCORE_DP));
    }
    if at_least(direction, floor, x) {
        return Ok(trunc(Decimal::ZERO, SCORE_DP));
    }
    let overflow = || Failure::calc("线性计分溢出");
    let num = x.checked_sub(floor).ok_or_else(overflow)?;
    let den = target.checked_sub(floor).ok_or_else(overflow)?;
    let raw = num.checked_div(den).ok_or_else(overflow)?;
    Ok(trunc(raw.clamp(Decimal::ZERO, Decimal::ONE), SCORE_DP))
}

/// Scores one value. `reference` is the county average: for ratio indicators it must be > 0 (the
/// caller treats a missing or non-positive average as a missing value); a difference in
/// percentage points is defined for any average, zero and negative included.
pub fn score(ind: &Indicator, value: IndicatorValue, reference: Option<Decimal>) -> Result<Scored, Failure> {
    let unit = ind.unit.as_str();
    let shown = show_value(value, unit);
    let floor = ind.method.floor.unwrap_or_default();
    let target_num = match ind.target {
        Target::Number(t) => t,
        Target::Yes(_) => Decimal::ZERO,
    };
    let mismatch = || Failure::calc(format!("指标「{}」的值类型与目标值不符", ind.name));
    let scored = |score: Decimal, reached: bool, working: String| Scored { score, reached, ratio: None, working };
    match ind.method.kind {
        MethodKind::YesNo => {
            let (IndicatorValue::Yes(v), Target::Yes(t)) = (value, ind.target) else { return Err(mismatch()) };
            let reached = v == t;
            let score = trunc(if reached { Decimal::ONE } else { Decimal::ZERO }, SCORE_DP);
            let want = if t { "是" } else { "否" };
            Ok(scored(score, reached, format!("{shown}（要求：{want}），是否计分：{}", if reached { "得满分" } else { "不得分" })))
        }
        MethodKind::Veto => {
            let reached = match (value, ind.target) {
                (IndicatorValue::Yes(v), Target::Yes(t)) => v == t,
                (IndicatorValue::Number(x), Target::Number(t)) => at_least(ind.direction, x, t),
                _ => return Err(mismatch()),
            };
            let want = match ind.target {
                Target::Yes(true) => "是".to_string(),
                Target::Yes(false) => "否".to_string(),
                Target::Number(t) => format!("{}{}", if ind.direction == Direction::Higher { "不低于 " } else { "不高于 " }, show(t, unit)),
            };
            Ok(scored(
                trunc(Decimal::ZERO, SCORE_DP),
                reached,
                format!("{shown}（要求：{want}），否决项不计分：{}", if reached { "未触发否决" } else { "触发否决" }),
            ))
        }
        MethodKind::Linear => {
            let IndicatorValue::Number(x) = value else { return Err(mismatch()) };
            let s = linear(ind.direction, x, floor, target_num)?;
            let reached = at_least(ind.direction, x, target_num);
            Ok(scored(
                s,
                reached,
                format!(
                    "{shown}，线性计分（{}）：{} 得 0、{} {}得满分 → 得分率 {}",
                    ind.direction.label(),
                    show(floor, unit),
                    show(target_num, unit),
                    if ind.direction == Direction::Higher { "及以上" } else { "及以下" },
                    s
                ),
            ))
        }
        MethodKind::Steps => {
            let IndicatorValue::Number(x) = value else { return Err(mismatch()) };
            let steps = ind.method.steps.as_deref().unwrap_or_default();
            let hit = trunc(steps.iter().filter(|s| at_least(ind.direction, x, s.at)).map(|s| s.score).max().unwrap_or_default(), SCORE_DP);
            let ladder = steps.iter().map(|s| format!("{}→{}", show(s.at, unit), s.score.normalize())).collect::<Vec<_>>().join("，");
            let reached = at_least(ind.direction, x, target_num);
            Ok(scored(hit, reached, format!("{shown}，分档计分（{ladder}）→ 得分率 {}", hit.normalize())))
        }
        MethodKind::DifferenceToCountyAverage => {
            let IndicatorValue::Number(x) = value else { return Err(mismatch()) };
            let avg = reference.ok_or_else(|| Failure::calc("缺全县平均值"))?;
            let diff = x.checked_sub(avg).ok_or_else(|| Failure::calc(format!("「{}」与全县平均之差溢出", ind.name)))?;
            let s = linear(ind.direction, diff, floor, target_num)?;
            let reached = at_least(ind.direction, diff, target_num);
            let pp = |d: Decimal| format!("{} 个百分点", d.normalize());
            Ok(Scored {
                score: s,
                reached,
                ratio: Some(diff),
                working: format!(
                    "{shown} − 全县平均 {} = {}，按差值线性计分：{} 得 0、{} 及以上得满分 → 得分率 {}",
                    show(avg, unit),
                    pp(diff),
                    pp(floor),
                    pp(target_num),
                    s
                ),
            })
        }
        MethodKind::RatioToCountyAverage => {
            let IndicatorValue::Number(x) = value else { return Err(mismatch()) };
            let avg = reference.filter(|a| *a > Decimal::ZERO).ok_or_else(|| Failure::calc("全县平均值应大于 0"))?;
            let ratio = x.checked_div(avg).ok_or_else(|| Failure::calc(format!("「{}」与全县平均之比溢出", ind.name)))?;
            let s = linear(ind.direction, ratio, floor, target_num)?;
            let reached = at_least(ind.direction, ratio, target_num);
            Ok(Scored {
                score: s,
                reached,
                ratio: Some(ratio),
                working: format!(
                    "{shown} ÷ 全县平均 {} = {}，按比值线性计分：{} 得 0、{} 得满分 → 得分率 {}",
                    show(avg, unit),
                    trunc(ratio, SCORE_DP).normalize(),
                    floor.normalize(),
                    target_num.normalize(),
                    s
                ),
            })
        }
    }
}

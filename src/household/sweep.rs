//! What-if along one amount: where each measure's outcome flips as one money input of a household
//! (an income item, say) moves over a range — the trainer's income slider, exact to the fen.
//!
//! Nothing here knows a rule. The household is evaluated at evenly spaced points of the range;
//! wherever a measure's outcome differs between two neighbouring points, the flip is found by
//! bisection over whole fen, evaluating the real engine each time, so the reported point is the
//! first fen at which the new outcome holds. A segment narrower than the sampling step can be
//! missed (the result says how many points were sampled); every segment reported is exact.
use crate::case;
use crate::error::{Failure, FieldError};
use crate::explain::Outcome;
use crate::household::evaluate;
use crate::params::Options;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

/// Points sampled evenly over the range before bisecting (both ends included).
pub const SAMPLES: i64 = 96;
/// The largest range end accepted: 10,000,000 元 (no household income comes near).
const MAX_YUAN: i64 = 10_000_000;

/// Outcomes of every measure along the range.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Sweep {
    /// The JSON path of the amount moved, e.g. `$.incomes.wage`.
    pub path: String,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "rust_decimal::serde::str")]
    pub from: Decimal,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "rust_decimal::serde::str")]
    pub to: Decimal,
    /// How many evenly spaced points were evaluated before bisecting.
    pub samples: u32,
    /// One row per measure, in the result's order.
    pub measures: Vec<SweepMeasure>,
}

/// One measure along the range: consecutive segments of one outcome each.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct SweepMeasure {
    pub measure: &'static str,
    pub title: &'static str,
    pub segments: Vec<Segment>,
}

/// `[from, to]` (both to the fen, inclusive) where the measure's outcome is `outcome`; the next
/// segment starts one fen after `to`, which is where the outcome flips.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Segment {
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "rust_decimal::serde::str")]
    pub from: Decimal,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    #[serde(with = "rust_decimal::serde::str")]
    pub to: Decimal,
    pub outcome: Outcome,
}

/// Sweeps the money field at `path` of the household case `input` from `from` to `to` (元, ≥ 0,
/// to the fen). The case must be valid with the field at any value of the range.
pub fn sweep(input: &Value, options: &Options, path: &str, from: Decimal, to: Decimal) -> Result<Sweep, Failure> {
    let bad = |m: String| Failure::invalid(vec![FieldError::new("$", m)]);
    let fen = |d: Decimal, what: &str| -> Result<i64, Failure> {
        if d.is_sign_negative() || d > Decimal::from(MAX_YUAN) {
            return Err(bad(format!("{what}应在 0 到 {MAX_YUAN} 元之间，收到 {d}")));
        }
        if d.round_dp(2) != d {
            return Err(bad(format!("{what}应精确到分，收到 {d}")));
        }
        Ok((d * Decimal::from(100)).trunc().try_into().unwrap_or(0))
    };
    let (lo, hi) = (fen(from, "区间起点")?, fen(to, "区间终点")?);
    if hi <= lo {
        return Err(bad(format!("区间终点 {to} 应大于起点 {from}")));
    }
    let steps = parse_path(path).ok_or_else(|| bad(format!("「{path}」不是案例中的字段路径（如 $.incomes.wage）")))?;
    match lookup(input, &steps) {
        Some(Value::String(_) | Value::Number(_) | Value::Null) | None => {}
        Some(_) => return Err(bad(format!("「{path}」不是金额字段"))),
    }
    let mut probe = Probe { input: input.clone(), options, steps, titles: Vec::new() };

    let n = SAMPLES.min(hi - lo);
    let points: Vec<i64> = (0..=n).map(|i| lo + (hi - lo) * i / n).collect();
    let mut rows: Vec<Vec<(i64, Outcome)>> = Vec::new();
    let mut prev: Option<(i64, Vec<Outcome>)> = None;
    for &x in &points {
        let here = probe.outcomes(x)?;
        if rows.is_empty() {
            rows = here.iter().map(|&o| vec![(x, o)]).collect();
        }
        if let Some((px, before)) = &prev {
            for (m, row) in rows.iter_mut().enumerate() {
                if before[m] != here[m] {
                    // Bisect [px, x] for the first fen where the measure leaves `before[m]`; a
                    // second flip inside the same step is found on the way back up.
                    let mut a = *px;
                    let mut at = x;
                    loop {
                        let (mut l, mut r) = (a, at);
                        while r - l > 1 {
                            let mid = l + (r - l) / 2;
                            if probe.outcomes(mid)?[m] == row.last().map_or(before[m], |s| s.1) {
                                l = mid;
                            } else {
                                r = mid;
                            }
                        }
                        let now = probe.outcomes(r)?[m];
                        row.push((r, now));
                        if now == here[m] || r == x {
                            break;
                        }
                        a = r;
                        at = x;
                    }
                }
            }
        }
        prev = Some((x, here));
    }

    let yuan = |f: i64| Decimal::new(f, 2);
    let measures = rows
        .into_iter()
        .zip(probe.titles)
        .map(|(row, (measure, title))| {
            let segments = row
                .iter()
                .enumerate()
                .map(|(i, &(start, outcome))| Segment { from: yuan(start), to: yuan(row.get(i + 1).map_or(hi, |n| n.0 - 1)), outcome })
                .collect();
            SweepMeasure { measure, title, segments }
        })
        .collect();
    Ok(Sweep { path: path.to_string(), from, to, samples: u32::try_from(n + 1).unwrap_or(u32::MAX), measures })
}

/// Evaluates the case with the swept field set to a number of fen.
struct Probe<'a> {
    input: Value,
    options: &'a Options,
    steps: Vec<Step>,
    titles: Vec<(&'static str, &'static str)>,
}

impl Probe<'_> {
    fn outcomes(&mut self, fen: i64) -> Result<Vec<Outcome>, Failure> {
        let amount = Decimal::new(fen, 2).normalize().to_string();
        place(&mut self.input, &self.steps, Value::String(amount))
            .ok_or_else(|| Failure::invalid(vec![FieldError::new("$", "案例中没有该字段所在的对象或成员")]))?;
        let result = evaluate(&case::from_value(&self.input)?, self.options)?;
        if self.titles.is_empty() {
            self.titles = result.decisions.iter().map(|d| (d.measure, d.title)).collect();
        }
        Ok(result.decisions.iter().map(|d| d.outcome).collect())
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

/// `$.incomes.wage`, `$.members[0].medical_out_of_pocket` → its steps; `None` if malformed.
fn parse_path(path: &str) -> Option<Vec<Step>> {
    let rest = path.strip_prefix("$.")?;
    let mut steps = Vec::new();
    for part in rest.split('.') {
        let (key, mut idx) = part.find('[').map_or((part, ""), |i| part.split_at(i));
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit()) {
            return None;
        }
        steps.push(Step::Key(key.to_string()));
        while let Some(r) = idx.strip_prefix('[') {
            let (n, after) = r.split_once(']')?;
            steps.push(Step::Index(n.parse().ok()?));
            idx = after;
        }
        if !idx.is_empty() {
            return None;
        }
    }
    (!steps.is_empty() && steps.len() <= 8).then_some(steps)
}

fn lookup<'a>(v: &'a Value, steps: &[Step]) -> Option<&'a Value> {
    steps.iter().try_fold(v, |v, s| match s {
        Step::Key(k) => v.get(k),
        Step::Index(i) => v.get(i),
    })
}

/// Sets the value at the path, creating the last object key (an income not yet given) but never
/// a member or an intermediate object that is not there.
fn place(v: &mut Value, steps: &[Step], value: Value) -> Option<()> {
    let (last, parents) = steps.split_last()?;
    let parent = parents.iter().try_fold(v, |v, s| match s {
        Step::Key(k) => v.get_mut(k),
        Step::Index(i) => v.get_mut(i),
    })?;
    match (parent, last) {
        (Value::Object(m), Step::Key(k)) => {
            m.insert(k.clone(), value);
            Some(())
        }
        (Value::Array(a), Step::Index(i)) => {
            *a.get_mut(*i)? = value;
            Some(())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_read_strictly() {
        assert_eq!(parse_path("$.incomes.wage"), Some(vec![Step::Key("incomes".into()), Step::Key("wage".into())]));
        assert_eq!(
            parse_path("$.members[1].medical_out_of_pocket"),
            Some(vec![Step::Key("members".into()), Step::Index(1), Step::Key("medical_out_of_pocket".into())])
        );
        assert_eq!(parse_path("incomes.wage"), None);
        assert_eq!(parse_path("$.members[x].a"), None);
        assert_eq!(parse_path("$.a..b"), None);
    }
}

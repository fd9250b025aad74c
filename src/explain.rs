//! The vocabulary results are explained in: outcomes, missing inputs and distances to thresholds.
//!
//! Shared by the household and village engines so the page renders every result the same way:
//! what was decided, on which figures, how far from the line, and what input is still needed.
use crate::money::{self, Yuan};
use crate::prose::Prose;
use rust_decimal::Decimal;
use serde::Serialize;

/// The three answers a rule can give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// 符合 / 适用
    Applies,
    /// 不符合 / 不适用
    DoesNotApply,
    /// 无法判断：见 `missing`
    CannotDecide,
}

impl Outcome {
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Applies => "符合",
            Outcome::DoesNotApply => "不符合",
            Outcome::CannotDecide => "无法判断",
        }
    }
}

/// An input the rule needs and did not get, so a form can ask for exactly it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Missing {
    /// JSON path of the field, e.g. `$.members[1].labour_capacity`.
    pub path: String,
    /// Its Chinese label.
    pub label: String,
}

impl Missing {
    pub fn new(path: impl Into<String>, label: impl Into<String>) -> Self {
        Missing { path: path.into(), label: label.into() }
    }
}

/// Which side of a threshold counts as "below".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// The rule holds while value < threshold (e.g. income below the 低保 standard).
    Below,
    /// The rule holds while value > threshold (e.g. medical costs above last year's income).
    Above,
}

/// How far a value is from a threshold, and the value at which the decision flips.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Threshold {
    /// What is compared, e.g. `低保计算人均收入`.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub quantity: Prose,
    pub unit: &'static str,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub value: Decimal,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub threshold: Decimal,
    pub comparison: Comparison,
    /// Whether the rule's condition holds now.
    pub holds: bool,
    /// The value at which the outcome flips (to fen).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub flip_at: Decimal,
    /// How much the value must change to flip it (always ≥ 0).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub change_to_flip: Decimal,
    /// e.g. `人均收入再增加 ¥312 将不再符合`.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub explanation: Prose,
}

impl Threshold {
    /// A money threshold. For `Below`, the condition is value < threshold, so it stops holding
    /// at value = threshold and starts holding one fen below it. For `Above`, the mirror image.
    pub fn money(quantity: impl Into<Prose>, unit: &'static str, value: Decimal, threshold: Decimal, comparison: Comparison) -> Threshold {
        let quantity = quantity.into();
        let fen = Decimal::new(1, 2);
        let (holds, flip_at) = match comparison {
            Comparison::Below => {
                let holds = value < threshold;
                (holds, if holds { threshold } else { money::ceil_fen(threshold) - fen })
            }
            Comparison::Above => {
                let holds = value > threshold;
                (holds, if holds { threshold } else { money::to_fen(threshold.trunc_with_scale(2)) + fen })
            }
        };
        let change = money::ceil_fen((flip_at - value).abs());
        let direction = if flip_at >= value { "增加" } else { "减少" };
        let verdict = if holds { "将不再符合" } else { "即可符合" };
        let explanation = if change.is_zero() {
            crate::prose!("{}恰在临界值 {}", quantity.clone(), Yuan(threshold))
        } else {
            crate::prose!("{}再{} {} {}（临界值 {}）", quantity.clone(), direction, Yuan(change), verdict, Yuan(threshold))
        };
        Threshold {
            quantity,
            unit,
            value,
            threshold,
            comparison,
            holds,
            flip_at,
            change_to_flip: change,
            explanation,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn below_threshold_reports_the_increase_that_ends_eligibility() {
        let t = Threshold::money("人均收入", "元", d("4688"), d("5000"), Comparison::Below);
        assert!(t.holds);
        assert_eq!(t.change_to_flip, d("312"));
        assert_eq!(t.explanation, "人均收入再增加 ¥312 将不再符合（临界值 ¥5,000）");
    }

    #[test]
    fn at_the_threshold_is_not_below_it() {
        let t = Threshold::money("人均收入", "元", d("5000"), d("5000"), Comparison::Below);
        assert!(!t.holds);
        assert_eq!(t.flip_at, d("4999.99"));
        assert_eq!(t.change_to_flip, d("0.01"));
        assert!(t.explanation.to_string().contains("减少 ¥0.01 即可符合"));
    }

    #[test]
    fn above_threshold_mirrors_below() {
        let t = Threshold::money("就医自负费用", "元", d("9000"), d("10000"), Comparison::Above);
        assert!(!t.holds);
        assert_eq!(t.flip_at, d("10000.01"));
        assert_eq!(t.change_to_flip, d("1000.01"));
    }
}
